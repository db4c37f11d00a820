/** What every portal page that calls the Formulary service shares: its error and how to word it. */
export { ServiceError } from './ServiceError';
export { serviceReason } from './serviceReason';

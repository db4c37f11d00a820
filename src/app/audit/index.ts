/** The audit log page for administrators. Imported through this file only. */
export { AuditPage } from './AuditPage';

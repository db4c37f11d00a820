/** Signing in to the serving Formulary service from the portal. Imported through this file only. */
export { csrfHeaders, type SessionUser } from './authClient';
export { SessionBar } from './SessionBar';
export { staffAccessModel, staffNote } from './staffAccessModel';
export { refreshSession, useSession } from './useSession';
export { useStaffAccess } from './useStaffAccess';
export { withStaffDefaults } from './withStaffDefaults';

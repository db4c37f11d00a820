/** Who you are and what you may do: accounts, tokens, single sign-on, the rules. Imported through this file only. */
export { type AuthConfig, defaultAuthConfig, parseAuthConfig, type SsoConfig } from './AuthConfig';
export { AuthError, AuthService, type IssuedToken, type LoginOutcome, type UserInput } from './AuthService';
export { TOKEN_SCOPES, type TokenScope } from './apiTokens';
export { DEMO_PASSWORD, DEMO_USERS, ensureDemoUsers } from './demoUsers';
export { ANONYMOUS, type AuthVia, type Principal, principalView } from './Principal';
export { hashPassword, verifyPassword } from './passwords';
export {
  type Action,
  type Decision,
  decide,
  mayRead,
  readableScope,
  SUBMITTER_RERUN_STATES,
  type SubmissionRef,
} from './permissions';
export { grantsOf, proxyList, readSso, type SsoIdentity, type SsoOutcome } from './singleSignOn';
export { type ChangedStaffField, changedStaffFields, hasStaffFields } from './staffFields';

/**
 * The demo's accounts (`npm start`): a scientist on two proposals, a scientist on another, EQSANS
 * staff and an administrator, all with one known password. Created when missing, left alone when
 * present (a changed password stays changed). Only for a server on a loopback address.
 */
import { AuthError, type AuthService } from './AuthService';

export const DEMO_PASSWORD = 'formulary-demo';

export const DEMO_USERS = [
  {
    username: 'alice',
    displayName: 'Alice (scientist: IPTS-31204, IPTS-33120)',
    proposals: ['IPTS-31204', 'IPTS-33120'],
  },
  { username: 'bob', displayName: 'Bob (scientist: IPTS-31377)', proposals: ['IPTS-31377'] },
  { username: 'carol', displayName: 'Carol (EQSANS staff)', staffOf: ['eqsans'] },
  { username: 'admin', displayName: 'Admin (administrator)', admin: true },
] as const;

/** Adds the demo users that do not exist yet; returns the names added. */
export async function ensureDemoUsers(auth: AuthService): Promise<string[]> {
  const added: string[] = [];
  for (const user of DEMO_USERS) {
    try {
      await auth.addUser({ ...user, password: DEMO_PASSWORD });
      added.push(user.username);
    } catch (error) {
      if (!(error instanceof AuthError && error.kind === 'exists')) throw error;
    }
  }
  return added;
}

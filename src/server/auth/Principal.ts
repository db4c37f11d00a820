/**
 * Who is asking: a signed-in user (by session cookie, API token or the facility's single sign-on) with
 * the proposals they belong to and the instrument teams they are on, or nobody. Built once per
 * request from the store (so a disabled user or a removed membership counts at once), read by the
 * permission rules.
 */
import type { TokenScope } from './apiTokens';

export type AuthVia = 'anonymous' | 'session' | 'token' | 'sso';

export interface Principal {
  /** null: anonymous. */
  readonly username: string | null;
  readonly displayName: string;
  readonly admin: boolean;
  /** Proposals as stored on submissions: IPTS-12345. */
  readonly proposals: ReadonlySet<string>;
  readonly staffOf: ReadonlySet<string>;
  readonly via: AuthVia;
  /** An API token's scopes; null for sessions and single sign-on (everything the user may do). */
  readonly scopes: ReadonlySet<TokenScope> | null;
}

export const ANONYMOUS: Principal = {
  username: null,
  displayName: 'anonymous',
  admin: false,
  proposals: new Set(),
  staffOf: new Set(),
  via: 'anonymous',
  scopes: null,
};

/** What the portal shows and the session route answers. */
export function principalView(p: Principal) {
  return {
    username: p.username,
    displayName: p.displayName,
    admin: p.admin,
    proposals: [...p.proposals].sort(),
    staffOf: [...p.staffOf].sort(),
    via: p.via,
    scopes: p.scopes === null ? null : [...p.scopes].sort(),
  };
}

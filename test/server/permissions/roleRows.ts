/**
 * The roles of the permission matrix and one row of it: what each role gets from one request. Shared
 * by permissionsSuite and defaultsMatrix so that a row reads as one line, in the column order of ROLES,
 * and every check asks each role in turn and compares the whole row at once (a failure shows them all).
 */
import { expect } from 'vitest';

/** The roles of the issue, plus a co-member: in the proposal, not the submitter. */
export const ROLES = [
  'anonymous',
  'scientist',
  'coMember',
  'otherScientist',
  'staff',
  'otherStaff',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];
export type Row<T = number> = Record<Role, T>;

/**
 * A row written in the column order of ROLES: anonymous, scientist, coMember, otherScientist, staff,
 * otherStaff, admin.
 */
export function row<T>(...values: [T, T, T, T, T, T, T]): Row<T> {
  return Object.fromEntries(ROLES.map((role, i) => [role, values[i]])) as Row<T>;
}

/**
 * Asks every role of `order` in turn (the order matters where one role's request changes what the
 * next gets) and expects the statuses to be `expected`, compared as a whole.
 */
export async function expectStatuses(
  expected: Row,
  order: readonly Role[],
  request: (role: Role, index: number) => Promise<Response>,
): Promise<void> {
  const got = {} as Row;
  for (const [i, role] of order.entries()) got[role] = (await request(role, i)).status;
  expect(got).toEqual(expected);
}

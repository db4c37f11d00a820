/**
 * The rules, in one place: a pure function of who asks, what they want to do and to what. Every
 * route and every live subscription asks `decide`; the page only mirrors the answers.
 *
 * - submit for an instrument: a member of the proposal the request names, staff of the instrument, an admin;
 * - read a submission (its request, jobs, logs, live events): its submitter, members of its proposal,
 *   staff of its instrument, admins;
 * - cancel: the submitter, staff of the instrument, admins;
 * - re-run: staff and admins; the submitter when the job failed, timed out or was interrupted;
 * - batch re-run, the audit log, all users: admins;
 * - a staff-only field with a non-default value: staff of the instrument and admins;
 * - change or reset an instrument's defaults: staff of the instrument and admins.
 * Whoever may not read a submission gets 404 for anything about it (its existence does not leak);
 * anonymous gets 401; a signed-in user refused an action on what they can read gets 403.
 */
import { type MessageValues, translate } from '../../schemas/index';
import type { TokenScope } from './apiTokens';
import type { Principal } from './Principal';

/** What a rule needs to know about a submission. */
export interface SubmissionRef {
  readonly instrument: string;
  /** IPTS-12345, or null when the request names none. */
  readonly proposal: string | null;
  readonly submitter: string | null;
}

export type Action =
  | { readonly kind: 'submit'; readonly instrument: string; readonly proposal: string | null }
  | { readonly kind: 'list' }
  | { readonly kind: 'read'; readonly submission: SubmissionRef }
  | { readonly kind: 'cancel'; readonly submission: SubmissionRef }
  | { readonly kind: 'rerun'; readonly submission: SubmissionRef; readonly state: string | null }
  | { readonly kind: 'batch-rerun' }
  | { readonly kind: 'watch-instrument'; readonly instrument: string }
  | { readonly kind: 'staff-field'; readonly instrument: string; readonly field: string }
  | { readonly kind: 'edit-defaults'; readonly instrument: string }
  | { readonly kind: 'manage-tokens' }
  | { readonly kind: 'read-audit' };

export type Decision =
  | { readonly allow: true }
  | {
      readonly allow: false;
      readonly status: 401 | 403 | 404;
      /** The reason in English (logs); `words` its catalogue key, so the answer speaks the caller's language. */
      readonly reason: string;
      readonly words: { readonly key: string; readonly values?: MessageValues };
    };

const ALLOW: Decision = { allow: true };
/** A refusal worded by the catalogue's `key` (problem.*). */
const deny = (status: 401 | 403 | 404, key: string, values?: MessageValues): Decision => ({
  allow: false,
  status,
  reason: translate('en', key, values),
  words: { key, ...(values && { values }) },
});

/** States after which the submitter may re-run their own job. */
export const SUBMITTER_RERUN_STATES: ReadonlySet<string> = new Set(['failed', 'timed_out', 'interrupted']);

const SCOPE_OF: Record<Action['kind'], TokenScope | 'session'> = {
  submit: 'submit',
  cancel: 'submit',
  rerun: 'submit',
  'batch-rerun': 'submit',
  'staff-field': 'submit',
  'edit-defaults': 'submit',
  list: 'read',
  read: 'read',
  'watch-instrument': 'read',
  'read-audit': 'read',
  // A token cannot mint or revoke tokens: a leaked token must not outlive its own expiry.
  'manage-tokens': 'session',
};

const isStaff = (p: Principal, instrument: string) => p.admin || p.staffOf.has(instrument);

export function mayRead(p: Principal, s: SubmissionRef): boolean {
  if (p.username === null) return false;
  if (isStaff(p, s.instrument)) return true;
  if (s.submitter !== null && s.submitter === p.username) return true;
  return s.proposal !== null && p.proposals.has(s.proposal);
}

export function decide(p: Principal, action: Action): Decision {
  if (p.username === null) return deny(401, 'problem.signIn');
  const scope = SCOPE_OF[action.kind];
  if (p.scopes !== null) {
    if (scope === 'session') return deny(403, 'problem.tokenCannotManage');
    if (!p.scopes.has(scope))
      return deny(403, 'problem.tokenScope', { scopes: [...p.scopes].join(', ') || 'none', scope });
  }
  switch (action.kind) {
    case 'list':
    case 'manage-tokens':
      return ALLOW;
    case 'submit': {
      if (isStaff(p, action.instrument)) return ALLOW;
      if (action.proposal !== null && p.proposals.has(action.proposal)) return ALLOW;
      return action.proposal === null
        ? deny(403, 'problem.submitNoProposal', { instrument: action.instrument })
        : deny(403, 'problem.submitNotMember', { proposal: action.proposal, instrument: action.instrument });
    }
    case 'read':
      return mayRead(p, action.submission) ? ALLOW : deny(404, 'problem.noSuchSubmission');
    case 'cancel': {
      if (!mayRead(p, action.submission)) return deny(404, 'problem.noSuchSubmission');
      if (isStaff(p, action.submission.instrument) || action.submission.submitter === p.username)
        return ALLOW;
      return deny(403, 'problem.cancelNotAllowed', { instrument: action.submission.instrument });
    }
    case 'rerun': {
      if (!mayRead(p, action.submission)) return deny(404, 'problem.noSuchSubmission');
      if (isStaff(p, action.submission.instrument)) return ALLOW;
      if (action.submission.submitter === p.username) {
        if (action.state !== null && SUBMITTER_RERUN_STATES.has(action.state)) return ALLOW;
        return deny(403, 'problem.rerunState', {
          state: action.state ?? 'none',
          instrument: action.submission.instrument,
        });
      }
      return deny(403, 'problem.rerunNotAllowed', { instrument: action.submission.instrument });
    }
    case 'watch-instrument':
      // Others may subscribe too, but receive only the events of submissions they may read.
      return isStaff(p, action.instrument)
        ? ALLOW
        : deny(403, 'problem.watchStaffOnly', { instrument: action.instrument });
    case 'staff-field':
      return isStaff(p, action.instrument)
        ? ALLOW
        : deny(403, 'problem.staffField', { field: action.field, instrument: action.instrument });
    case 'edit-defaults':
      return isStaff(p, action.instrument)
        ? ALLOW
        : deny(403, 'problem.defaultsStaffOnly', { instrument: action.instrument });
    case 'batch-rerun':
    case 'read-audit':
      return p.admin ? ALLOW : deny(403, 'problem.adminOnly');
  }
}

/** What a listing may show: null for everything (admins), else the union of these. */
export function readableScope(
  p: Principal,
): { proposals: string[]; instruments: string[]; submitter: string | null } | null {
  if (p.admin) return null;
  return { proposals: [...p.proposals], instruments: [...p.staffOf], submitter: p.username };
}

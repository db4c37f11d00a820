/**
 * What a live subscription may read, decided from a principal by the permission rules: a submission's
 * group only for those who may read it; an instrument's whole queue for its staff, for others only
 * the events of submissions they may read; "mine" what the user sent; "all" what they may read.
 * Asked at subscribe time and again whenever the user's rights change (liveRoutes, AccessWatch).
 */
import { decide, mayRead, type Principal } from '../../auth/index';
import type { Instrument } from '../../instruments/index';
import { parseGroup } from '../../live/index';
import type { EventFilter, LiveEvent, StoredSubmission } from '../../store/index';
import type { SubmissionService } from '../../submissions/index';
import { refOf } from '../guard';

/** What a subscription reads, and, when the asker may not read all of it, which events pass. */
export interface Allowed {
  readonly filter: EventFilter;
  /** Per event, in order; undefined: every event of the filter. */
  readonly check?: (event: LiveEvent) => Promise<boolean>;
  /** An instrument's whole queue (staff): losing that ends the subscription, it is not narrowed. */
  readonly whole: boolean;
}

export type LiveAccess = (group: unknown, principal: Principal) => Promise<Allowed>;

export function liveAccess(
  submissions: SubmissionService,
  instruments: ReadonlyMap<string, Instrument>,
): LiveAccess {
  /**
   * Per subscription and principal: does the event's submission pass `test`? Answers are cached per
   * submission, so a submission is read once per subscription, not once per event.
   */
  const submissionCheck = (test: (submission: StoredSubmission) => boolean) => {
    const known = new Map<string, boolean>();
    return async (event: LiveEvent): Promise<boolean> => {
      let ok = known.get(event.submissionId);
      if (ok === undefined) {
        const s = await submissions.get(event.submissionId);
        ok = s !== undefined && test(s);
        known.set(event.submissionId, ok);
      }
      return ok;
    };
  };
  const readableCheck = (principal: Principal) => submissionCheck((s) => mayRead(principal, refOf(s)));
  const ownCheck = (principal: Principal) => submissionCheck((s) => s.submitter === principal.username);

  /** Throws a message for the client when the group may not be followed. */
  return async (text, principal) => {
    const group = parseGroup(text);
    // "mine" is what the user sent, as GET /api/submissions?mine=true; "all" every readable one.
    if (group.kind === 'mine') return { filter: {}, check: ownCheck(principal), whole: false };
    if (group.kind === 'all')
      return {
        filter: {},
        check: principal.admin ? undefined : readableCheck(principal),
        whole: false,
      };
    if (group.kind === 'instrument') {
      if (!instruments.has(group.id)) throw new Error(`no instrument "${group.id}"`);
      const whole = decide(principal, { kind: 'watch-instrument', instrument: group.id }).allow;
      return {
        filter: { instrument: group.id },
        check: whole ? undefined : readableCheck(principal),
        whole,
      };
    }
    // Missing and not readable read the same: the group's existence does not leak.
    const found = await submissions.get(group.id);
    if (!found || !decide(principal, { kind: 'read', submission: refOf(found) }).allow)
      throw new Error(`no submission "${group.id}"`);
    return { filter: { submissionIds: [group.id] }, whole: false };
  };
}

/**
 * The subscription as it stands after a change of rights: the new rule, or why it ends (a message
 * naming the group). Allowed ones keep their place in the event feed: only the check is swapped.
 */
export async function reconsider(
  access: LiveAccess,
  group: string,
  before: Allowed,
  principal: Principal,
): Promise<{ readonly rule: Allowed } | { readonly ended: string }> {
  let rule: Allowed;
  try {
    rule = await access(group, principal);
  } catch (error) {
    return { ended: `your access to "${group}" was withdrawn (${(error as Error).message})` };
  }
  if (before.whole && !rule.whole)
    return {
      ended: `you no longer see the whole queue of "${group}": subscribe again to follow the submissions you may read`,
    };
  return { rule };
}

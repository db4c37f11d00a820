/**
 * Two reads of the resync tests (a page cut off while its job ends and the sweep removes the events
 * it missed): the event id a page was at most current to when cut, and whether a resume from that id
 * is now refused with the resync signal. Asked of the server directly, as the tester.
 */
import { testerFetch } from '../server/serverProcess';

/** The submission's snapshot event id now: the page, cut off just before, was current to at most this. */
export async function snapshotEventId(serverUrl: string, id: string): Promise<number> {
  const response = await testerFetch(`${serverUrl}/api/submissions/${id}/snapshot?tail=0`);
  return ((await response.json()) as { eventId: number }).eventId;
}

/**
 * Whether a resume of the submission's group since `since` gets the resync signal. Not swept yet, the
 * stream stays open and follows (cut after 2 s: false); a resync ends it at once.
 */
export async function resumeGetsResync(serverUrl: string, id: string, since: number): Promise<boolean> {
  const sse = await testerFetch(`${serverUrl}/api/live/sse?group=submission:${id}&since=${since}`, {
    signal: AbortSignal.timeout(2000),
  });
  return (await sse.text().catch(() => '')).includes('event: resync');
}

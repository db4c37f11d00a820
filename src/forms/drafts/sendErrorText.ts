/**
 * The last failure of an outbox entry in the reader's words: our own reasons (network, timeout,
 * server status) from the catalogues (draft.send.*), the server's own words (a refusal's detail) as
 * it wrote them, and nothing when it never failed. Shared by the submit status and the outbox panel.
 */
import type { Translator } from '../../schemas/index';
import type { OutboxEntry } from './createOutboxStore';

/** The entry's last failure as a clause, or undefined. */
export function sendErrorText(t: Translator, entry: OutboxEntry): string | undefined {
  if (entry.lastWhy) return t(entry.lastWhy.key, entry.lastWhy.values);
  return entry.lastError;
}

/**
 * The groups a client may follow, written as text on the wire: `submission:<id>` (one submission's
 * jobs), `instrument:<id>` (an instrument's queue), `mine` (every submission the signed-in user may
 * read) or `all`, the same set under the name the list page first used: what the asker may read.
 * Who may follow what is decided by the permission rules where the group is subscribed.
 */
export type LiveGroup =
  | { readonly kind: 'submission'; readonly id: string }
  | { readonly kind: 'instrument'; readonly id: string }
  | { readonly kind: 'mine' }
  | { readonly kind: 'all' };

/** Parses a group name; throws an Error whose message is fit for the client. */
export function parseGroup(text: unknown): LiveGroup {
  if (typeof text !== 'string') throw new Error('group must be a string such as "submission:<id>"');
  if (text === 'mine') return { kind: 'mine' };
  if (text === 'all') return { kind: 'all' };
  const match = /^(submission|instrument):([\w.:-]{1,128})$/.exec(text);
  if (!match)
    throw new Error(
      `unknown group "${text.slice(0, 140)}": use "submission:<id>", "instrument:<id>", "mine" or "all"`,
    );
  return { kind: match[1] as 'submission' | 'instrument', id: match[2]! };
}

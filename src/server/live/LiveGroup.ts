/**
 * The groups a client may follow, written as text on the wire: `submission:<id>` (one submission's
 * jobs) or `instrument:<id>` (an instrument's queue). "My submissions" (`mine`) needs to know who
 * asks, which the permissions issue brings; until then it is refused with a message saying so, and a
 * list page follows `all` (every submission the client may read: today every one).
 */
export type LiveGroup =
  | { readonly kind: 'submission'; readonly id: string }
  | { readonly kind: 'instrument'; readonly id: string }
  | { readonly kind: 'all' };

/** Parses a group name; throws an Error whose message is fit for the client. */
export function parseGroup(text: unknown): LiveGroup {
  if (typeof text !== 'string') throw new Error('group must be a string such as "submission:<id>"');
  if (text === 'mine')
    throw new Error(
      '"mine" needs a signed-in user, which this server does not have yet; follow "submission:<id>" instead',
    );
  if (text === 'all') return { kind: 'all' };
  const match = /^(submission|instrument):([\w.:-]{1,128})$/.exec(text);
  if (!match)
    throw new Error(
      `unknown group "${text.slice(0, 140)}": use "submission:<id>", "instrument:<id>" or "all"`,
    );
  return { kind: match[1] as LiveGroup['kind'], id: match[2]! };
}

/**
 * The language a caller asked for in Accept-Language, among those with a message catalogue: the
 * portal and the embed send the form's language, so the messages of a refused request that go beside
 * the fields (the 422's `errors[].message`) read like the form's own. Titles and details of problems
 * stay English: they are for logs and machines. Undefined when no language with a catalogue is asked.
 */
import { catalogueOf } from '../../schemas/index';

/** The first tag of an Accept-Language header (by q, then order) that has a catalogue. O(tags). */
export function requestLocale(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (!text) return undefined;
  const tags = text
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter(
      (t) => t.tag !== '' && t.tag !== '*' && t.q > 0 && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(t.tag),
    )
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return tags.find((t) => catalogueOf(t.tag) !== undefined)?.tag;
}

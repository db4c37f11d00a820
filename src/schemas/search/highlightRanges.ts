/**
 * Which parts of a label (or any text) a query matched, as [start, end) offsets into the original
 * text, so a view can wrap them in <mark>. Same word rules as the index (tokenize.ts). No DOM.
 */
import type { SearchQuery } from './rankEntry';
import { parseQuery } from './rankEntry';
import { tokenize } from './tokenize';

/** A matched run of the original text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The prefix of each word of `text` that some query word matches, merged when adjacent. O(words × q).
 * highlightRanges("Log Q bins", "bin") -> [{ start: 6, end: 9 }]
 */
export function highlightRanges(text: string, query: string | SearchQuery): TextRange[] {
  const q = typeof query === 'string' ? parseQuery(query) : query;
  const ranges: TextRange[] = [];
  for (const token of tokenize(text)) {
    let best = 0;
    for (const w of q.words) if (w.length > best && token.text.startsWith(w)) best = w.length;
    if (best === 0) continue;
    // Folding may change length ("ß"); mark the whole word then rather than a wrong part of it.
    const end = token.text.length === token.end - token.start ? token.start + best : token.end;
    const last = ranges[ranges.length - 1];
    if (last && last.end === token.start) ranges[ranges.length - 1] = { start: last.start, end };
    else ranges.push({ start: token.start, end });
  }
  return ranges;
}

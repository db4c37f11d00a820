/** Text with the words a query matched wrapped in <mark> (ranges from the schemas layer's highlightRanges). */
import type { ReactNode } from 'react';
import { highlightRanges, type SearchQuery } from '../../schemas/index';

export function Highlighted({ text, query }: { text: string; query: SearchQuery }): ReactNode {
  const ranges = highlightRanges(text, query);
  if (ranges.length === 0) return text;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(<mark key={r.start}>{text.slice(r.start, r.end)}</mark>);
    at = r.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

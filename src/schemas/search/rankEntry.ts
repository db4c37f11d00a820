/**
 * The search's meaning, in one place: a query matches a field when every query word is a prefix of
 * one of its words; the rank says how well. FieldIndex only finds candidates faster; linearSearch
 * applies this to every field and is the reference the property test and the benchmark compare to.
 */
import type { SearchEntry } from './searchEntries';
import { words } from './tokenize';

/** Best first: exact label, label prefix, key prefix, word prefix (name words), description word. */
export const Rank = {
  exactLabel: 0,
  labelPrefix: 1,
  keyPrefix: 2,
  wordPrefix: 3,
  descriptionWord: 4,
} as const;
export type Rank = (typeof Rank)[keyof typeof Rank];

/** A parsed query: its folded words, and the forms the label and key comparisons use. */
export interface SearchQuery {
  readonly words: readonly string[];
  readonly spaced: string;
  readonly compact: string;
}

/** Parses what the user typed. O(length). */
export function parseQuery(text: string): SearchQuery {
  const w = words(text);
  return { words: w, spaced: w.join(' '), compact: w.join('') };
}

/** One search result: the field's entry and its rank. */
export interface SearchHit {
  readonly entry: SearchEntry;
  readonly rank: Rank;
}

const hasPrefix = (list: readonly string[], prefix: string): boolean => {
  for (const w of list) if (w.startsWith(prefix)) return true;
  return false;
};

/** Whether `word` is a prefix of one of the entry's words (names or description). O(words). */
export function entryHasPrefix(entry: SearchEntry, word: string): boolean {
  return hasPrefix(entry.nameWords, word) || hasPrefix(entry.descriptionWords, word);
}

/** The rank of a field already known to match every query word. O(words of the field). */
export function rankMatched(entry: SearchEntry, query: SearchQuery): Rank {
  if (entry.labelText === query.spaced) return Rank.exactLabel;
  if (entry.labelText.startsWith(query.spaced)) return Rank.labelPrefix;
  if (entry.keyText !== '' && entry.keyText.startsWith(query.compact)) return Rank.keyPrefix;
  for (const w of query.words) if (!hasPrefix(entry.nameWords, w)) return Rank.descriptionWord;
  return Rank.wordPrefix;
}

/** The rank of `entry` for `query`, or -1 when it does not match. O(words of the field). */
export function rankEntry(entry: SearchEntry, query: SearchQuery): Rank | -1 {
  if (query.words.length === 0) return -1;
  for (const w of query.words) if (!entryHasPrefix(entry, w)) return -1;
  return rankMatched(entry, query);
}

/**
 * Every matching entry, best rank first, ties in schema order: the plain filter the index must equal.
 * O(fields × words). `entries` must be in schema order.
 */
export function linearSearch(entries: readonly SearchEntry[], text: string | SearchQuery): SearchHit[] {
  const query = typeof text === 'string' ? parseQuery(text) : text;
  const buckets: SearchHit[][] = [[], [], [], [], []];
  for (const entry of entries) {
    const rank = rankEntry(entry, query);
    if (rank >= 0) (buckets[rank] as SearchHit[]).push({ entry, rank: rank as Rank });
  }
  return buckets.flat();
}

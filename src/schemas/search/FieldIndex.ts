/**
 * FieldIndex: finds fields by words in a keystroke. Every distinct word of every field is a key of a
 * SortedDict (src/sorted) mapping to the ascending positions of the fields holding it, so a query word
 * finds all words it prefixes by one bisect and a range walk, never a scan of the fields. Results equal
 * linearSearch (rankEntry.ts) exactly: the index only narrows the candidates. No DOM, no framework.
 */
import { SortedDict } from '../../sorted/index';
import type { FieldModel, PointerTemplate } from '../FieldModel';
import { entryHasPrefix, parseQuery, Rank, rankMatched, type SearchHit, type SearchQuery } from './rankEntry';
import { type SearchEntry, searchEntries } from './searchEntries';

/** Above every folded character: the end of a prefix range. */
const PREFIX_END = '\uffff';

export interface SearchOptions {
  /** Keep only the first `limit` hits (the ranking is still over every match). */
  readonly limit?: number;
}

export class FieldIndex {
  /** Every field in schema order; a hit's entry.position indexes this. */
  readonly entries: readonly SearchEntry[];
  private readonly words: SortedDict<string, Int32Array>;
  /** Per word, the positions holding it among their name words (label, key, units, enum labels) only. */
  private readonly nameWords = new Map<string, Int32Array>();
  private readonly byPointer = new Map<PointerTemplate, SearchEntry>();
  /** Per-search marks (a stamp per pass, so nothing is cleared between queries). */
  private readonly marks: Uint32Array;
  private stamp = 0;

  /** Indexes `source` (a FieldModel, or entries from searchEntries in schema order). O(W log W) for W words. */
  constructor(source: FieldModel | readonly SearchEntry[]) {
    this.entries = Array.isArray(source) ? source : searchEntries(source as FieldModel);
    const postings = new Map<string, number[]>();
    const names = new Map<string, number[]>();
    this.entries.forEach((entry, i) => {
      if (entry.position !== i)
        throw new Error(`FieldIndex: entry "${entry.pointer}" has position ${entry.position}, expected ${i}`);
      if (!this.byPointer.has(entry.pointer)) this.byPointer.set(entry.pointer, entry);
      for (const list of [entry.nameWords, entry.descriptionWords])
        for (const w of list) {
          const ids = postings.get(w);
          if (ids === undefined) postings.set(w, [i]);
          else if (ids[ids.length - 1] !== i) ids.push(i);
        }
      for (const w of entry.nameWords) {
        const ids = names.get(w);
        if (ids === undefined) names.set(w, [i]);
        else if (ids[ids.length - 1] !== i) ids.push(i);
      }
    });
    for (const [w, ids] of names) this.nameWords.set(w, Int32Array.from(ids));
    this.words = new SortedDict<string, Int32Array>(
      [...postings].map(([w, ids]) => [w, Int32Array.from(ids)] as const),
    );
    this.marks = new Uint32Array(this.entries.length);
  }

  /** Number of fields. */
  get size(): number {
    return this.entries.length;
  }

  /** Number of distinct words indexed. */
  get wordCount(): number {
    return this.words.keys().length;
  }

  /** The first field at `pointer` (a template inside lists; a discriminator recurs per branch). O(1). */
  entry(pointer: PointerTemplate): SearchEntry | undefined {
    return this.byPointer.get(pointer);
  }

  /**
   * Matching fields, best first (exact label, label prefix, key prefix, word prefix, description
   * word), ties in schema order. O(q log W + k + candidates) for q query words whose prefixes cover k
   * postings. search("log q") finds LogQBinsPerDecade.
   */
  search(text: string | SearchQuery, options: SearchOptions = {}): SearchHit[] {
    const query = typeof text === 'string' ? parseQuery(text) : text;
    if (query.words.length === 0) return [];
    if (query.words.length === 1) return this.searchOneWord(query, options);
    // Per query word: the postings of every indexed word it prefixes.
    const lists = query.words.map((w) => {
      const found: Int32Array[] = [];
      let total = 0;
      for (const key of this.words.irange(w, w + PREFIX_END)) {
        const ids = this.words.get(key) as Int32Array;
        found.push(ids);
        total += ids.length;
      }
      return { word: w, found, total };
    });
    lists.sort((a, b) => a.total - b.total);
    const first = lists[0] as (typeof lists)[number];
    if (first.total === 0) return [];
    let candidates = this.union(first.found, first.total);
    // Narrow by the other words: by their postings when few, else by checking each candidate's words.
    for (let i = 1; i < lists.length && candidates.length > 0; i++) {
      const { word, found, total } = lists[i] as (typeof lists)[number];
      if (total <= candidates.length * 4) {
        const stamp = this.nextStamp();
        for (const ids of found) for (let j = 0; j < ids.length; j++) this.marks[ids[j] as number] = stamp;
        candidates = candidates.filter((id) => this.marks[id] === stamp);
      } else {
        candidates = candidates.filter((id) => entryHasPrefix(this.entries[id] as SearchEntry, word));
      }
    }
    const buckets: SearchHit[][] = [[], [], [], [], []];
    for (const id of candidates) {
      const entry = this.entries[id] as SearchEntry;
      const rank = rankMatched(entry, query);
      (buckets[rank] as SearchHit[]).push({ entry, rank });
    }
    const hits = buckets.flat();
    return options.limit === undefined ? hits : hits.slice(0, options.limit);
  }

  /**
   * One word: fields holding it only in their descriptions rank last without any string work, so a
   * common description word ("of") costs a mark per field, not a ranking. Same result as search().
   */
  private searchOneWord(query: SearchQuery, options: SearchOptions): SearchHit[] {
    const w = query.words[0] as string;
    const all: Int32Array[] = [];
    const named: Int32Array[] = [];
    let total = 0;
    let namedTotal = 0;
    for (const key of this.words.irange(w, w + PREFIX_END)) {
      const ids = this.words.get(key) as Int32Array;
      all.push(ids);
      total += ids.length;
      const nameIds = this.nameWords.get(key);
      if (nameIds) {
        named.push(nameIds);
        namedTotal += nameIds.length;
      }
    }
    if (total === 0) return [];
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const buckets: SearchHit[][] = [[], [], [], []];
    const byName = namedTotal === 0 ? [] : this.union(named, namedTotal);
    for (const id of byName) {
      const entry = this.entries[id] as SearchEntry;
      const rank = rankMatched(entry, query);
      (buckets[rank] as SearchHit[]).push({ entry, rank });
    }
    const hits = buckets.flat();
    if (hits.length >= limit) return hits.slice(0, limit);
    // The rest match by a description word only: every other field of the prefix's postings.
    const stamp = this.nextStamp();
    for (const id of byName) this.marks[id] = stamp;
    const rest: number[] = [];
    for (const ids of all)
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j] as number;
        if (this.marks[id] !== stamp) {
          this.marks[id] = stamp;
          rest.push(id);
        }
      }
    if (all.length > 1) rest.sort((a, b) => a - b);
    const room = Math.min(rest.length, limit - hits.length);
    for (let i = 0; i < room; i++)
      hits.push({ entry: this.entries[rest[i] as number] as SearchEntry, rank: Rank.descriptionWord });
    return hits;
  }

  /** Distinct positions in ascending (schema) order from several ascending posting lists. */
  private union(found: readonly Int32Array[], total: number): number[] {
    if (found.length === 1) return Array.from(found[0] as Int32Array);
    const n = this.entries.length;
    const stamp = this.nextStamp();
    if (total * 8 >= n) {
      // Dense: mark and sweep the positions, O(n) on a typed array, cheaper than sorting.
      for (const ids of found) for (let j = 0; j < ids.length; j++) this.marks[ids[j] as number] = stamp;
      const out: number[] = [];
      for (let id = 0; id < n; id++) if (this.marks[id] === stamp) out.push(id);
      return out;
    }
    const out: number[] = [];
    for (const ids of found)
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j] as number;
        if (this.marks[id] !== stamp) {
          this.marks[id] = stamp;
          out.push(id);
        }
      }
    return out.sort((a, b) => a - b);
  }

  private nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.marks.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

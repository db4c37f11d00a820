/** History export/import round-trips, and every bad entry is reported by index, none dropped silently. */
import { describe, expect, test } from 'vitest';
import {
  createHistoryStore,
  exportHistory,
  type HistoryEntry,
  historyProblemText,
  importHistory,
  memoryStorage,
} from '../../../src/forms/drafts/index';

const entry = (id: string, submittedAt: number): HistoryEntry => ({
  id,
  submittedAt,
  instrument: 'EQSANS',
  schemaVersion: 2,
  jobKind: 'combined',
  changedFields: ['/sample/run'],
  request: { sample: { run: [1] } },
});

describe('history JSON', () => {
  test('export then import gives the same entries', () => {
    const entries = [entry('a', 2), entry('b', 1)];
    expect(importHistory(exportHistory(entries))).toEqual({ entries, problems: [] });
  });

  test('bad entries are reported by index and field; good ones are kept', () => {
    const text = JSON.stringify({
      format: 'formulary-history',
      version: 1,
      entries: [
        entry('a', 1),
        { ...entry('b', 2), instrument: '' },
        'nonsense',
        { ...entry('c', 3), submittedAt: '2026-11-27T01:00:00Z' },
        { ...entry('d', 4), changedFields: [1] },
        // A request of any JSON type is kept (a list or text root sends one); a missing one is not.
        { ...entry('e', 5), request: undefined },
        { ...entry('f', 6), request: ['run', 7] },
      ],
    });
    const { entries, problems } = importHistory(text);
    expect(entries.map((e) => e.id)).toEqual(['a', 'c', 'f']);
    expect(entries[2]?.request).toEqual(['run', 7]);
    expect(entries[1]?.submittedAt).toBe(Date.parse('2026-11-27T01:00:00Z'));
    expect(problems.map(({ index, message }) => ({ index, message }))).toEqual([
      { index: 1, message: 'entry 1: "instrument" must be a non-empty string' },
      { index: 2, message: 'entry 2: is not an object' },
      { index: 4, message: 'entry 4: "changedFields" must be a list of JSON Pointers' },
      { index: 5, message: 'entry 5: "request" is missing' },
    ]);
  });

  test('each problem is worded in the reader’s language from its key (French here)', () => {
    const text = JSON.stringify({ entries: [entry('a', 1), { ...entry('b', 2), schemaVersion: 1.5 }, 7] });
    const { problems } = importHistory(text);
    expect(problems.map((p) => historyProblemText('fr', p))).toEqual([
      'entrée 1 : « schemaVersion » doit être un entier',
      'entrée 2 : n’est pas un objet',
    ]);
    expect(historyProblemText('fr', importHistory('{"format": "autre"}').problems[0]!)).toBe(
      'le format est « autre », « formulary-history » attendu',
    );
    expect(historyProblemText('fr', importHistory('{oops').problems[0]!)).toMatch(/^ce n’est pas du JSON : /);
  });

  test('a file that is not a history says why', () => {
    expect(importHistory('{oops').problems[0]?.message).toMatch(/^not JSON/);
    expect(importHistory('{"format": "other", "entries": []}').problems[0]?.message).toMatch(
      /format is "other"/,
    );
    expect(importHistory('{"a": 1}').problems[0]?.index).toBe(-1);
  });

  test('the store adds imported entries newest first and names the duplicates', async () => {
    const history = createHistoryStore({ storage: memoryStorage() });
    await history.getState().add(entry('a', 5));
    const result = await history.getState().addMany([entry('a', 5), entry('b', 9), entry('c', 1)]);
    expect(result).toEqual({ added: 2, duplicates: [0] });
    expect(history.getState().entries.map((e) => e.id)).toEqual(['b', 'a', 'c']);
  });
});

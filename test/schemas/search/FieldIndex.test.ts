/** FieldIndex: what a query finds, in which order, and where each hit sits in the form. */
import { describe, expect, test } from 'vitest';
import { FieldIndex, highlightRanges, linearSearch, Rank } from '../../../src/schemas/index';
import { searchModel } from './searchModel';

const index = new FieldIndex(searchModel());
const labels = (q: string) => index.search(q).map((h) => h.entry.field.label);
const pointers = (q: string) => index.search(q).map((h) => h.entry.pointer);

describe('FieldIndex.search', () => {
  test('finds a camelCase key by any of its words', () => {
    for (const q of ['decade', 'log q', 'LogQ', 'logq', 'per dec', 'DECADE']) {
      expect(pointers(q), q).toContain('/binning/LogQBinsPerDecade');
    }
  });

  test('multi-word queries intersect', () => {
    expect(labels('q bins')).toEqual(['Log Q bins per decade', 'Number of Q bins']);
    expect(labels('q bins max')).toEqual([]);
  });

  test('is case- and accent-insensitive both ways', () => {
    expect(labels('temperature')).toEqual(['Température']);
    expect(labels('TEMPÉR')).toEqual(['Température']);
  });

  test('searches units, enum labels and descriptions', () => {
    expect(labels('cm')).toEqual(['Thickness']);
    expect(labels('logarithmic')).toEqual(['Bin type', 'Log Q bins per decade']);
    expect(labels('momentum')).toEqual(['Q min']);
  });

  test('ranks exact label, label prefix, key prefix, word prefix, description word', () => {
    const hits = index.search('q min');
    expect(hits.map((h) => [h.entry.field.label, h.rank])).toEqual([['Q min', Rank.exactLabel]]);
    expect(index.search('q').map((h) => [h.entry.field.label, h.rank])).toEqual([
      ['Q min', Rank.labelPrefix],
      ['Q max cutoff', Rank.labelPrefix],
      ['Log Q bins per decade', Rank.wordPrefix],
      ['Number of Q bins', Rank.wordPrefix],
    ]);
    // "numq": the key numQBins starts so; its label "Number of Q bins" does not.
    expect(index.search('numq').map((h) => [h.entry.field.label, h.rank])).toEqual([
      ['Number of Q bins', Rank.keyPrefix],
    ]);
    expect(index.search('log').map((h) => [h.entry.field.label, h.rank])).toEqual([
      ['Log Q bins per decade', Rank.labelPrefix],
      ['Bin type', Rank.wordPrefix],
    ]);
    expect(index.search('lowest').map((h) => h.rank)).toEqual([Rank.descriptionWord]);
    expect(index.search('bins').map((h) => [h.entry.field.label, h.rank])).toEqual([
      ['Log Q bins per decade', Rank.wordPrefix],
      ['Number of Q bins', Rank.wordPrefix],
    ]);
  });

  test('ties keep schema order and limit cuts after ranking', () => {
    const all = index.search('q');
    expect(index.search('q', { limit: 2 })).toEqual(all.slice(0, 2));
  });

  test('an empty or separator-only query finds nothing', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search(' - ')).toEqual([]);
  });

  test('a hit says its section trail, choice branch and advanced flag', () => {
    const [suffix] = index.search('suffix');
    expect(suffix?.entry.trail).toEqual(['Job', 'Separate']);
    expect(suffix?.entry.branches).toEqual([{ choice: '/job', branch: 'each' }]);
    const [cutoff] = index.search('cutoff');
    expect(cutoff?.entry.advanced).toBe(true);
    expect(cutoff?.entry.trail).toEqual(['Binning']);
    const [run] = index.search('run');
    expect(run?.entry.pointer).toBe('/scans/*/run');
    expect(run?.entry.trail).toEqual(['Scans']);
  });

  test('equals the linear filter on the same entries', () => {
    for (const q of ['q', 'bin', 'log q', 'sample thick', 'x', 'a', 'run number'])
      expect(index.search(q), q).toEqual(linearSearch(index.entries, q));
  });
});

describe('highlightRanges', () => {
  test('marks the matched prefix of each word in the original text', () => {
    const text = 'Log Q bins per décade';
    const marked = (q: string) => highlightRanges(text, q).map((r) => text.slice(r.start, r.end));
    expect(marked('bin dec')).toEqual(['bin', 'déc']);
    expect(marked('log q')).toEqual(['Log', 'Q']);
    expect(marked('zzz')).toEqual([]);
  });
});

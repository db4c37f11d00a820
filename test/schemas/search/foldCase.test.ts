import { describe, expect, it } from 'vitest';
import { findFolded, foldCase } from '../../../src/schemas/index';

describe('foldCase (the log search fold, shared by the store and the page)', () => {
  it('folds what lower-casing leaves apart', () => {
    expect(foldCase('Überlauf bei ΔΣ')).toBe('überlauf bei δσ');
    expect(foldCase('ΔΣ').includes(foldCase('ς'))).toBe(true); // "δς" would miss σ
    expect(foldCase('STRASSE')).toBe(foldCase('Straße'));
    expect(foldCase('µs')).toBe(foldCase('μs'));
    expect(foldCase('\u212B')).toBe(foldCase('å')); // the Ångström sign
    expect(foldCase('ﬁle')).toBe('file');
    expect(foldCase('INFO')).toBe('info'); // not the Turkic fold
  });

  it('is idempotent, so a needle the page folded folds the same again at the server', () => {
    for (const text of ['Straße', 'ΔΣ ς', 'İzmir', 'ÅNGSTRÖM', 'ﬁ'])
      expect(foldCase(foldCase(text))).toBe(foldCase(text));
  });
});

describe('findFolded (the highlight of a match in the line itself)', () => {
  it('finds a plain match at its place', () => {
    expect(findFolded('frame 4 ERROR here', foldCase('error'))).toEqual({ start: 8, end: 13 });
  });

  it('maps a match through foldings that change the length back to the line', () => {
    // "ß" folds to "ss": the match "strasse" covers the six characters of "Straße".
    expect(findFolded('Alte Straße 5', foldCase('STRASSE'))).toEqual({ start: 5, end: 11 });
    // "İ" folds to two characters; the match after it keeps its place in the line.
    expect(findFolded('İzmir: Überlauf', foldCase('überlauf'))).toEqual({ start: 7, end: 15 });
  });

  it('widens a match that ends inside one character’s folding to the whole character', () => {
    expect(findFolded('Maße', 'mas')).toEqual({ start: 0, end: 3 });
  });

  it('keeps astral characters whole', () => {
    const line = '𝔘 run 12 Σ';
    const found = findFolded(line, foldCase('σ'))!;
    expect(line.slice(found.start, found.end)).toBe('Σ');
  });

  it('finds nothing for an empty or absent needle', () => {
    expect(findFolded('anything', '')).toBeUndefined();
    expect(findFolded('anything', 'zzz')).toBeUndefined();
  });
});

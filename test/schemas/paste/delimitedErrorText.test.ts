/**
 * Papa Parse's errors in the reader's words: each code Papa 5 reports, in English and French, and
 * what readDelimited gives for real text (a stray quote inside a quoted cell, a quote left open), with
 * the line the bad row starts on; Papa's own English ("Trailing quote on quoted field is malformed")
 * never reaches the page.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { delimitedErrorText, readDelimited, withLocale } from '../../../src/schemas/index';

const inBoth = (fn: () => string) => ({ en: withLocale('en', fn), fr: withLocale('fr', fn) });

describe('delimitedErrorText', () => {
  it('words an unclosed quote', () => {
    expect(inBoth(() => delimitedErrorText({ code: 'MissingQuotes', delimiter: '\t' }))).toEqual({
      en: 'a quoted cell is not closed: the rest of the text was read as that cell',
      fr: 'une cellule entre guillemets n’est pas fermée : le reste du texte a été lu comme cette cellule',
    });
  });

  it('words a quote inside a quoted cell that is not doubled', () => {
    expect(inBoth(() => delimitedErrorText({ code: 'InvalidQuotes', delimiter: ',' }))).toEqual({
      en: 'a quoted cell holds a quote that is not doubled (write "" for a quote inside a cell): the cell was read on to the next closing quote',
      fr: 'une cellule entre guillemets contient un guillemet non doublé (écrivez "" pour un guillemet dans une cellule) : la cellule a été lue jusqu’au guillemet fermant suivant',
    });
  });

  it('words too many and too few cells with their counts', () => {
    expect(
      inBoth(() => delimitedErrorText({ code: 'TooManyFields', cells: 4, expected: 3, delimiter: '\t' })),
    ).toEqual({
      en: 'this row has 4 cells, more than the 3 columns of the first row',
      fr: 'cette ligne a 4 cellules, plus que les 3 colonnes de la première ligne',
    });
    expect(
      inBoth(() => delimitedErrorText({ code: 'TooFewFields', cells: 1, expected: 2, delimiter: ',' })),
    ).toEqual({
      en: 'this row has 1 cell, fewer than the 2 columns of the first row',
      fr: 'cette ligne a 1 cellule, moins que les 2 colonnes de la première ligne',
    });
  });

  it('words an undetectable delimiter and names a code it does not know', () => {
    expect(inBoth(() => delimitedErrorText({ code: 'UndetectableDelimiter', delimiter: ';' }))).toEqual({
      en: 'the cell separator could not be found: the text was read as semicolon-separated',
      fr: 'le séparateur des cellules est introuvable : le texte a été lu comme séparé par des points-virgules',
    });
    expect(inBoth(() => delimitedErrorText({ code: 'SomethingNew', delimiter: ',' }))).toEqual({
      en: 'this line could not be read as written (Papa Parse: SomethingNew)',
      fr: 'cette ligne n’a pas pu être lue telle qu’écrite (Papa Parse : SomethingNew)',
    });
  });

  it('has words for every code Papa reports for these texts (the codes are Papa’s, not ours)', () => {
    const codes = new Set<string>();
    for (const text of ['a,b\n"x"y",2\n', 'a\t"open\n1\t2'])
      for (const e of Papa.parse(text, { delimiter: text.includes('\t') ? '\t' : ',' }).errors)
        codes.add(e.code);
    for (const e of Papa.parse('a,b\n1,2,3\n4', { header: true }).errors) codes.add(e.code);
    for (const e of Papa.parse('abc').errors) codes.add(e.code);
    expect([...codes].sort()).toEqual([
      'InvalidQuotes',
      'MissingQuotes',
      'TooFewFields',
      'TooManyFields',
      'UndetectableDelimiter',
    ]);
    for (const code of codes)
      expect(withLocale('fr', () => delimitedErrorText({ code, delimiter: ',' }))).not.toContain(
        'Papa Parse',
      );
  });
});

describe('readDelimited in the active locale', () => {
  it('a stray quote on line 2 is reported on line 2 in French, not in Papa’s English', () => {
    const read = withLocale('fr', () => readDelimited('a,b\n"x"y",2\n3,4\n'));
    expect(read.errors).toEqual([
      {
        line: 2,
        message:
          'une cellule entre guillemets contient un guillemet non doublé (écrivez "" pour un guillemet dans une cellule) : la cellule a été lue jusqu’au guillemet fermant suivant',
      },
    ]);
  });

  it('an open quote on line 3 is reported on line 3 in English', () => {
    const read = withLocale('en', () => readDelimited('run\tthickness\n88980\t0.1\n"88981\t0.2\n'));
    expect(read.errors.map((e) => e.line)).toEqual([3]);
    expect(read.errors[0]!.message).toBe(
      'a quoted cell is not closed: the rest of the text was read as that cell',
    );
  });
});

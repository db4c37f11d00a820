/**
 * Sample lists from spreadsheets, read without React on the shipped EQSANS and SEQUOIA scan lists:
 * a header row matched by label or key whatever the case and units, no header (by position), run
 * ranges and numbers with units, unset and null for empty cells, and every cell that cannot be read
 * reported with its line, column and reason. CSV written by listToText reads back equal.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  buildFieldModel,
  instrumentCatalogue,
  type ListNode,
  listToText,
  loadSchema,
  pasteColumnsOf,
  pastedRowValue,
  planPaste,
  readPastedRows,
} from '../../../src/schemas/index';

async function scansOf(id: string): Promise<ListNode> {
  const entry = instrumentCatalogue.find((i) => i.id === id)!;
  const model = buildFieldModel(await loadSchema(resolve(entry.schemaPath)));
  const list = model.byPointer.get('/job/scans');
  if (list?.type !== 'list') throw new Error('no scan list');
  return list;
}

let eqsans: ListNode;
let sequoia: ListNode;
beforeAll(async () => {
  eqsans = await scansOf('eqsans');
  sequoia = await scansOf('inelastic');
});

const values = (text: string, list = eqsans) => readPastedRows(list, text).rows.map(pastedRowValue);

describe('header row', () => {
  test('columns are matched by label or key, in any case and order, units in brackets ignored', () => {
    const text = [
      'THICKNESS (cm)\tsample_name\trunNumber\tTemperature [K]',
      '0.2\tLysozyme 5 mg/mL\t88980-88985,88990\t300',
      '0.1 cm\tBuffer\t88991\t',
    ].join('\n');
    const read = readPastedRows(eqsans, text);
    expect(read.header).toBe(true);
    expect(read.problems).toEqual([]);
    expect(read.columns.map((c) => c?.path)).toEqual([
      '/thickness',
      '/sampleName',
      '/runNumber',
      '/temperature',
    ]);
    expect(read.rows.map(pastedRowValue)).toEqual([
      { thickness: 0.2, sampleName: 'Lysozyme 5 mg/mL', runNumber: '88980-88985, 88990', temperature: 300 },
      { thickness: 0.1, sampleName: 'Buffer', runNumber: '88991', temperature: null },
    ]);
    expect(read.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  test('a group field is named by its group and label, or its keys', () => {
    const read = readPastedRows(eqsans, 'Run number\tTransmission run number\ttransmission.value\n1\t2\t0.5');
    expect(read.problems).toEqual([]);
    expect(read.rows.map(pastedRowValue)).toEqual([
      { runNumber: '1', transmission: { runNumber: '2', value: 0.5 } },
    ]);
  });

  test('a header cell naming no field is reported once, and its cells are not read', () => {
    const read = readPastedRows(eqsans, 'Run number\tColour\n1\tred\n2\tblue');
    expect(read.problems).toEqual([
      expect.objectContaining({
        line: 1,
        column: 2,
        text: 'Colour',
        message: expect.stringContaining("no column called 'Colour'"),
      }),
    ]);
    expect(read.rows.map(pastedRowValue)).toEqual([{ runNumber: '1' }, { runNumber: '2' }]);
  });

  test('a header whose unit is not the field’s refuses the column instead of converting', () => {
    const read = readPastedRows(eqsans, 'Run number\tThickness (mm)\n1\t2');
    expect(read.rows[0]!.cells.map((c) => c.column.path)).toEqual(['/runNumber']);
    expect(read.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [1, 2, 'the column is in mm, but Thickness is in cm: convert it first'],
      [2, 2, 'the column is in mm, but Thickness is in cm: convert it first'],
    ]);
  });
});

describe('no header', () => {
  test('columns are taken by position, in the order the form shows them', () => {
    const read = readPastedRows(sequoia, '130500-130502\t5\t-30\tfirst\n130503\t5.5 K\t\tsecond\n');
    expect(read.header).toBe(false);
    expect(read.problems).toEqual([]);
    expect(read.rows.map(pastedRowValue)).toEqual([
      { runNumber: '130500-130502', temperature: 5, sampleRotation: -30, label: 'first' },
      { runNumber: '130503', temperature: 5.5, sampleRotation: null, label: 'second' },
    ]);
  });

  test('comma-separated text with a quoted run list reads the same', () => {
    expect(values('"130500-130502,130510",5\n', sequoia)).toEqual([
      { runNumber: '130500-130502, 130510', temperature: 5 },
    ]);
  });

  test('a cell past the last column is reported, not dropped silently', () => {
    const read = readPastedRows(sequoia, '1\t2\t3\tlabel\textra');
    expect(read.problems).toEqual([
      expect.objectContaining({
        line: 1,
        column: 5,
        text: 'extra',
        message: 'Scans has 4 columns: this cell was not read',
      }),
    ]);
  });
});

describe('bad cells', () => {
  test('every cell that cannot be read is reported with its line, column, field and reason', () => {
    const text = 'Run number\tThickness\tTemperature\n88980-88970\t0.1\t300\n88981\tthin\t5 °C\n\t0.1\t';
    const read = readPastedRows(eqsans, text);
    expect(read.problems.map((p) => [p.line, p.column, p.label, p.text])).toEqual([
      [2, 1, 'Run number', '88980-88970'],
      [3, 2, 'Thickness', 'thin'],
      [3, 3, 'Temperature', '5 °C'],
      [4, 1, 'Run number', ''],
    ]);
    expect(read.problems[2]!.message).toBe("'5 °C' is in °C, but Temperature is in K: convert it first.");
    expect(read.problems[3]!.message).toBe('Run number needs a value.');
    // The readable cells of those rows are still there, and the marks sit on the bad ones.
    expect(read.rows.map(pastedRowValue)).toEqual([
      { thickness: 0.1, temperature: 300 },
      { runNumber: '88981' },
      { thickness: 0.1, temperature: null },
    ]);
    expect([...read.rows[1]!.errors.keys()]).toEqual([1, 2]);
  });

  test('an open quote is reported', () => {
    const read = readPastedRows(eqsans, '"1\t0.1\n2\t0.2');
    expect(read.problems.some((p) => p.message.includes('quoted cell is not closed'))).toBe(true);
  });

  test('booleans, enums by label and integers', async () => {
    const entry = instrumentCatalogue.find((i) => i.id === 'reflectometer')!;
    const model = buildFieldModel(await loadSchema(resolve(entry.schemaPath)));
    const list = model.byPointer.get('/job/scans') as ListNode;
    const read = readPastedRows(
      list,
      'Run number\tSubtract background\tPeak pixel min\n1\tTRUE\t120\n2\tno\t1.5',
    );
    expect(read.rows.map(pastedRowValue)).toEqual([
      { runNumber: '1', subtractBackground: true, peakPixelMin: 120 },
      { runNumber: '2', subtractBackground: false },
    ]);
    expect(read.problems.map((p) => p.message)).toEqual(["'1.5' is not a whole number."]);
  });
});

describe('CSV', () => {
  test('a list written as CSV reads back equal, quotes, commas and line breaks included', () => {
    const items = [
      {
        runNumber: '88980-88985, 88990',
        sampleName: 'Lysozyme, "batch 2"\nsecond line',
        concentration: 5,
        temperature: null,
        thickness: 0.1,
        transmission: { runNumber: null, value: 0.85 },
      },
      {
        runNumber: '88991',
        sampleName: '',
        concentration: null,
        temperature: 295.5,
        thickness: 0.2,
        transmission: { runNumber: '88992', value: null },
      },
    ];
    const csv = listToText(eqsans, items, ',');
    expect(csv.split('\r\n')[0]).toBe(
      'Run number,Sample name,Concentration (mg/mL),Temperature (K),Thickness (cm),Transmission Run number,Transmission Value',
    );
    const read = readPastedRows(eqsans, csv);
    expect(read.problems).toEqual([]);
    expect(read.rows.map(pastedRowValue)).toEqual(items);
    // Tab-separated (the clipboard's) too.
    expect(readPastedRows(eqsans, listToText(eqsans, items, '\t')).rows.map(pastedRowValue)).toEqual(items);
  });

  test('a row of empty cells is a row (an exported blank row); an empty line is not', () => {
    const read = readPastedRows(sequoia, 'Run number,Label\r\n,\r\n1,a\r\n\r\n');
    expect(read.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(read.rows.map(pastedRowValue)).toEqual([{ label: '' }, { runNumber: '1', label: 'a' }]);
    expect(read.problems.map((p) => p.message)).toEqual(['Run number needs a value.']);
  });

  test('every scan list of the shipped instruments has columns', async () => {
    for (const entry of instrumentCatalogue) {
      const model = buildFieldModel(await loadSchema(resolve(entry.schemaPath)));
      const list = model.byPointer.get('/job/scans') as ListNode;
      expect(pasteColumnsOf(list).length, entry.id).toBeGreaterThan(2);
    }
  });
});

describe('planPaste', () => {
  test('append, replace from a row, replace all, and the row limits', () => {
    expect(planPaste(5, 4, { kind: 'append' }, {})).toEqual({
      start: 5,
      replaced: 0,
      added: 4,
      removed: 0,
      total: 9,
    });
    expect(planPaste(5, 4, { kind: 'replaceFrom', index: 3 }, {})).toEqual({
      start: 3,
      replaced: 2,
      added: 2,
      removed: 0,
      total: 7,
    });
    expect(planPaste(5, 2, { kind: 'replaceAll' }, {})).toEqual({
      start: 0,
      replaced: 0,
      added: 2,
      removed: 5,
      total: 2,
    });
    expect(planPaste(190, 20, { kind: 'append' }, { maxItems: 200, label: 'Scans' }).refusal).toBe(
      'Scans takes at most 200 rows; this paste would make 210.',
    );
  });
});

/** A draft from an older schema keeps what still fits and reports the rest, value by value. */
import { describe, expect, test } from 'vitest';
import { migrateDraftValues } from '../../../src/forms/drafts/index';
import { translate } from '../../../src/schemas/index';
import { sampleModel } from './sampleModel';

describe('migrateDraftValues', () => {
  test('keeps values whose fields remain and lists every other one with a reason', () => {
    const v1Draft = {
      sample: { run: [12345, 12346], thickness: 0.2, aperture: 8 },
      reduction: { Qmin: 0.01, Qmax: 0.5, binType: 'log' },
      job: { kind: 'combined', scans: [{ run: 1, thickness: 0.1, transmission: 0.9 }] },
      removedSection: { x: 1 },
    };
    const { values, notApplied } = migrateDraftValues(v1Draft, sampleModel(2), 1);
    expect(values).toEqual({
      sample: { run: [12345, 12346], thickness: 0.2 },
      reduction: { Qmin: 0.01 },
      job: { kind: 'combined', scans: [{ run: 1, thickness: 0.1 }] },
    });
    // Each reason's key words it in the reader's language (French here); `reason` is English.
    expect(notApplied.map((n) => translate('fr', n.reasonKey!))).toEqual([
      'le champ n’existe plus',
      'le champ est maintenant oui/non',
      'ne fait plus partie des choix permis',
      'le champ n’existe plus',
      'le champ n’existe plus',
    ]);
    expect(notApplied.map(({ reasonKey: _, ...n }) => n)).toEqual([
      { pointer: '/sample/aperture', value: 8, reason: 'field no longer exists', fromSchemaVersion: 1 },
      { pointer: '/reduction/Qmax', value: 0.5, reason: 'field is now yes/no', fromSchemaVersion: 1 },
      {
        pointer: '/reduction/binType',
        value: 'log',
        reason: 'no longer one of the allowed choices',
        fromSchemaVersion: 1,
      },
      {
        pointer: '/job/scans/0/transmission',
        value: 0.9,
        reason: 'field no longer exists',
        fromSchemaVersion: 1,
      },
      { pointer: '/removedSection', value: { x: 1 }, reason: 'field no longer exists', fromSchemaVersion: 1 },
    ]);
  });

  test('a value of the same schema passes through untouched', () => {
    const draft = {
      sample: { run: [1], thickness: '0.3', aperture: null },
      reduction: { binType: 'linear' },
    };
    const { values, notApplied } = migrateDraftValues(draft, sampleModel(1), 1);
    expect(values).toEqual(draft);
    expect(notApplied).toEqual([]);
  });

  test('a key named __proto__ is reported as a value, never becomes a prototype', () => {
    const draft = JSON.parse('{"sample": {"__proto__": {"polluted": true}, "thickness": 1}}');
    const { values, notApplied } = migrateDraftValues(draft, sampleModel(2), 1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(values).toEqual({ sample: { thickness: 1 } });
    expect(notApplied.map((n) => n.pointer)).toEqual(['/sample/__proto__']);
  });

  test('a draft that is not an object is reported whole', () => {
    const { values, notApplied } = migrateDraftValues([1, 2], sampleModel(2), 1);
    expect(values).toEqual({});
    expect(notApplied).toHaveLength(1);
    expect(notApplied[0]?.value).toEqual([1, 2]);
  });
});

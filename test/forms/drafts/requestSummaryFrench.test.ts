/**
 * The outbox's one-line summary of a queued request in the form's language: "all defaults" and
 * "+N more" come from the catalogues (they were English in a French outbox).
 */
import { expect, it } from 'vitest';
import { requestSummary } from '../../../src/forms/drafts/requestSummary';
import { translator } from '../../../src/schemas/index';

it('words the summary in French, and in English by default', () => {
  const fr = translator('fr');
  expect(requestSummary({}, [], 4, fr)).toBe('toutes les valeurs par défaut');
  const request = { a: 1, b: 2, c: 3 };
  expect(requestSummary(request, ['/a', '/b', '/c'], 1, fr)).toBe('/a 1 · +2 de plus');
  expect(requestSummary(request, ['/a', '/b', '/c'], 1)).toBe('/a 1 · +2 more');
  expect(requestSummary({}, [])).toBe('all defaults');
});

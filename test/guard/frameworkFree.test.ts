/**
 * Guard: src/sorted and src/schemas load in plain Node with React made unloadable, so neither can
 * depend on React or the DOM (the CLI and facility backends import them).
 */
import { expect, test, vi } from 'vitest';

vi.mock('react', () => {
  throw new Error('src/sorted and src/schemas must not import react');
});
vi.mock('react-dom', () => {
  throw new Error('src/sorted and src/schemas must not import react-dom');
});

test('src/sorted imports without React or a DOM', async () => {
  expect(typeof globalThis.document).toBe('undefined');
  const sorted = await import('../../src/sorted/index');
  expect(sorted).toBeTypeOf('object');
  expect(sorted.SortedList).toBeTypeOf('function');
});

test('src/schemas imports without React or a DOM', async () => {
  const schemas = await import('../../src/schemas/index');
  expect(schemas).toBeTypeOf('object');
});

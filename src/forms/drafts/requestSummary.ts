/**
 * Says what a queued request is, in one line, so a scientist can tell two waiting ones apart: the
 * changed fields with their values ("/iptsNumber 11111 · /sampleName fromA"), and the fields in which
 * two requests of one instrument differ. Pure.
 */
import { getAt, type Translator, translator } from '../../schemas/index';
import { diffFromDefaults } from './diffFromDefaults';

const english = translator('en');

/** Up to `max` changed fields with their values, then "+N more", in the words of `t` (the form's language). */
export function requestSummary(
  request: unknown,
  changedFields: readonly string[],
  max = 4,
  t: Translator = english,
): string {
  if (changedFields.length === 0) return t('draft.summary.defaults');
  const shown = changedFields.slice(0, max).map((pointer) => `${pointer} ${short(getAt(request, pointer))}`);
  const more = changedFields.length - shown.length;
  return `${shown.join(' · ')}${more > 0 ? ` · ${t('draft.summary.more', { count: more })}` : ''}`;
}

/** The pointers where `a` and `b` differ, both ways. */
export function requestDifferences(a: unknown, b: unknown): string[] {
  return [...new Set([...diffFromDefaults(a, b), ...diffFromDefaults(b, a)])];
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'unset');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Where a FieldModel's values sit in a react-hook-form form: under the host's `name` ("reduction"),
 * one RHF dotted name per pointer ("/scans/0/run" -> "reduction.scans.0.run"). Pure, no React, so the
 * resolver and the fields agree on every name. Keys holding "." cannot be RHF names; they are refused.
 */
import { escapePointerSegment, type Pointer, unescapePointerSegment } from '../../schemas/index';

/** The RHF name of `pointer` under `prefix` ("" when the model is the whole form). O(depth). */
export function rhfNameOf(prefix: string, pointer: Pointer): string {
  if (pointer === '') return prefix;
  const path = pointer.slice(1).split('/').map(unescapePointerSegment).join('.');
  return prefix === '' ? path : `${prefix}.${path}`;
}

/** The pointer an RHF name stands for, or null when it lies outside `prefix`. O(depth). */
export function pointerOfRhfName(prefix: string, name: string): Pointer | null {
  if (prefix !== '') {
    if (name === prefix) return '';
    if (!name.startsWith(`${prefix}.`)) return null;
    name = name.slice(prefix.length + 1);
  }
  if (name === '') return '';
  return `/${name.split('.').map(escapePointerSegment).join('/')}`;
}

/**
 * What every part of a mounted form reads from React context: the engine, the widget picker and
 * flags, and (separately, because it changes per row) which list rows are being rendered.
 * Values never travel through context: each field subscribes to its own name.
 */
import { createContext, useContext } from 'react';
import type { PointerTemplate } from '../schemas/index';
import type { FormEngine } from './engine/FormEngine';
import type { StoragePath } from './engine/storagePath';
import type { PickWidget } from './fields/widgetPicker';

export interface FormContextValue {
  readonly engine: FormEngine;
  /** Prefix of every DOM id in this form. */
  readonly idPrefix: string;
  readonly pickWidget: PickWidget;
  readonly disabled: boolean;
  readonly readOnly: boolean;
}

export const FormContext = createContext<FormContextValue | null>(null);

/** The mounted form's context; throws outside a SubmissionForm. */
export function useFormContextValue(): FormContextValue {
  const value = useContext(FormContext);
  if (!value) throw new Error('Formulary: this component must be rendered inside <SubmissionForm>');
  return value;
}

/** List template -> row id being rendered; empty outside lists. */
export const RowContext = createContext<ReadonlyMap<PointerTemplate, string>>(new Map());

/**
 * The id of the element naming the innermost list row holding `path` ("row 2"), or undefined outside
 * lists: controls in a row end their accessible names with it (WidgetProps.nameRef). O(path length).
 */
export function rowNameId(prefix: string, path: StoragePath): string | undefined {
  const match = /^(.*\/~r(?!ows(?:\/|$))[^/]+)/.exec(path);
  return match ? `${domId(prefix, match[1]!)}-rowname` : undefined;
}

/** The words naming the row being rendered ("row 2", "row 1, Panels of row 2"); '' outside lists. */
export const RowNameContext = createContext('');

/** A DOM id for a storage path: the form's prefix plus the path with unsafe characters encoded. */
export function domId(prefix: string, path: StoragePath): string {
  return `${prefix}${path.replace(/[^A-Za-z0-9_-]/g, (c) => (c === '/' ? '.' : `_${c.charCodeAt(0).toString(16)}`))}`;
}

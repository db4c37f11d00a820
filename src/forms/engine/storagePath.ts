/**
 * Where each form value lives in the form's value map (ValueMap.ts): a flat map keyed by a "storage
 * path", a JSON Pointer whose list indexes are replaced by stable row ids ("/job/scans/~r3/run"), so
 * moving a row moves one id, not its values. No React, no DOM.
 */
import type { Pointer, PointerTemplate } from '../../schemas/index';

/** A pointer with row ids in place of list indexes: "/job/scans/~r3/run". */
export type StoragePath = string;

/** Row ids per list storage path: what the request's list indexes are mapped through. */
export type RowLookup = (listPath: StoragePath) => readonly string[];

/**
 * The array index of a list's first row, by list storage path: 0 for a list, the number of positions
 * for an open tuple's rest rows (stored at the tuple's own path). Absent: every list starts at 0.
 */
export type FirstIndexLookup = (listPath: StoragePath) => number;

/**
 * The value map's name for a storage path. The map takes any string, so the name is the path behind a
 * "v" (when react-hook-form held the values, names had to be %-escaped: it splits them on . and [ ]).
 */
export function fieldName(path: StoragePath): string {
  return `v${path}`;
}

/** The storage path a value map name stands for (inverse of fieldName). */
export function pathOfName(name: string): StoragePath {
  return name.slice(1);
}

/** The name that holds a list's row ids (string[]; null for a list left unset, sent as null). */
export function rowsName(listPath: StoragePath): string {
  return fieldName(`${listPath}/~rows`);
}

/** The name that holds a choice's selected branch id. */
export function branchName(choicePath: StoragePath): string {
  return fieldName(`${choicePath}/~branch`);
}

/** The storage path of row `rowId` of the list at `listPath`. */
export function rowPath(listPath: StoragePath, rowId: string): StoragePath {
  return `${listPath}/~r${rowId}`;
}

/**
 * Bindings of list templates to the row being rendered: {"/job/scans": "3"} while rendering row id 3.
 * resolveTemplate uses them to turn "/job/scans/*\/run" into "/job/scans/~r3/run". O(depth).
 */
export function resolveTemplate(
  template: PointerTemplate,
  rows: ReadonlyMap<PointerTemplate, string>,
): StoragePath {
  if (!template.includes('*')) return template;
  const segments = template.split('/');
  let prefix = '';
  let out = '';
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment === '*') {
      const rowId = rows.get(prefix);
      if (rowId === undefined)
        throw new Error(`No row bound for list "${prefix}" while resolving "${template}"`);
      out += `/~r${rowId}`;
    } else {
      out += `/${segment}`;
    }
    prefix += `/${segment}`;
  }
  return out;
}

/** The list template of a storage path: "/job/scans/~r3/run" -> "/job/scans/*\/run". O(length). */
export function templateOf(path: StoragePath): PointerTemplate {
  return path.replace(/\/~r[^/]*(?=\/|$)/g, '/*');
}

/**
 * The storage path of a request pointer ("/job/scans/2/run" -> "/job/scans/~r7/run"), given the
 * index of each list template's first row (undefined: not a list; an open tuple's positions come
 * before its rest rows, "/pos/1" stays a position) and the current row ids. Null when a row index
 * does not exist. O(depth).
 */
export function storageOf(
  pointer: Pointer,
  firstRowAt: (template: PointerTemplate) => number | undefined,
  rowsOf: RowLookup,
): StoragePath | null {
  if (pointer === '') return '';
  const segments = pointer.split('/');
  let template = '';
  let out = '';
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]!;
    const first = /^\d+$/.test(segment) ? firstRowAt(template) : undefined;
    if (first !== undefined && Number(segment) >= first) {
      const id = rowsOf(out)[Number(segment) - first];
      if (id === undefined) return null;
      out += `/~r${id}`;
      template += '/*';
    } else {
      out += `/${segment}`;
      template += `/${segment}`;
    }
  }
  return out;
}

/**
 * The request pointer of a storage path ("/job/scans/~r7/run" -> "/job/scans/2/run"); an open tuple's
 * rest rows count from its positions (`firstIndexOf`). O(depth).
 */
export function pointerOf(path: StoragePath, rowsOf: RowLookup, firstIndexOf?: FirstIndexLookup): Pointer {
  const segments = path.split('/');
  let prefix = '';
  let out = '';
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.startsWith('~r')) {
      const index = rowsOf(prefix).indexOf(segment.slice(2));
      out += `/${index < 0 ? '?' : index + (firstIndexOf?.(prefix) ?? 0)}`;
    } else {
      out += `/${segment}`;
    }
    prefix += `/${segment}`;
  }
  return out;
}

/** True when `path` is `ancestor` or lies inside it. */
export function isWithin(path: StoragePath, ancestor: StoragePath): boolean {
  return ancestor === '' || path === ancestor || path.startsWith(`${ancestor}/`);
}

/**
 * The id of the row of the list at `listPath` that `path` lies in (the row itself or within it), or
 * undefined when it lies in none. O(length of path).
 * @example rowIdWithin('/job/scans/~r3/run', '/job/scans') // '3'
 */
export function rowIdWithin(path: StoragePath, listPath: StoragePath): string | undefined {
  const start = `${listPath}/~r`;
  if (!path.startsWith(start) || path.startsWith(`${listPath}/~rows`)) return undefined;
  const end = path.indexOf('/', start.length);
  return path.slice(start.length, end < 0 ? undefined : end);
}

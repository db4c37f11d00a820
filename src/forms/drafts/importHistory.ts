/**
 * History as a JSON file: export writes {format, version, entries}; import checks each entry's shape
 * and reports every bad one by index and field, never dropping one silently. Pure: the caller adds
 * the good entries to its store.
 */
import { isPlainObject, type JsonValue } from '../../schemas/index';
import type { HistoryEntry } from './createHistoryStore';

export const historyFormat = 'formulary-history';

export interface HistoryImportProblem {
  /** Index of the entry in the imported list; -1 for the file as a whole. */
  readonly index: number;
  readonly message: string;
}

export interface HistoryImport {
  readonly entries: HistoryEntry[];
  readonly problems: HistoryImportProblem[];
}

/** The history as pretty JSON; importHistory(exportHistory(x)).entries equals x. O(size). */
export function exportHistory(entries: readonly HistoryEntry[]): string {
  return `${JSON.stringify({ format: historyFormat, version: 1, entries }, null, 2)}\n`;
}

/** Parses an exported history (or a bare array of entries). O(size). */
export function importHistory(text: string): HistoryImport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { entries: [], problems: [{ index: -1, message: `not JSON: ${(error as Error).message}` }] };
  }
  let list: unknown;
  if (Array.isArray(parsed)) list = parsed;
  else if (isPlainObject(parsed)) {
    if (parsed.format !== undefined && parsed.format !== historyFormat) {
      return {
        entries: [],
        problems: [
          { index: -1, message: `format is "${String(parsed.format)}", expected "${historyFormat}"` },
        ],
      };
    }
    list = parsed.entries;
  }
  if (!Array.isArray(list)) {
    return { entries: [], problems: [{ index: -1, message: 'expected an "entries" list of submissions' }] };
  }
  const entries: HistoryEntry[] = [];
  const problems: HistoryImportProblem[] = [];
  list.forEach((item, index) => {
    const result = readEntry(item);
    if (typeof result === 'string') problems.push({ index, message: `entry ${index}: ${result}` });
    else entries.push(result);
  });
  return { entries, problems };
}

/** The entry, or a sentence naming the first bad field. */
function readEntry(item: unknown): HistoryEntry | string {
  if (!isPlainObject(item)) return 'is not an object';
  const { id, instrument, jobKind, schemaVersion, changedFields, request } = item;
  if (typeof id !== 'string' || !id) return '"id" must be a non-empty string';
  const submittedAt = typeof item.submittedAt === 'string' ? Date.parse(item.submittedAt) : item.submittedAt;
  if (typeof submittedAt !== 'number' || !Number.isFinite(submittedAt)) {
    return '"submittedAt" must be a time (epoch milliseconds or an ISO date)';
  }
  if (typeof instrument !== 'string' || !instrument) return '"instrument" must be a non-empty string';
  if (jobKind !== undefined && typeof jobKind !== 'string') return '"jobKind" must be a string';
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion)) {
    return '"schemaVersion" must be an integer';
  }
  if (changedFields !== undefined) {
    if (!Array.isArray(changedFields) || !changedFields.every((p) => typeof p === 'string')) {
      return '"changedFields" must be a list of JSON Pointers';
    }
  }
  // Any JSON value: a schema whose root is a list or a text sends that (only a missing one is bad).
  if (request === undefined) return '"request" is missing';
  return {
    id,
    submittedAt,
    instrument,
    schemaVersion,
    jobKind: (jobKind as string | undefined) ?? '',
    changedFields: (changedFields as string[] | undefined) ?? [],
    request: request as JsonValue,
    ...(typeof item.serverId === 'string' && item.serverId ? { serverId: item.serverId } : {}),
  };
}

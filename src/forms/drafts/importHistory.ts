/**
 * History as a JSON file: export writes {format, version, entries}; import checks each entry's shape
 * and reports every bad one by index and field, never dropping one silently. Each problem carries its
 * catalogue key (draft.import.*) so the panel words it in the reader's language; `message` is English,
 * for logs. Pure: the caller adds the good entries to its store.
 */
import { isPlainObject, type JsonValue, type MessageValues, translate } from '../../schemas/index';
import type { HistoryEntry } from './createHistoryStore';

export const historyFormat = 'formulary-history';

export interface HistoryImportProblem {
  /** Index of the entry in the imported list; -1 for the file as a whole. */
  readonly index: number;
  /** In English ("entry 2: ..."), for logs and tests. */
  readonly message: string;
  /** The catalogue key of the reason (without the "entry N:" part) and its values. */
  readonly key: string;
  readonly values?: MessageValues;
}

/** A reason as its key and values. */
interface Reason {
  readonly key: string;
  readonly values?: MessageValues;
}

/** The problem of entry `index` (-1: the file as a whole) for `reason`. */
function problemOf(index: number, reason: Reason): HistoryImportProblem {
  const text = translate('en', reason.key, reason.values);
  const message = index < 0 ? text : translate('en', 'draft.import.entry', { index, problem: text });
  return { index, message, key: reason.key, ...(reason.values && { values: reason.values }) };
}

/** A problem's sentence in `locale`, with its entry number. */
export function historyProblemText(locale: string, problem: HistoryImportProblem): string {
  const text = translate(locale, problem.key, problem.values);
  return problem.index < 0
    ? text
    : translate(locale, 'draft.import.entry', { index: problem.index, problem: text });
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
    return {
      entries: [],
      problems: [problemOf(-1, { key: 'draft.import.notJson', values: { why: (error as Error).message } })],
    };
  }
  let list: unknown;
  if (Array.isArray(parsed)) list = parsed;
  else if (isPlainObject(parsed)) {
    if (parsed.format !== undefined && parsed.format !== historyFormat) {
      return {
        entries: [],
        problems: [
          problemOf(-1, {
            key: 'draft.import.format',
            values: { format: String(parsed.format), expected: historyFormat },
          }),
        ],
      };
    }
    list = parsed.entries;
  }
  if (!Array.isArray(list)) {
    return { entries: [], problems: [problemOf(-1, { key: 'draft.import.noEntries' })] };
  }
  const entries: HistoryEntry[] = [];
  const problems: HistoryImportProblem[] = [];
  list.forEach((item, index) => {
    const result = readEntry(item);
    if ('key' in result) problems.push(problemOf(index, result));
    else entries.push(result);
  });
  return { entries, problems };
}

/** The entry, or the reason naming the first bad field. */
function readEntry(item: unknown): HistoryEntry | Reason {
  if (!isPlainObject(item)) return { key: 'draft.import.notObject' };
  const { id, instrument, jobKind, schemaVersion, changedFields, request } = item;
  if (typeof id !== 'string' || !id) return { key: 'draft.import.nonEmpty', values: { field: 'id' } };
  const submittedAt = typeof item.submittedAt === 'string' ? Date.parse(item.submittedAt) : item.submittedAt;
  if (typeof submittedAt !== 'number' || !Number.isFinite(submittedAt)) {
    return { key: 'draft.import.time', values: { field: 'submittedAt' } };
  }
  if (typeof instrument !== 'string' || !instrument)
    return { key: 'draft.import.nonEmpty', values: { field: 'instrument' } };
  if (jobKind !== undefined && typeof jobKind !== 'string')
    return { key: 'draft.import.string', values: { field: 'jobKind' } };
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion)) {
    return { key: 'draft.import.integer', values: { field: 'schemaVersion' } };
  }
  if (changedFields !== undefined) {
    if (!Array.isArray(changedFields) || !changedFields.every((p) => typeof p === 'string')) {
      return { key: 'draft.import.pointers', values: { field: 'changedFields' } };
    }
  }
  // Any JSON value: a schema whose root is a list or a text sends that (only a missing one is bad).
  if (request === undefined) return { key: 'draft.import.missing', values: { field: 'request' } };
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

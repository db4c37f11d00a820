/**
 * The one error loadSchema and loadConfig throw for input they cannot load (missing file, invalid
 * JSON, unknown dialect, a $ref to nothing). It names the file and the place, so the CLI can print
 * `file:line:col` and the form can show where an author must look. Not for warnings: those are diagnostics.
 */

import { type MessageValues, translate } from '../i18n/translate';
import { FetchTextError, fetchErrorText } from './fetchText';

/** The catalogue key (load.*) and values of a load error, so it can be shown in the reader's language. */
export interface SchemaLoadErrorWords {
  readonly key: string;
  readonly values?: MessageValues;
}

export interface SchemaLoadErrorPlace {
  /** File path or URL the problem is in. */
  readonly file?: string;
  /** JSON Pointer (in that file) of the node at fault, e.g. the node holding a broken $ref. */
  readonly pointer?: string;
  /** 1-based line and column in that file. */
  readonly line?: number;
  readonly column?: number;
}

export class SchemaLoadError extends Error implements SchemaLoadErrorPlace {
  /** The message without its place suffix, for reports that show the place in fields of their own. */
  readonly reason: string;
  readonly file?: string;
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;

  /** The words of the reason, when it has some in the catalogues; else `reason` is shown as is. */
  readonly words?: SchemaLoadErrorWords;

  /**
   * `message` is the English reason (logs, `message`); `options.words` its catalogue key and values,
   * for say(). Thrown from async loading, where no locale scope holds: the reader picks the language.
   */
  constructor(
    message: string,
    place: SchemaLoadErrorPlace = {},
    options?: { cause?: unknown; words?: SchemaLoadErrorWords },
  ) {
    super(message + placeSuffix(place), options?.cause === undefined ? undefined : { cause: options.cause });
    if (options?.words) this.words = options.words;
    this.name = 'SchemaLoadError';
    this.reason = message;
    if (place.file !== undefined) this.file = place.file;
    if (place.pointer !== undefined) this.pointer = place.pointer;
    if (place.line !== undefined) this.line = place.line;
    if (place.column !== undefined) this.column = place.column;
  }
}

/**
 * The reason in `locale` (English when the error has no catalogue words); a fetch that failed under it
 * (the `why` of an unreadable URL) in `locale` too.
 */
export function loadErrorReason(error: SchemaLoadError, locale: string): string {
  if (!error.words) return error.reason;
  const values = error.words.values;
  const cause = (error as { cause?: unknown }).cause;
  const why =
    cause instanceof FetchTextError && values?.why !== undefined ? fetchErrorText(cause, locale) : undefined;
  return translate(locale, error.words.key, why === undefined ? values : { ...values, why });
}

/** The whole message in `locale`: its reason and where, "… (à common.json:3:7, #/definitions/x)". */
export function loadErrorMessage(error: unknown, locale: string): string {
  if (!(error instanceof SchemaLoadError)) return error instanceof Error ? error.message : String(error);
  if (!error.words) return error.message;
  const parts = placeParts(error);
  const reason = loadErrorReason(error, locale);
  return parts.length ? translate(locale, 'load.at', { reason, place: parts.join(', ') }) : reason;
}

/** " (at common.json:3:7, #/definitions/x)": the message alone tells the reader where to look. */
function placeSuffix(place: SchemaLoadErrorPlace): string {
  const parts = placeParts(place);
  return parts.length ? ` (at ${parts.join(', ')})` : '';
}

function placeParts(place: SchemaLoadErrorPlace): string[] {
  const parts: string[] = [];
  if (place.file !== undefined) {
    parts.push(place.line !== undefined ? `${place.file}:${place.line}:${place.column ?? 1}` : place.file);
  }
  if (place.pointer !== undefined) parts.push(`#${place.pointer}`);
  return parts;
}

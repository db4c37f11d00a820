/**
 * The one error loadSchema and loadConfig throw for input they cannot load (missing file, invalid
 * JSON, unknown dialect, a $ref to nothing). It names the file and the place, so the CLI can print
 * `file:line:col` and the form can show where an author must look. Not for warnings: those are diagnostics.
 */

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

  constructor(message: string, place: SchemaLoadErrorPlace = {}, options?: { cause?: unknown }) {
    super(message + placeSuffix(place), options);
    this.name = 'SchemaLoadError';
    this.reason = message;
    if (place.file !== undefined) this.file = place.file;
    if (place.pointer !== undefined) this.pointer = place.pointer;
    if (place.line !== undefined) this.line = place.line;
    if (place.column !== undefined) this.column = place.column;
  }
}

/** " (at common.json:3:7, #/definitions/x)": the message alone tells the reader where to look. */
function placeSuffix(place: SchemaLoadErrorPlace): string {
  const parts: string[] = [];
  if (place.file !== undefined) {
    parts.push(place.line !== undefined ? `${place.file}:${place.line}:${place.column ?? 1}` : place.file);
  }
  if (place.pointer !== undefined) parts.push(`#${place.pointer}`);
  return parts.length ? ` (at ${parts.join(', ')})` : '';
}

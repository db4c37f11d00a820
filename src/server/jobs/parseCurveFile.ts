/**
 * Reads a reduced curve file: columns Q, intensity and error (comma, semicolon, tab or space
 * separated), `#` comments, an optional header row, and `# curve: <label>` lines that start the next
 * curve (one per scan). The plot and its download read it; while a job still writes the file, an
 * unfinished last line is left for the next read instead of being reported.
 */

export interface CurvePoint {
  readonly q: number;
  readonly intensity: number;
  /** NaN when the file has two columns only. */
  readonly error: number;
}

export interface Curve {
  readonly label: string;
  readonly points: CurvePoint[];
}

export interface ParseCurveOptions {
  /** The file may still be growing: ignore a last line without its newline (default false). */
  readonly partial?: boolean;
}

/** A line that is not a curve row; `line` counts from 1. */
export class CurveFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CurveFileError';
  }
}

/**
 * The curves of `text`, in file order. O(lines).
 * @example parseCurveFile('# curve: scan 1\n0.01,5,0.1\n')[0].points[0].intensity // 5
 */
export function parseCurveFile(text: string, options: ParseCurveOptions = {}): Curve[] {
  let lines = text.split('\n');
  if (options.partial === true || lines.at(-1) === '') lines = lines.slice(0, -1);
  const curves: Curve[] = [];
  let current: Curve | undefined;
  let seenData = false;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('#')) {
      const match = /^#\s*curve:\s*(.*)$/i.exec(line);
      if (match !== null) {
        current = { label: match[1]!.trim() || `curve ${curves.length + 1}`, points: [] };
        curves.push(current);
      }
      return;
    }
    const cells = line.split(/\s*[,;\t]\s*|\s+/);
    const numbers = cells.map(Number);
    if (cells.length < 2 || numbers.some((n) => Number.isNaN(n))) {
      if (!seenData && current === undefined && numbers.every((n) => Number.isNaN(n))) return; // a header row
      throw new CurveFileError(i + 1, `expected Q, intensity and error as numbers, found "${clip(line)}"`);
    }
    seenData = true;
    if (current === undefined) {
      current = { label: 'I(Q)', points: [] };
      curves.push(current);
    }
    current.points.push({ q: numbers[0]!, intensity: numbers[1]!, error: numbers[2] ?? Number.NaN });
  });
  return curves.filter((curve) => curve.points.length > 0);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * One named text area of the author playground, with a line-number gutter that marks the lines lint
 * diagnostics point at. Grows with its text (no inner scroll) so the gutter stays aligned.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import type { LintDiagnostic } from '../../src/schemas/index';
import type { PlaygroundFile } from './analyseFiles';

export interface FileEditorProps {
  readonly file: PlaygroundFile;
  /** The schema's entry file (not removable). */
  readonly entry: boolean;
  readonly diagnostics: readonly LintDiagnostic[];
  /** Select this line and focus (a new `tick` repeats it). */
  readonly focusLine: { line: number; tick: number } | null;
  readonly onChange: (file: PlaygroundFile) => void;
  readonly onRemove?: () => void;
}

const mono = {
  fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
  fontSize: 12,
  lineHeight: '18px',
} as const;

/** The editor of one file. */
export function FileEditor(props: FileEditorProps): ReactNode {
  const { file } = props;
  const area = useRef<HTMLTextAreaElement>(null);
  const lines = file.text.split('\n');
  const marks = new Map<number, string>();
  for (const d of props.diagnostics) {
    if (d.line === undefined) continue;
    if (marks.get(d.line) !== 'error') marks.set(d.line, d.severity);
  }

  useEffect(() => {
    const target = props.focusLine;
    const el = area.current;
    if (!target || !el) return;
    const starts = [0];
    for (let i = 0; i < el.value.length; i++) if (el.value[i] === '\n') starts.push(i + 1);
    const start = starts[target.line - 1] ?? 0;
    const end = (starts[target.line] ?? el.value.length + 1) - 1;
    el.focus();
    el.setSelectionRange(start, end);
  }, [props.focusLine]);

  const id = `playground-file-${file.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <div style={{ margin: '0.75rem 0' }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <label htmlFor={`${id}-name`} style={{ fontSize: 12 }}>
          {props.entry ? 'Schema file' : 'File'}
        </label>
        <input
          id={`${id}-name`}
          value={file.name}
          onChange={(e) => props.onChange({ ...file, name: e.currentTarget.value })}
          style={mono}
        />
        {props.onRemove && (
          <button type="button" onClick={props.onRemove} aria-label={`Remove ${file.name}`}>
            Remove
          </button>
        )}
      </div>
      <div style={{ display: 'flex', border: '1px solid #8a93a6', borderRadius: 4, overflowX: 'auto' }}>
        <pre
          aria-hidden="true"
          style={{ ...mono, margin: 0, padding: '4px 6px', textAlign: 'right', background: '#f1f3f6' }}
        >
          {lines.map((_, i) => {
            const mark = marks.get(i + 1);
            const color =
              mark === 'error' ? '#b3261e' : mark === 'warning' ? '#8a5a00' : mark ? '#555' : '#8a93a6';
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a gutter row is its line number
              <div key={i} style={{ color, fontWeight: mark ? 700 : 400 }} data-mark={mark}>
                {mark ? '●' : ''}
                {i + 1}
              </div>
            );
          })}
        </pre>
        <textarea
          ref={area}
          aria-label={`Contents of ${file.name}`}
          value={file.text}
          onChange={(e) => props.onChange({ ...file, text: e.currentTarget.value })}
          rows={lines.length}
          wrap="off"
          spellCheck={false}
          style={{
            ...mono,
            flex: 1,
            border: 0,
            padding: '4px 6px',
            resize: 'none',
            overflow: 'hidden',
            minWidth: 0,
          }}
        />
      </div>
    </div>
  );
}

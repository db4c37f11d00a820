/**
 * The author playground: named text areas (a multi-file schema), and beside them the form, the lint
 * diagnostics (the CLI's rules) and the live request, re-analysed 300 ms after the last keystroke.
 * A diagnostic names file:line:col, marks its line in the gutter, and selects that line when clicked.
 */
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { SubmissionForm, type SubmissionRequest } from '../../src/forms/index';
import { defaultsOf, type LintDiagnostic } from '../../src/schemas/index';
import { analyseFiles, type PlaygroundAnalysis, type PlaygroundFile } from './analyseFiles';
import { FileEditor } from './FileEditor';
import { initialFiles } from './initialFiles';
import { StartFrom } from './StartFrom';

export interface AuthorPlaygroundProps {
  /** Starting files; the first is the schema's entry. */
  readonly files?: readonly PlaygroundFile[];
  /** Delay after the last edit before re-analysing (ms). */
  readonly debounceMs?: number;
}

const panel = { minWidth: 0, overflow: 'auto' } as const;

/** The playground page. */
export function AuthorPlayground(props: AuthorPlaygroundProps): ReactNode {
  const [files, setFiles] = useState<readonly PlaygroundFile[]>(props.files ?? initialFiles);
  const [analysis, setAnalysis] = useState<PlaygroundAnalysis | null>(null);
  const [request, setRequest] = useState<SubmissionRequest | null | undefined>(null);
  const [focus, setFocus] = useState<{ file: string; line: number; tick: number } | null>(null);
  const debounceMs = props.debounceMs ?? 300;
  const latest = useRef(0);

  useEffect(() => {
    const run = ++latest.current;
    const timer = setTimeout(() => {
      analyseFiles(files).then((result) => {
        if (run !== latest.current) return; // a newer edit is being analysed
        setAnalysis(result);
        setRequest(result.model ? defaultsOf(result.model) : null);
      });
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [files, debounceMs]);

  const byFile = useMemo(() => {
    const out = new Map<string, LintDiagnostic[]>();
    for (const d of analysis?.diagnostics ?? []) {
      const list = out.get(d.file ?? '') ?? [];
      list.push(d);
      out.set(d.file ?? '', list);
    }
    return out;
  }, [analysis]);

  const update = (index: number, next: PlaygroundFile | null) =>
    setFiles((current) =>
      next === null ? current.filter((_, i) => i !== index) : current.map((f, i) => (i === index ? next : f)),
    );
  const addFile = () =>
    setFiles((current) => [...current, { name: uniqueName(current), text: '{\n  "definitions": {}\n}\n' }]);

  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 5fr) minmax(0, 4fr) minmax(0, 3fr)',
        gap: '1rem',
      }}
    >
      <section aria-label="Schema files" style={panel}>
        <h2 style={{ fontSize: '1rem' }}>Schema files</h2>
        <StartFrom example={initialFiles} onLoad={setFiles} />
        <p style={{ fontSize: 12, margin: 0 }}>
          The first file is the schema; refs like "common.json#/…" read the others.
        </p>
        {files.map((file, i) => (
          <FileEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: files are renamed in place; the index is their identity
            key={i}
            file={file}
            entry={i === 0}
            diagnostics={byFile.get(file.name) ?? []}
            focusLine={focus?.file === file.name ? focus : null}
            onChange={(next) => update(i, next)}
            onRemove={i === 0 ? undefined : () => update(i, null)}
          />
        ))}
        <button type="button" onClick={addFile}>
          Add a file
        </button>
      </section>
      <section aria-label="Form" style={panel}>
        <h2 style={{ fontSize: '1rem' }}>Form</h2>
        {analysis === null && <p data-story-loading="">Analysing…</p>}
        {analysis && !analysis.model && (
          <p role="status">No form: fix the errors listed under Diagnostics.</p>
        )}
        {analysis?.model && (
          <SubmissionForm model={analysis.model} onChange={setRequest} onSubmit={setRequest} />
        )}
      </section>
      <section aria-label="Diagnostics and request" style={panel}>
        <h2 style={{ fontSize: '1rem' }}>Diagnostics</h2>
        <Diagnostics
          diagnostics={analysis?.diagnostics ?? []}
          onPick={(d) => setFocus({ file: d.file ?? '', line: d.line ?? 1, tick: Date.now() })}
        />
        <h2 style={{ fontSize: '1rem' }}>Request</h2>
        <pre data-testid="playground-request" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
          {request ? JSON.stringify(request, null, 2) : '—'}
        </pre>
      </section>
    </div>
  );
}

function Diagnostics(props: {
  diagnostics: readonly LintDiagnostic[];
  onPick: (d: LintDiagnostic) => void;
}): ReactNode {
  if (props.diagnostics.length === 0) return <p role="status">No problems found.</p>;
  return (
    <ul aria-label="Lint diagnostics" style={{ listStyle: 'none', padding: 0, fontSize: 13 }}>
      {props.diagnostics.map((d) => (
        <li key={`${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`} data-severity={d.severity}>
          <button
            type="button"
            onClick={() => props.onPick(d)}
            style={{ all: 'unset', cursor: 'pointer', display: 'block', marginBottom: 6 }}
          >
            <code>
              {d.file ?? '?'}:{d.line ?? '?'}:{d.column ?? '?'}
            </code>{' '}
            <strong
              style={{
                color: d.severity === 'error' ? '#b3261e' : d.severity === 'warning' ? '#8a5a00' : '#555',
              }}
            >
              {d.severity}
            </strong>{' '}
            {d.message} <span style={{ color: '#555' }}>({d.rule})</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function uniqueName(files: readonly PlaygroundFile[]): string {
  for (let n = 1; ; n++) {
    const name = `defs${n}.json`;
    if (!files.some((f) => f.name === name)) return name;
  }
}

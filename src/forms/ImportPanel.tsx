/**
 * Import a request JSON into the form, pasted or from a file. Parse errors are shown with the reason;
 * the form reports keys its schema does not know (see SubmissionForm's notice).
 */
import { type ReactNode, useId, useState } from 'react';
import type { UnknownKey } from './engine/flattenValues';

export function ImportPanel({ onImport }: { onImport: (request: unknown) => UnknownKey[] }): ReactNode {
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const id = useId();
  const load = (source: string) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch (error) {
      setMessage(`Not valid JSON: ${(error as Error).message}`);
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setMessage('A request must be a JSON object.');
      return;
    }
    const unknown = onImport(parsed);
    setMessage(
      unknown.length === 0 ? 'Imported.' : `Imported; ${unknown.length} unknown key(s) listed above.`,
    );
  };
  return (
    <details className="formulary-import">
      <summary>Import a request (JSON)</summary>
      <label htmlFor={`${id}-text`}>Paste a request</label>
      <textarea
        id={`${id}-text`}
        rows={6}
        cols={60}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <div>
        <button type="button" onClick={() => load(text)}>
          Import pasted request
        </button>
        <label htmlFor={`${id}-file`}> or choose a file </label>
        <input
          id={`${id}-file`}
          type="file"
          accept="application/json,.json"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            if (file) load(await file.text());
          }}
        />
      </div>
      {message && <p role="status">{message}</p>}
    </details>
  );
}

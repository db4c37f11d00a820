/**
 * Import a request JSON into the form, pasted or from a file. Parse errors are shown with the reason;
 * "Imported." only when the request was taken as it is and is valid: otherwise the message counts
 * what the notice lists (unknown keys, values not taken as they were) and the problems the summary shows.
 */
import { type ReactNode, useId, useState } from 'react';

/** What an import left to look at: counts, each listed in the notice or the error summary. */
export interface ImportOutcome {
  readonly unknownKeys: number;
  readonly notTaken: number;
  /** Text values read as the numbers, booleans or lists their fields want. */
  readonly converted?: number;
  readonly problems: number;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Imported." or "Imported, but: …" naming what to look at. */
export function describeImport(outcome: ImportOutcome): string {
  const parts: string[] = [];
  if (outcome.unknownKeys > 0)
    parts.push(`${count(outcome.unknownKeys, 'unknown key', 'unknown keys')} left out (listed above)`);
  if ((outcome.converted ?? 0) > 0)
    parts.push(
      `${count(outcome.converted ?? 0, 'text value', 'text values')} read as typed values (listed above)`,
    );
  if (outcome.notTaken > 0)
    parts.push(`${count(outcome.notTaken, 'value', 'values')} not taken as imported (listed above)`);
  if (outcome.problems > 0)
    parts.push(
      `${count(outcome.problems, 'problem', 'problems')} to fix before submitting (see the summary)`,
    );
  return parts.length === 0 ? 'Imported.' : `Imported, but: ${parts.join('; ')}.`;
}

export function ImportPanel({
  onImport,
  objectRoot = true,
}: {
  onImport: (request: unknown) => ImportOutcome;
  /** The request is an object (false: the schema's root is a list, a text, ...: any JSON is taken). */
  objectRoot?: boolean;
}): ReactNode {
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
    if (objectRoot && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) {
      setMessage('A request must be a JSON object.');
      return;
    }
    setMessage(describeImport(onImport(parsed)));
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

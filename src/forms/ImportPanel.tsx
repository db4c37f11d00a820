/**
 * Import a request JSON into the form, pasted or from a file. Parse errors are shown with the reason;
 * "Imported." only when the request was taken as it is and is valid: otherwise the message counts
 * what the notice lists (unknown keys, values not taken as they were) and the problems the summary shows.
 */

import { type ReactNode, useId, useState } from 'react';
import { type Translator, translator } from '../schemas/index';
import { useT } from '../widgets/index';

/** What an import left to look at: counts, each listed in the notice or the error summary. */
export interface ImportOutcome {
  readonly unknownKeys: number;
  readonly notTaken: number;
  /** Text values read as the numbers, booleans or lists their fields want. */
  readonly converted?: number;
  readonly problems: number;
}

/** "Imported." or "Imported, but: …" naming what to look at. */
export function describeImport(outcome: ImportOutcome, t: Translator = translator('en')): string {
  const parts: string[] = [];
  if (outcome.unknownKeys > 0) parts.push(t('import.unknownKeys', { count: outcome.unknownKeys }));
  if ((outcome.converted ?? 0) > 0) parts.push(t('import.converted', { count: outcome.converted ?? 0 }));
  if (outcome.notTaken > 0) parts.push(t('import.notTaken', { count: outcome.notTaken }));
  if (outcome.problems > 0) parts.push(t('import.problems', { count: outcome.problems }));
  return parts.length === 0 ? t('import.done') : t('import.doneBut', { parts: parts.join('; ') });
}

export function ImportPanel({
  onImport,
  objectRoot = true,
}: {
  onImport: (request: unknown) => ImportOutcome;
  /** The request is an object (false: the schema's root is a list, a text, ...: any JSON is taken). */
  objectRoot?: boolean;
}): ReactNode {
  const t = useT();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const id = useId();
  const load = (source: string) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch (error) {
      setMessage(t('coerce.json.notJson', { why: (error as Error).message }));
      return;
    }
    if (objectRoot && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) {
      setMessage(t('import.notObject'));
      return;
    }
    setMessage(describeImport(onImport(parsed), t));
  };
  return (
    <details className="formulary-import">
      <summary>{t('import.summary')}</summary>
      <label htmlFor={`${id}-text`}>{t('import.paste')}</label>
      <textarea
        id={`${id}-text`}
        rows={6}
        cols={60}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <div>
        <button type="button" onClick={() => load(text)}>
          {t('import.importPasted')}
        </button>
        <label htmlFor={`${id}-file`}> {t('import.orFile')} </label>
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

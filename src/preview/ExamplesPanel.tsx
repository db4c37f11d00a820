/**
 * --examples DIR: the example requests beside the form. Choosing one imports it into the form and shows
 * what its .expected.json expects next to the errors the schema's validator finds in it, plus the example-invalid
 * findings `formulary lint` would print for it.
 */
import { type ReactNode, useState } from 'react';
import type { PreviewExample, PreviewExampleEntry } from '../cli/preview/index';
import { FindingsList } from './FindingsList';
import { usePreviewTexts } from './usePreviewTexts';

export interface ExamplesPanelProps {
  readonly dir: string;
  readonly examples: readonly PreviewExampleEntry[];
  /** Imports the request into the form (which then shows its errors at the fields). */
  readonly onImport: (request: unknown) => void;
}

interface Chosen {
  readonly example: PreviewExample;
  readonly real: NonNullable<PreviewExample['errors']>;
}

const same = (a: { pointer: string; rule: string }, b: { pointer: string; rule: string }) =>
  a.pointer === b.pointer && a.rule === b.rule;

export function ExamplesPanel(props: ExamplesPanelProps): ReactNode {
  const t = usePreviewTexts();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [loading, setLoading] = useState(false);
  const choose = async (name: string) => {
    setLoading(true);
    try {
      const response = await fetch(`api/examples/${encodeURIComponent(name)}`);
      const example = (await response.json()) as PreviewExample;
      if (example.request !== undefined) props.onImport(example.request);
      // The validator's errors of the file as it is (what lint compares), not the form's view of the
      // imported values: the form says "text where a number is expected" (input) where ajv says "type".
      setChosen({ example, real: example.errors ?? [] });
    } finally {
      setLoading(false);
    }
  };
  const expected = chosen?.example.expected ?? [];
  return (
    <section aria-labelledby="preview-examples-heading">
      <h2 id="preview-examples-heading">{t.examplesHeading}</h2>
      <p className="preview-hint">{t.examplesFrom(props.dir)}</p>
      {props.examples.length === 0 && <p>{t.noExamples}</p>}
      <ul className="preview-examples" aria-label={t.examplesHeading}>
        {props.examples.map((e) => (
          <li key={e.name}>
            <button
              type="button"
              onClick={() => void choose(e.name)}
              aria-pressed={chosen?.example.name === e.name}
            >
              {e.name}
            </button>
            {e.invalid && <span className="preview-hint"> {t.invalidExample}</span>}
          </li>
        ))}
      </ul>
      {loading && <p role="status">{t.exampleLoading}</p>}
      {chosen && (
        <div data-testid="preview-example-result">
          <p role="status">{t.exampleImported(chosen.example.name)}</p>
          <div className="preview-compare">
            <section aria-label={t.exampleExpectedHeading}>
              <h3>{t.exampleExpectedHeading}</h3>
              {expected.length === 0 ? (
                <p>{t.exampleNoExpected}</p>
              ) : (
                <ul>
                  {expected.map((want) => {
                    const ok = chosen.real.some((e) => same(e, want));
                    return (
                      <li key={`${want.pointer} ${want.rule}`} data-occurs={ok}>
                        <code>{want.pointer || '/'}</code> ({want.rule}):{' '}
                        <strong className={ok ? 'preview-ok' : 'preview-error'}>
                          {ok ? t.occurred : t.missing}
                        </strong>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
            <section aria-label={t.exampleRealHeading}>
              <h3>{t.exampleRealHeading}</h3>
              {chosen.real.length === 0 ? (
                <p>{t.exampleNoReal}</p>
              ) : (
                <ul>
                  {chosen.real.map((error) => {
                    const wanted = expected.some((want) => same(error, want));
                    return (
                      <li key={`${error.pointer} ${error.rule} ${error.message}`} data-expected={wanted}>
                        <code>{error.pointer || '/'}</code> {error.message} ({error.rule})
                        {!wanted && <strong className="preview-error"> {t.unexpected}</strong>}
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          </div>
          <h3>{t.exampleFindingsHeading}</h3>
          {chosen.example.findings.length === 0 ? (
            <p>{chosen.example.expected ? t.exampleAgrees : t.exampleValid}</p>
          ) : (
            <FindingsList findings={chosen.example.findings} label={t.exampleFindingsHeading} />
          )}
        </div>
      )}
    </section>
  );
}

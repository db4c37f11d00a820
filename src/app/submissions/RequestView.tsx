/**
 * The request as accepted, read-only, in the instrument's own form (so fields changed from their
 * defaults carry the form's "changed" mark), with the exact JSON a click away. Falls back to the
 * JSON alone when the instrument's schema is not one the portal ships.
 */
import { type ReactNode, useEffect, useState } from 'react';
import { SubmissionForm } from '../../forms/index';
import { buildFieldModel, type FieldModel, loadSchema } from '../../schemas/index';
import { instrumentCatalogue } from '../../schemas/instruments/index';
import { useLocale, useT } from '../../widgets/index';

export function RequestView({ instrument, request }: { instrument: string; request: unknown }): ReactNode {
  const t = useT();
  const locale = useLocale();
  const [model, setModel] = useState<FieldModel | null>();
  // A form of 1,000 fields is built only when asked for: the jobs and the curve come first.
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const entry = instrumentCatalogue.find((i) => i.id === instrument);
    if (!entry) {
      setModel(null);
      return;
    }
    let live = true;
    const file = entry.schemaPath.slice(entry.schemaPath.lastIndexOf('/') + 1);
    loadSchema(new URL(`schemas/${file}`, document.baseURI).href)
      .then((schema) => live && setModel(buildFieldModel(schema)))
      .catch(() => live && setModel(null));
    return () => {
      live = false;
    };
  }, [instrument, open]);
  return (
    <section className="subs-request" aria-label={t('portal.request')}>
      <details>
        <summary>{t('portal.requestJson')}</summary>
        <pre className="portal__json" data-testid="request-json">
          {JSON.stringify(request, null, 2)}
        </pre>
      </details>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('portal.requestForm')}</summary>
        {open && model === undefined && <p role="status">{t('portal.loadingForm', { instrument })}</p>}
        {open && model === null && <p>{t('portal.noForm', { instrument })}</p>}
        {open && model && (
          <SubmissionForm
            model={model}
            locale={locale}
            formData={request}
            readOnly
            search={false}
            showImport={false}
            idPrefix="submitted-"
            submitLabel={t('portal.submittedButton')}
          />
        )}
      </details>
    </section>
  );
}

/**
 * One section of <FormularyFields> (layout/sectionsOf.ts's sections, as SubmissionForm shows them): a
 * heading, "N changed" from react-hook-form's dirtyFields (the host's reset undoes them), and its body. Advanced
 * sections start closed and are not rendered while closed; sections after the first screenful render
 * when scrolled near (IntersectionObserver) or focused. A section opens by itself when the resolver
 * reports an error inside it, so a refused submit never hides the field at fault.
 */

import { memo, type ReactNode, useMemo, useState } from 'react';
import { get, useFormState } from 'react-hook-form';
import { useT } from '../../widgets/index';
import { LazyContent } from '../layout/LazyContent';
import type { SectionSpec } from '../layout/sectionsOf';
import { rhfDomId, useRhfContext } from './RhfContext';
import { countTrue, type PlacedPointer, RhfBody, RhfNodeErrors } from './RhfNode';
import { rhfNameOf } from './rhfNames';

const ROW_HEIGHT = 64;
const HEAD_HEIGHT = 48;

export const RhfSection = memo(function RhfSection({
  section,
  eager,
}: {
  section: SectionSpec;
  eager: boolean;
}): ReactNode {
  const { control, prefix, idPrefix, methods, disabled, readOnly } = useRhfContext();
  const t = useT();
  // sectionsOf places top-level nodes at storage paths, which outside lists are their pointers.
  const nodes = useMemo<PlacedPointer[]>(
    () => section.nodes.map((n) => ({ node: n.node, pointer: n.path })),
    [section],
  );
  const names = useMemo(() => section.roots.map((r) => rhfNameOf(prefix, r)), [section, prefix]);
  const { errors, dirtyFields } = useFormState({ control, name: names });
  const holdsError = names.some((n) => get(errors, n) !== undefined);
  const [stateOpen, setOpen] = useState(!section.advanced);
  const open = stateOpen || holdsError;
  const changed = names.reduce((sum, n) => sum + countTrue(get(dirtyFields, n)), 0);
  const id = `${rhfDomId(idPrefix, prefix)}-section-${section.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const estimate = section.rowCount * ROW_HEIGHT;
  return (
    <section
      id={id}
      className="formulary-section"
      aria-labelledby={`${id}-heading`}
      data-advanced={section.advanced ? 'true' : undefined}
      style={{ containIntrinsicSize: `auto ${HEAD_HEIGHT + (open ? estimate : 0)}px` }}
    >
      <div className="formulary-section__head">
        <h2 id={`${id}-heading`} className="formulary-section__title">
          {section.advanced ? (
            <button
              type="button"
              aria-expanded={open}
              aria-controls={`${id}-body`}
              onClick={() => setOpen(!open)}
            >
              {section.title}
              <span className="formulary-section__tag"> {t('form.advancedTag')}</span>
            </button>
          ) : (
            section.title
          )}
        </h2>
        {changed > 0 && (
          <span className="formulary-changed-count">{t('form.changed', { count: changed })}</span>
        )}
        {changed > 0 && methods && !disabled && !readOnly && (
          <button
            type="button"
            className="formulary-reset-section"
            onClick={(event) => {
              const heading = event.currentTarget.closest('section')?.querySelector<HTMLElement>('h2');
              for (const n of names) methods.resetField(n);
              // The button goes with the last change: focus moves to the heading, as in SubmissionForm.
              requestAnimationFrame(() =>
                (heading?.querySelector<HTMLElement>('button') ?? heading)?.focus(),
              );
            }}
          >
            {t('form.resetSection')}
            <span className="formulary-visually-hidden"> {section.title}</span>
          </button>
        )}
      </div>
      {section.description && <p className="formulary-section__description">{section.description}</p>}
      {section.groupPath !== undefined && (
        <RhfNodeErrors name={rhfNameOf(prefix, section.groupPath)} id={`${id}-error`} />
      )}
      <div id={`${id}-body`} hidden={!open}>
        {open && (
          <LazyContent eager={eager || holdsError} estimate={estimate} label={section.title}>
            <RhfBody nodes={nodes} indexes={[]} insideAdvanced={section.advanced} />
          </LazyContent>
        )}
      </div>
    </section>
  );
});

/**
 * One section of the form: a heading, "N changed", "Reset section", and its body. Advanced sections
 * are collapsed by default and their body is not rendered while closed; far-off sections render
 * lazily (LazyBlock). Opens by itself when an error appears inside.
 */

import { memo, type ReactNode } from 'react';
import { useT } from '../../widgets/index';
import { domId, useFormContextValue } from '../FormContext';
import { useRenderCount } from '../renderCount';
import { useSearchFiltering, useSearchShowsAny } from '../search/SearchFilter';
import { GroupBody } from './GroupBody';
import { LazyBlock } from './LazyBlock';
import { NodeErrors } from './NodeErrors';
import type { SectionSpec } from './sectionsOf';
import { useChangedCount } from './useChangedCount';
import { useOpenState } from './useOpenState';

/** Estimated height of one field row before the section is rendered, in px. */
const ROW_HEIGHT = 64;
/** Estimated height of a section's heading, in px. */
const HEAD_HEIGHT = 48;

export interface SectionViewProps {
  readonly section: SectionSpec;
  /** Render at once (the first screenful), not when scrolled to. */
  readonly eager: boolean;
}

export const SectionView = memo(function SectionView({ section, eager }: SectionViewProps): ReactNode {
  useRenderCount(`section:${section.key}`);
  const { idPrefix, disabled, readOnly } = useFormContextValue();
  const t = useT();
  const [stateOpen, setOpen] = useOpenState(section.key, section.roots, !section.advanced);
  // While the search shows only matches, sections holding one open (rendered at once) and the others are left out.
  const filtering = useSearchFiltering();
  const hasMatch = useSearchShowsAny(section.roots);
  const open = stateOpen || filtering;
  const id = `${domId(idPrefix, '')}section-${section.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const headingId = `${id}-heading`;
  const bodyId = `${id}-body`;
  if (!hasMatch) return null;
  const estimate = section.rowCount * ROW_HEIGHT;
  return (
    <section
      id={id}
      className="formulary-section"
      aria-labelledby={headingId}
      data-advanced={section.advanced ? 'true' : undefined}
      // Its height while the browser skips it off screen (content-visibility in formulary.css) and it
      // has not been rendered yet: the same estimate as its lazy body, so the scrollbar does not jump.
      style={{ containIntrinsicSize: `auto ${HEAD_HEIGHT + (open ? estimate : 0)}px` }}
    >
      <div className="formulary-section__head">
        <h2 id={headingId} className="formulary-section__title" tabIndex={-1}>
          {section.advanced ? (
            <button
              type="button"
              id={`${id}-toggle`}
              aria-expanded={open}
              aria-controls={bodyId}
              onClick={() => setOpen(!open)}
            >
              {section.title}
              <span className="formulary-section__tag"> {t('form.advancedTag')}</span>
            </button>
          ) : (
            section.title
          )}
        </h2>
        <SectionChanges section={section} canReset={!disabled && !readOnly} />
      </div>
      {section.description && <p className="formulary-section__description">{section.description}</p>}
      {section.groupPath !== undefined && <NodeErrors path={section.groupPath} id={`${id}-error`} />}
      <div id={bodyId} hidden={!open}>
        {open && (
          <LazyBlock
            key={filtering ? 'filtered' : 'all'}
            eager={eager || filtering}
            roots={section.roots}
            estimate={estimate}
            label={section.title}
          >
            <GroupBody
              nodes={section.nodes}
              partKey={section.key}
              insideAdvanced={section.advanced}
              label={section.title}
            />
          </LazyBlock>
        )}
      </div>
    </section>
  );
});

/** "N changed" and "Reset section": its own component, so a count change re-renders only this. */
function SectionChanges({ section, canReset }: { section: SectionSpec; canReset: boolean }): ReactNode {
  useRenderCount(`changes:${section.key}`);
  const { engine } = useFormContextValue();
  const t = useT();
  const changed = useChangedCount(section.roots);
  if (changed === 0) return null;
  return (
    <>
      <span className="formulary-changed-count">{t('form.changed', { count: changed })}</span>
      {canReset && (
        <button
          type="button"
          className="formulary-reset-section"
          onClick={(event) => {
            const heading = event.currentTarget.closest('section')?.querySelector<HTMLElement>('h2');
            engine.resetWithin(section.roots);
            // The button goes with the last change: focus moves to the section's heading (its toggle
            // when advanced), where the user was working, not to <body>.
            requestAnimationFrame(() => (heading?.querySelector<HTMLElement>('button') ?? heading)?.focus());
          }}
        >
          {t('form.resetSection')}
          <span className="formulary-visually-hidden"> {section.title}</span>
        </button>
      )}
    </>
  );
}

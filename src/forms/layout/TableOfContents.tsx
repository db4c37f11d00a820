/** Links to every section; following one opens the section (if collapsed) and scrolls to its heading. */

import type { ReactNode } from 'react';
import { useT } from '../../widgets/index';
import { domId, useFormContextValue } from '../FormContext';
import type { SectionSpec } from './sectionsOf';

export function TableOfContents({ sections }: { sections: readonly SectionSpec[] }): ReactNode {
  const { engine, idPrefix } = useFormContextValue();
  const t = useT();
  return (
    <nav className="formulary-toc" aria-label={t('form.sections')}>
      <ul>
        {sections.map((s) => {
          const id = `${domId(idPrefix, '')}section-${s.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
          return (
            <li key={s.key}>
              <a
                href={`#${id}`}
                onClick={(event) => {
                  event.preventDefault();
                  const first = s.roots[0];
                  if (first !== undefined) engine.reveal(first);
                  requestAnimationFrame(() => {
                    const heading = document.getElementById(`${id}-heading`);
                    heading?.scrollIntoView?.({ block: 'start' });
                  });
                }}
              >
                {s.title}
                {s.advanced ? ` ${t('form.advancedTag')}` : ''}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * The list of every problem at the top of the form (role="alert", so it is announced), each a link
 * that opens the section holding the field, scrolls to it and focuses it. Re-renders only when the
 * set of errors changes, never on a keystroke that changes no error.
 */

import { forwardRef, type ReactNode, useCallback, useSyncExternalStore } from 'react';
import type { Translator } from '../../schemas/index';
import { useT } from '../../widgets/index';
import type { StoragePath } from '../engine/storagePath';
import { domId, useFormContextValue } from '../FormContext';
import { useRenderCount } from '../renderCount';

/** "Scans, row 2: Thickness" style label for a storage path. */
function labelOf(
  engine: ReturnType<typeof useFormContextValue>['engine'],
  path: StoragePath,
  t: Translator,
): string {
  const parts: string[] = [];
  let prefix = '';
  for (const segment of path.split('/').slice(1)) {
    prefix += `/${segment}`;
    if (segment.startsWith('~r')) {
      const list = prefix.slice(0, prefix.lastIndexOf('/'));
      parts.push(t('form.row', { n: engine.rowsOf(list).indexOf(segment.slice(2)) + 1 }));
      continue;
    }
    const node = engine.nodeAt(prefix);
    if (!node || (node.type === 'group' && prefix !== path)) continue;
    // A choice and the list inside it often share a label ("Scans"): say it once.
    if (parts[parts.length - 1] !== node.label) parts.push(node.label);
  }
  return parts.join(', ') || t('form.requestShort');
}

export const ErrorSummary = forwardRef<HTMLDivElement>(function ErrorSummary(_props, ref): ReactNode {
  useRenderCount('summary');
  const { engine, idPrefix } = useFormContextValue();
  const t = useT();
  useSyncExternalStore(
    useCallback((listener) => engine.errors.subscribeAll(listener), [engine]),
    () => engine.errors.snapshot,
  );
  const errors = engine.errors.all();
  const headingId = `${domId(idPrefix, '')}summary-heading`;
  return (
    <div
      ref={ref}
      className="formulary-summary"
      role="alert"
      aria-labelledby={headingId}
      tabIndex={-1}
      hidden={errors.length === 0}
    >
      {errors.length > 0 && (
        <>
          <h2 id={headingId}>{t('form.problems', { count: errors.length })}</h2>
          <ul>
            {errors.map((shown) => {
              const path = shown.paths[0] ?? '';
              return (
                <li key={`${path}:${shown.error.rule}:${shown.error.message}`}>
                  <a
                    href={`#${domId(idPrefix, path)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      engine.reveal(path);
                    }}
                  >
                    {t('form.problemAt', { where: labelOf(engine, path, t), message: shown.error.message })}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
});

/**
 * The advanced parameters of a section or group: collapsed by default and not rendered while closed
 * (closed parts cost nothing), with "N changed" on the toggle, opening by itself on an error inside.
 */

import { type ReactNode, useId, useMemo } from 'react';
import { useT } from '../../widgets/index';
import { rowNameId, useFormContextValue } from '../FormContext';
import { useRenderCount } from '../renderCount';
import { useSearchFiltering, useSearchShowsAny } from '../search/SearchFilter';
import type { PlacedNode } from './GroupBody';
import { NodeView } from './NodeView';
import { useChangedCount } from './useChangedCount';
import { useOpenState } from './useOpenState';

export function AdvancedPart({
  nodes,
  partKey,
  label,
}: {
  nodes: readonly PlacedNode[];
  partKey: string;
  /** The section or group it belongs to: "Advanced (2)" alone would be the same name in every section. */
  label: string;
}): ReactNode {
  const { idPrefix } = useFormContextValue();
  const t = useT();
  useRenderCount(`advanced:${partKey}`);
  const roots = useMemo(() => nodes.map((n) => n.path), [nodes]);
  const [stateOpen, setOpen] = useOpenState(partKey, roots, false);
  // While the search shows only matches, parts holding one open and the others are left out.
  const filtering = useSearchFiltering();
  const pointers = useMemo(() => nodes.map((n) => n.node.pointer), [nodes]);
  const hasMatch = useSearchShowsAny(pointers);
  const open = stateOpen || filtering;
  const bodyId = useId();
  const buttonId = `${bodyId}-toggle`;
  const rowName = nodes[0] === undefined ? undefined : rowNameId(idPrefix, nodes[0].path);
  if (!hasMatch) return null;
  return (
    <div className="formulary-advanced" data-open={open ? 'true' : 'false'}>
      <button
        type="button"
        id={buttonId}
        aria-expanded={open}
        aria-controls={bodyId}
        aria-labelledby={rowName === undefined ? undefined : `${buttonId} ${rowName}`}
        onClick={() => setOpen(!open)}
      >
        {t('form.advanced', { count: nodes.length })}
        <span className="formulary-visually-hidden"> {t('form.advancedIn', { label })}</span>
        <ChangedCount roots={roots} />
      </button>
      <div id={bodyId} hidden={!open}>
        {open && nodes.map((n) => <NodeView key={n.path} node={n.node} path={n.path} />)}
      </div>
    </div>
  );
}

/** " · N changed" on the toggle; re-renders alone when the count changes. */
function ChangedCount({ roots }: { roots: readonly string[] }): ReactNode {
  const changed = useChangedCount(roots);
  const t = useT();
  return changed > 0 ? (
    <span className="formulary-changed-count"> · {t('form.changed', { count: changed })}</span>
  ) : null;
}

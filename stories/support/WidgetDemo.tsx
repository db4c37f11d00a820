/**
 * Renders one registry widget for a story, holding its value like a form would, in a named state
 * (default, changed, error, unset, disabled). Stories only: the widgets themselves live in src/widgets.
 */
import { type ReactNode, useMemo, useState } from 'react';
import type { FieldNode } from '../../src/schemas/index';
import { defaultWidgetRegistry, withNullable } from '../../src/widgets/index';

export type WidgetStoryState = 'default' | 'changed' | 'error' | 'unset' | 'disabled';

export interface WidgetDemoProps {
  /** Registry name of the widget ("number", "runList", ...). */
  readonly widget: string;
  readonly field: FieldNode;
  /** The value in the default state (the field's default). */
  readonly value: unknown;
  /** The value in the changed and error states. */
  readonly changedValue: unknown;
  readonly state: WidgetStoryState;
}

/** One widget in one state; edits update its value as in a form. */
export function WidgetDemo(props: WidgetDemoProps): ReactNode {
  const entry = defaultWidgetRegistry.entries().find((e) => e.name === props.widget);
  if (!entry) throw new Error(`no widget named "${props.widget}" in the default registry`);
  const initial =
    props.state === 'unset'
      ? null
      : props.state === 'changed' || props.state === 'error'
        ? props.changedValue
        : props.value;
  const [value, setValue] = useState<unknown>(initial);
  const unset = props.state === 'unset';
  const field = useMemo<FieldNode>(
    () => (unset ? { ...props.field, nullable: true, default: null, hasDefault: true } : props.field),
    [unset, props.field],
  );
  // A nullable field gets the registry's "Unset" wrapper, as the form renders it.
  const Widget = unset ? withNullable(entry.component) : entry.component;
  return (
    <div style={{ maxWidth: '36rem' }}>
      <Widget
        field={field}
        id={`story-${props.widget}-${props.state}`}
        value={value}
        onChange={setValue}
        onBlur={() => {}}
        changed={props.state === 'changed' || props.state === 'error' || !sameValue(value, initial)}
        error={props.state === 'error' ? 'must be at most 10 (example of a form error)' : undefined}
        disabled={props.state === 'disabled'}
      />
      <p style={{ font: '12px monospace', color: '#555' }} data-testid="story-value">
        value: {JSON.stringify(value) ?? 'undefined'}
      </p>
    </div>
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The ranked registry: kinds pick our widgets, x-widget picks by name, a facility adds or replaces one. */
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, test } from 'vitest';
import type { FieldNode } from '../../src/schemas/index';
import {
  createWidgetRegistry,
  defaultWidgetEntries,
  defaultWidgetRegistry,
  JsonWidget,
  NumberWidget,
  RadioWidget,
  RunListWidget,
  SelectWidget,
  type WidgetProps,
  withNullable,
} from '../../src/widgets/index';
import { fieldFixture } from './fieldFixture';

const names = (field: FieldNode) => defaultWidgetRegistry.resolve(field).entry.name;

describe('defaultWidgetRegistry', () => {
  test('picks a widget for every kind', () => {
    expect(names(fieldFixture({ kind: 'number' }))).toBe('number');
    expect(names(fieldFixture({ kind: 'integer' }))).toBe('integer');
    expect(names(fieldFixture({ kind: 'string' }))).toBe('text');
    expect(names(fieldFixture({ kind: 'boolean' }))).toBe('boolean');
    expect(names(fieldFixture({ kind: 'runList' }))).toBe('runList');
    expect(names(fieldFixture({ kind: 'numberList' }))).toBe('numberList');
    expect(names(fieldFixture({ kind: 'binning' }))).toBe('binning');
    expect(names(fieldFixture({ kind: 'path' }))).toBe('path');
    expect(names(fieldFixture({ kind: 'dateTime' }))).toBe('dateTime');
    expect(names(fieldFixture({ kind: 'json' }))).toBe('json');
  });

  test('enums: radio up to four options, select beyond, select in compact places', () => {
    const four = fieldFixture({ kind: 'enum', enum: ['a', 'b', 'c', 'd'] });
    const five = fieldFixture({ kind: 'enum', enum: ['a', 'b', 'c', 'd', 'e'] });
    expect(defaultWidgetRegistry.pick(four)).toBe(RadioWidget);
    expect(defaultWidgetRegistry.pick(five)).toBe(SelectWidget);
    expect(defaultWidgetRegistry.pick(four, { compact: true })).toBe(SelectWidget);
  });

  test('x-widget / ui:widget picks by name; an unknown name falls back and is reported', () => {
    expect(defaultWidgetRegistry.pick(fieldFixture({ kind: 'string', widget: 'json' }))).toBe(JsonWidget);
    const unknown = defaultWidgetRegistry.resolve(fieldFixture({ kind: 'number', widget: 'slider' }));
    expect(unknown.entry.name).toBe('number');
    expect(unknown.unknownWidget).toBe('slider');
  });

  test('nullable fields get the Unset wrapper', () => {
    expect(defaultWidgetRegistry.pick(fieldFixture({ kind: 'number', nullable: true }))).toBe(
      withNullable(NumberWidget),
    );
  });

  test('is frozen; extend() makes a facility its own', () => {
    const entry = { name: 'x', tester: () => 1, component: JsonWidget };
    expect(() => defaultWidgetRegistry.register(entry)).toThrow(/frozen: use registry.extend/);
    expect(defaultWidgetRegistry.extend([entry]).get('x')).toBe(entry);
    expect(defaultWidgetRegistry.get('x')).toBeUndefined();
  });
});

function SliderWidget(props: WidgetProps): ReactNode {
  return <input id={props.id} aria-label={props.field.label} type="range" data-testid="slider" />;
}

describe('createWidgetRegistry', () => {
  test('a facility widget outranks ours by scoring higher, without touching ours', () => {
    const registry = createWidgetRegistry(defaultWidgetEntries).register({
      name: 'slider',
      tester: (field) => (field.kind === 'number' && field.maximum !== undefined ? 10 : -1),
      component: SliderWidget,
    });
    expect(registry.pick(fieldFixture({ kind: 'number', maximum: 1 }))).toBe(SliderWidget);
    expect(registry.pick(fieldFixture({ kind: 'number' }))).toBe(NumberWidget);
    const Picked = registry.pick(fieldFixture({ kind: 'number', maximum: 1, label: 'Fraction' }));
    render(
      <Picked
        field={fieldFixture({ kind: 'number' })}
        id="s"
        value={1}
        onChange={() => {}}
        onBlur={() => {}}
      />,
    );
    expect(screen.getByTestId('slider')).toBeTruthy();
  });

  test('registering the same name replaces our widget everywhere it was picked', () => {
    const registry = createWidgetRegistry(defaultWidgetEntries);
    const field = fieldFixture({ kind: 'runList' });
    expect(registry.pick(field)).toBe(RunListWidget);
    registry.register({
      name: 'runList',
      tester: (f) => (f.kind === 'runList' ? 5 : -1),
      component: SliderWidget,
    });
    expect(registry.pick(field)).toBe(SliderWidget);
    expect(registry.unregister('runList')).toBe(true);
    expect(registry.pick(field)).toBe(JsonWidget);
  });

  test('ties keep the earlier entry; an empty registry names the field it cannot serve', () => {
    const a = { name: 'a', tester: () => 3, component: JsonWidget };
    const b = { name: 'b', tester: () => 3, component: NumberWidget };
    expect(createWidgetRegistry([a, b]).pick(fieldFixture({ kind: 'number' }))).toBe(JsonWidget);
    expect(() => createWidgetRegistry([]).pick(fieldFixture({ kind: 'number', pointer: '/q' }))).toThrow(
      "No widget accepts the field at '/q' (kind 'number')",
    );
    expect(() => createWidgetRegistry([{ name: '', tester: () => 1, component: JsonWidget }])).toThrow(
      /needs a name/,
    );
  });
});

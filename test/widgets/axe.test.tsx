/**
 * axe-core over every widget in every state (default, changed, error, unset, disabled, read-only), in
 * happy-dom: labels, aria-describedby targets, roles and names. Colour contrast needs a real browser and
 * is left to the e2e run on a whole form.
 */
import { cleanup, render } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, expect, test } from 'vitest';
import type { FieldNode } from '../../src/schemas/index';
import { defaultWidgetRegistry, type WidgetProps } from '../../src/widgets/index';
import { fieldFixture } from './fieldFixture';

afterEach(cleanup);

const fields: [FieldNode, unknown][] = [
  [fieldFixture({ kind: 'string', key: 'title', label: 'Title', maxLength: 20 }), 'lysozyme'],
  [fieldFixture({ kind: 'number', key: 'qmin', label: 'Q min', units: '1/Å', minimum: 0, maximum: 1 }), 0.01],
  [fieldFixture({ kind: 'integer', key: 'bins', label: 'Bins', minimum: 1 }), 100],
  [fieldFixture({ kind: 'boolean', key: 'solid', label: 'Solid angle correction' }), true],
  [fieldFixture({ kind: 'enum', key: 'norm', label: 'Normalisation', enum: ['Time', 'Monitor'] }), 'Time'],
  [fieldFixture({ kind: 'enum', key: 'fmt', label: 'Format', enum: ['a', 'b', 'c', 'd', 'e'] }), 'a'],
  [fieldFixture({ kind: 'runList', key: 'runs', label: 'Sample runs' }), [1, 2, 3]],
  [fieldFixture({ kind: 'numberList', key: 'wedges', label: 'Wedge angles', units: 'degrees' }), [-30, 60]],
  [fieldFixture({ kind: 'binning', key: 'qbin', label: 'Q binning', units: '1/Å' }), [0.01, -0.02, 0.5]],
  [fieldFixture({ kind: 'path', key: 'mask', label: 'Mask file' }), '/SNS/EQSANS/mask.xml'],
  [fieldFixture({ kind: 'dateTime', key: 'start', label: 'Start' }), '2026-11-27T14:30:00Z'],
  [fieldFixture({ kind: 'json', key: 'extra', label: 'Extra' }), { a: 1 }],
];

const states: Partial<WidgetProps>[] = [
  {},
  { changed: true },
  { error: 'must be less than Q max' },
  { disabled: true },
  { readOnly: true },
];

test('no axe violations in any widget or state, nullable ones included', { timeout: 120_000 }, async () => {
  render(
    <form>
      {fields.flatMap(([field, value]) =>
        [false, true].flatMap((nullable) =>
          // Nullable variants: unset (state 0, value null) and with an error; the rest repeat the plain ones.
          (nullable ? states.slice(0, 3) : states).map((state, i) => {
            const f = nullable ? { ...field, nullable: true } : field;
            const Widget = defaultWidgetRegistry.pick(f);
            const id = `${field.key}-${nullable ? 'n' : 'p'}-${i}`;
            return (
              <Widget
                key={id}
                field={f}
                id={id}
                value={nullable && i === 0 ? null : value}
                onChange={() => {}}
                onBlur={() => {}}
                {...state}
              />
            );
          }),
        ),
      )}
    </form>,
  );
  const result = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  const violations = result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(violations).toEqual([]);
  expect(result.passes.map((p) => p.id)).toContain('label');
});

/**
 * Every field of every shipped instrument schema, through buildFieldModel and the default registry,
 * with its default value: each gets a widget, is labelled, and shows its default without a coercion
 * message (a default the widget could not display would be a silent loss).
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { buildFieldModel, defaultsOf, getAt, loadSchema } from '../../src/schemas/index';
import { instrumentCatalogue } from '../../src/schemas/instruments/index';
import { defaultWidgetRegistry } from '../../src/widgets/index';

afterEach(cleanup);

describe.each(instrumentCatalogue.map((e) => [e.id, e.schemaPath] as const))('%s', (_id, schemaPath) => {
  test('every field renders its default through the registry', { timeout: 60_000 }, async () => {
    const model = buildFieldModel(await loadSchema(schemaPath));
    const defaults = defaultsOf(model);
    const fields = model.fields.filter((f) => !f.pointer.includes('*'));
    expect(fields.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const field of fields) {
      const Widget = defaultWidgetRegistry.pick(field);
      const onTextError = vi.fn();
      // A field inside a choice branch that is not the default one has its own default (its const).
      const value = field.hasDefault ? field.default : getAt(defaults, field.pointer);
      const { container, unmount } = render(
        <Widget
          field={field}
          id="w"
          value={value}
          onChange={() => {}}
          onBlur={() => {}}
          onTextError={onTextError}
        />,
      );
      const input = container.querySelector('#w');
      const labelled =
        input !== null &&
        (container.querySelector('label[for="w"]') !== null ||
          input.closest('fieldset')?.querySelector('legend'));
      if (!labelled) problems.push(`${field.pointer}: no labelled input`);
      if (onTextError.mock.calls.some(([m]) => m !== undefined))
        problems.push(`${field.pointer}: text error`);
      if (container.querySelector('.formulary-widget__error') !== null) {
        problems.push(
          `${field.pointer}: shows "${container.querySelector('.formulary-widget__error')?.textContent}"`,
        );
      }
      unmount();
    }
    expect(problems).toEqual([]);
  });
});

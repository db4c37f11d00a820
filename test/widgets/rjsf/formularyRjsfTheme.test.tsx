/**
 * The RJSF theme on a shipped instrument schema: EQSANS (draft-07, split across files) bundled with our
 * loadSchema and rendered by @rjsf/core's withTheme(formularyRjsfTheme) with @rjsf/validator-ajv8.
 */

import { readFileSync } from 'node:fs';
import { withTheme } from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { loadSchema } from '../../../src/schemas/index';
import { formularyRjsfTheme, isAdvancedProperty } from '../../../src/widgets/rjsf/index';

afterEach(cleanup);

const ThemedForm = withTheme(formularyRjsfTheme);
let schema: RJSFSchema;
const example = JSON.parse(
  readFileSync('examples/eqsans/average-protein-concentrations.json', 'utf8'),
) as Record<string, unknown>;

beforeAll(async () => {
  schema = (await loadSchema('src/schemas/instruments/eqsans.schema.json')).schema as RJSFSchema;
}, 30_000);

function widgetOf(input: HTMLElement): HTMLElement {
  return input.closest('[data-widget]') as HTMLElement;
}

// RJSF renders the whole EQSANS form per test; on a shared 2-core machine that can take seconds.
describe('formularyRjsfTheme on EQSANS', { timeout: 30_000 }, () => {
  test('renders our widgets: run lists, numbers with units, switches, paths', () => {
    const { container } = render(<ThemedForm schema={schema} validator={validator} formData={example} />);
    const kinds = new Set(
      [...container.querySelectorAll('[data-widget]')].map((e) => e.getAttribute('data-widget')),
    );
    for (const kind of ['runList', 'number', 'integer', 'boolean', 'radio', 'path'])
      expect(kinds).toContain(kind);
    // RJSF's own label (htmlFor = id) labels our input; our widget adds the unit and the limit.
    const radius = screen.getByLabelText(/Centre-of-mass radius/) as HTMLInputElement;
    expect(widgetOf(radius).getAttribute('data-widget')).toBe('number');
    expect(radius.value).toBe('50');
    expect(within(widgetOf(radius)).getByText('mm')).toBeTruthy();
    expect(within(widgetOf(radius)).getByText('above 0 and at most 500 mm')).toBeTruthy();
    // one label per input: ours is hidden where RJSF renders one
    expect(widgetOf(radius).querySelector('label')).toBeNull();
  });

  test('each widget carries the JSON Pointer of its field, nested and in list rows', () => {
    const { container } = render(<ThemedForm schema={schema} validator={validator} formData={example} />);
    const radius = screen.getByLabelText(/Centre-of-mass radius/) as HTMLInputElement;
    expect(widgetOf(radius).getAttribute('data-pointer')).toBe('/beamCenter/comRadius');
    const pointers = [...container.querySelectorAll('[data-widget]')].map((e) =>
      e.getAttribute('data-pointer'),
    );
    expect(pointers).toContain('/job/scans/0/runNumber');
    expect(pointers).toContain('/job/scans/1/transmission/runNumber');
    // A union of one value (number | null) is our widget too, under its full pointer.
    expect(pointers).toContain('/job/scans/1/transmission/value');
    // Every pointer is a path into the schema's properties, never a bare key.
    expect(pointers.filter((p) => p !== null && p.split('/').length === 2).sort()).toEqual(
      Object.keys((schema as { properties: object }).properties)
        .filter((key) => pointers.includes(`/${key}`))
        .map((key) => `/${key}`)
        .sort(),
    );
  });

  test('x-advanced properties sit in a collapsed "Advanced" section', () => {
    const { container } = render(<ThemedForm schema={schema} validator={validator} formData={example} />);
    const sections = [...container.querySelectorAll('details.formulary-advanced')] as HTMLDetailsElement[];
    expect(sections.length).toBeGreaterThan(0);
    expect(sections.every((d) => !d.open)).toBe(true);
    const root = sections.find((d) => d.parentElement?.id === 'root');
    expect(root).toBeDefined();
    expect(root?.querySelector('#root_mask')).not.toBeNull();
    expect(container.querySelector('#root_wavelength')?.closest('details')).toBeNull();
    expect(isAdvancedProperty(schema, 'mask', schema)).toBe(true);
    expect(isAdvancedProperty(schema, 'wavelength', schema)).toBe(false);
  });

  test('a reversed range gets our message and leaves formData alone; a good one is stored normalised', async () => {
    const onChange = vi.fn();
    render(<ThemedForm schema={schema} validator={validator} formData={example} onChange={onChange} />);
    const user = userEvent.setup();
    const input = document.getElementById('root_background_runNumber') as HTMLInputElement;
    expect(widgetOf(input).getAttribute('data-widget')).toBe('runList');
    await user.clear(input);
    await user.click(input);
    await user.paste('141535-141530');
    await user.tab();
    const message = within(widgetOf(input)).getByText(
      'The range 141535-141530 runs backwards: write 141530-141535.',
    );
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    const lastData = () =>
      onChange.mock.calls.at(-1)?.[0].formData as Record<string, Record<string, unknown>>;
    expect(onChange).not.toHaveBeenCalled(); // neither the emptied nor the reversed text reached formData
    await user.clear(input);
    await user.click(input);
    await user.paste('141530:141532, 141540');
    expect(lastData().background?.runNumber).toBe('141530-141532, 141540');
  });

  test('RJSF validation errors are tied to our input by aria-describedby', async () => {
    const bad = { ...example, beamCenter: { ...(example.beamCenter as object), comRadius: 900 } };
    render(<ThemedForm schema={schema} validator={validator} formData={bad} showErrorList={false} />);
    fireEvent.submit(document.querySelector('form') as HTMLFormElement);
    const radius = await screen.findByLabelText(/Centre-of-mass radius/);
    expect(radius.getAttribute('aria-invalid')).toBe('true');
    expect(radius.getAttribute('aria-describedby')?.split(' ')).toContain('root_beamCenter_comRadius__error');
    expect(document.getElementById('root_beamCenter_comRadius__error')?.textContent).toMatch(/500/);
  });

  test('a valid request submits unchanged', () => {
    const onSubmit = vi.fn();
    const onError = vi.fn();
    render(
      <ThemedForm
        schema={schema}
        validator={validator}
        formData={example}
        onSubmit={onSubmit}
        onError={onError}
      />,
    );
    fireEvent.submit(document.querySelector('form') as HTMLFormElement);
    expect(onError).not.toHaveBeenCalled();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]?.[0].formData.background).toEqual(example.background);
    expect(onSubmit.mock.calls[0]?.[0].formData.beamCenter).toEqual(example.beamCenter);
  });

  test('a one-value union (number | numeric text | null) is one input, not an "Option 1 / Option 2" picker', async () => {
    const onChange = vi.fn();
    const { container } = render(
      <ThemedForm schema={schema} validator={validator} formData={example} onChange={onChange} />,
    );
    expect(container.querySelector('#root_binning_Qmax__anyof_select')).toBeNull();
    const qmax = document.getElementById('root_binning_Qmax') as HTMLInputElement;
    expect(widgetOf(qmax).getAttribute('data-widget')).toBe('number');
    expect(qmax.value).toBe('0.45'); // the example stores text; shown as it is
    expect(document.querySelectorAll('label[for="root_binning_Qmax"]')).toHaveLength(1); // RJSF's, not a second one
    const user = userEvent.setup();
    await user.clear(qmax);
    await user.type(qmax, '0.5');
    const data = onChange.mock.calls.at(-1)?.[0].formData as Record<string, Record<string, unknown>>;
    expect(data.binning?.Qmax).toBe(0.5);
    // A real choice between objects keeps a picker, with the branch titles instead of "Option 1".
    const job = container.querySelector('#root_job__oneof_select')?.closest('[data-widget]') as HTMLElement;
    expect(within(job).getByText('One reduction of all scans (averaged)')).toBeTruthy();
  });
});

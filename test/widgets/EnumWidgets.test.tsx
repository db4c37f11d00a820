/** Enums: radio buttons for up to four options, a select beyond; values of any JSON type survive. */
import { act, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { RadioWidget, SelectWidget } from '../../src/widgets/index';
import { fieldFixture } from './fieldFixture';
import { renderWidget } from './renderWidget';

const normalisation = fieldFixture({
  kind: 'enum',
  key: 'normalization',
  label: 'Normalisation',
  enum: ['Time', 'Monitor', 'Total charge'],
  enumLabels: ['Time', 'Monitor', 'Proton charge'],
});
const formats = fieldFixture({
  kind: 'enum',
  key: 'format',
  label: 'Output format',
  enum: ['GSAS', 'FullProf', 'TOPAS', 'NeXus', 'XYE', 1],
});

describe('RadioWidget', () => {
  test('a fieldset of labelled radios; arrow keys move the choice', async () => {
    const h = renderWidget(RadioWidget, { field: normalisation, value: 'Monitor' });
    expect(screen.getByRole('group', { name: /Normalisation/ })).toBeTruthy();
    const monitor = screen.getByRole('radio', { name: 'Monitor' });
    expect(monitor).toHaveProperty('checked', true);
    await h.user.click(screen.getByRole('radio', { name: 'Proton charge' }));
    expect(h.value()).toBe('Total charge');
    await h.user.keyboard('{ArrowLeft}');
    expect(h.value()).toBe('Monitor');
    expect(screen.getByRole('radio', { name: 'Time' }).id).toBe('f');
  });

  test('a value outside the options is shown as an error, not hidden', () => {
    renderWidget(RadioWidget, { field: normalisation, value: 'Beam' });
    expect(screen.getByText('The current value Beam is not one of the options.')).toBeTruthy();
    expect(screen.getAllByRole('radio').every((r) => !(r as HTMLInputElement).checked)).toBe(true);
  });

  test('read-only keeps the choice', async () => {
    const h = renderWidget(RadioWidget, { field: normalisation, value: 'Time', readOnly: true });
    await h.user.click(screen.getByRole('radio', { name: 'Monitor' }));
    expect(h.value()).toBe('Time');
  });
});

describe('SelectWidget', () => {
  test('a labelled select; numbers keep their type; no silent first pick', async () => {
    const h = renderWidget(SelectWidget, { field: formats, value: undefined });
    const select = screen.getByLabelText(/Output format/) as HTMLSelectElement;
    expect(select.selectedOptions[0]?.textContent).toBe('Choose…');
    await h.user.selectOptions(select, screen.getByRole('option', { name: '1' }));
    expect(h.value()).toBe(1);
    await h.user.selectOptions(select, screen.getByRole('option', { name: 'TOPAS' }));
    expect(h.value()).toBe('TOPAS');
  });

  test('disabled and error states', () => {
    const h = renderWidget(SelectWidget, {
      field: formats,
      value: 'GSAS',
      disabled: true,
      error: 'pick one',
    });
    const select = screen.getByLabelText(/Output format/);
    expect(select).toHaveProperty('disabled', true);
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(h.container.firstElementChild?.getAttribute('data-state')).toBe('error disabled');
    act(() => h.rerender({ disabled: false, error: undefined, changed: true }));
    expect(h.container.firstElementChild?.getAttribute('data-state')).toBe('changed');
  });
});

/** Number and integer widgets: units, limits explained before leaving, bad text refused with a message. */
import { act, cleanup, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { IntegerWidget, NumberWidget } from '../../src/widgets/index';
import { fieldFixture } from './fieldFixture';
import { renderWidget } from './renderWidget';

const wavelength = fieldFixture({
  kind: 'number',
  key: 'wavelengthMin',
  label: 'Wavelength min',
  units: 'Å',
  minimum: 0.1,
  maximum: 10,
  hasDefault: true,
  default: 2.5,
});

describe('NumberWidget', () => {
  test('ArrowUp and ArrowDown step the last decimal typed, Shift ten steps, within the limits', async () => {
    const h = renderWidget(NumberWidget, { field: wavelength, value: 2.5 });
    const input = screen.getByLabelText(/Wavelength min/) as HTMLInputElement;
    await h.user.click(input);
    await h.user.keyboard('{ArrowUp}');
    expect(input.value).toBe('2.6');
    expect(h.value()).toBe(2.6);
    await h.user.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(input.value).toBe('1.6');
    await h.user.clear(input);
    await h.user.type(input, '9.95{ArrowUp}{ArrowUp}{ArrowUp}{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(input.value).toBe('10.00'); // the maximum: the sixth press has nowhere to go
    expect(h.value()).toBe(10);
  });

  test('the arrow keys leave a read-only field and text that is not a number alone', async () => {
    const h = renderWidget(NumberWidget, { field: wavelength, value: 2.5, readOnly: true });
    const input = screen.getByLabelText(/Wavelength min/) as HTMLInputElement;
    await h.user.click(input);
    await h.user.keyboard('{ArrowUp}');
    expect(input.value).toBe('2.5');
    cleanup();
    const h2 = renderWidget(NumberWidget, { field: wavelength, value: 2.5 });
    const input2 = screen.getByLabelText(/Wavelength min/) as HTMLInputElement;
    await h2.user.clear(input2);
    await h2.user.type(input2, '1,5');
    const onChangeCalls = h2.onChange.mock.calls.length;
    await h2.user.keyboard('{ArrowUp}');
    expect(input2.value).toBe('1,5');
    expect(h2.onChange.mock.calls.length).toBe(onChangeCalls);
  });

  test('accepts "0.1", shows the unit and the limit before the user leaves', async () => {
    const h = renderWidget(NumberWidget, { field: wavelength, value: 2.5 });
    const input = screen.getByLabelText(/Wavelength min/);
    expect(input).toHaveProperty('value', '2.5');
    expect(screen.getByText('Å')).toBeTruthy();
    expect(screen.getByText('0.1–10 Å')).toBeTruthy();
    await h.user.clear(input);
    await h.user.type(input, '0.1');
    expect(h.value()).toBe(0.1);
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  test('warns while typing a number out of range', async () => {
    const h = renderWidget(NumberWidget, { field: wavelength, value: 2.5 });
    const input = screen.getByLabelText(/Wavelength min/);
    await h.user.clear(input);
    await h.user.type(input, '12');
    const hint = document.getElementById('f-hint');
    expect(hint?.textContent).toBe('12 is above the maximum, 10 Å. Allowed: 0.1–10 Å.');
    expect(hint?.getAttribute('data-warn')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('f-hint');
    expect(h.value()).toBe(12);
  });

  test('"1,5" is refused with a message tied by aria-describedby, the text kept as typed', async () => {
    const h = renderWidget(NumberWidget, { field: wavelength, value: 2.5 });
    const input = screen.getByLabelText(/Wavelength min/) as HTMLInputElement;
    await h.user.clear(input);
    await h.user.click(input);
    await h.user.paste('1,5');
    expect(h.value()).toBe(2.5); // no onChange with a guess
    expect(h.onTextError).toHaveBeenLastCalledWith("'1,5' is not a number: use a point for decimals (1.5).");
    // shown after leaving the field
    expect(document.getElementById('f-error')).toBeNull();
    await h.user.tab();
    const error = document.getElementById('f-error');
    expect(error?.textContent).toBe("'1,5' is not a number: use a point for decimals (1.5).");
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain('f-error');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.value).toBe('1,5');
    expect(h.container.querySelector('[data-widget]')?.getAttribute('data-state')).toBe('error');
    // fixing it clears the message live
    await h.user.clear(input);
    await h.user.type(input, '1.5');
    expect(document.getElementById('f-error')).toBeNull();
    expect(h.onTextError).toHaveBeenLastCalledWith(undefined);
    expect(h.value()).toBe(1.5);
  });

  test.each([
    ['abc', "'abc' is not a number."],
    ['   ', 'Enter a number.'],
  ])('non-numeric or empty text %j gives a message', async (text, message) => {
    const h = renderWidget(NumberWidget, { field: wavelength, value: 2.5 });
    const input = screen.getByLabelText(/Wavelength min/);
    await h.user.clear(input);
    await h.user.type(input, text);
    await h.user.tab();
    expect(document.getElementById('f-error')?.textContent).toBe(message);
    expect(h.value()).toBe(2.5);
  });

  test('empty text on an optional field means absent, on a nullable one null', async () => {
    const h = renderWidget(NumberWidget, { field: { ...wavelength, required: false }, value: 2.5 });
    await h.user.clear(screen.getByLabelText(/Wavelength min/));
    expect(h.value()).toBeUndefined();
    h.container.remove();
  });

  test('spaces around a number are accepted; what was typed stays', async () => {
    const h = renderWidget(NumberWidget, { field: wavelength, value: 2.5 });
    const input = screen.getByLabelText(/Wavelength min/) as HTMLInputElement;
    await h.user.clear(input);
    await h.user.type(input, ' 1e-1 ');
    await h.user.tab();
    expect(h.value()).toBe(0.1);
    expect(input.value).toBe(' 1e-1 ');
  });

  test('an outside value change (reset) replaces the text', async () => {
    const h = renderWidget(NumberWidget, { field: wavelength, value: 2.5 });
    const input = screen.getByLabelText(/Wavelength min/) as HTMLInputElement;
    await h.user.clear(input);
    await h.user.type(input, 'x');
    act(() => h.setValue(3));
    expect(input.value).toBe('3');
    expect(h.onTextError).toHaveBeenLastCalledWith(undefined);
  });

  test('states: changed, disabled, read-only, external error', () => {
    const h = renderWidget(NumberWidget, { field: wavelength, value: 3, changed: true });
    const root = () => h.container.querySelector('[data-widget="number"]');
    expect(root()?.getAttribute('data-state')).toBe('changed');
    act(() => h.rerender({ disabled: true, changed: false }));
    expect(root()?.getAttribute('data-state')).toBe('disabled');
    expect(screen.getByLabelText(/Wavelength min/)).toHaveProperty('disabled', true);
    act(() => h.rerender({ disabled: false, readOnly: true }));
    expect(root()?.getAttribute('data-state')).toBe('readonly');
    expect(screen.getByLabelText(/Wavelength min/)).toHaveProperty('readOnly', true);
    act(() => h.rerender({ readOnly: false, error: 'must be less than Wavelength max (2 Å)' }));
    expect(root()?.getAttribute('data-state')).toBe('error');
    expect(screen.getByText('must be less than Wavelength max (2 Å)').id).toBe('f-error');
    act(() => h.rerender({ errorId: 'outside-error' }));
    expect(document.getElementById('f-error')).toBeNull();
    expect(screen.getByLabelText(/Wavelength min/).getAttribute('aria-describedby')).toContain(
      'outside-error',
    );
  });
});

describe('IntegerWidget', () => {
  test('refuses "2.5" instead of rounding', async () => {
    const field = fieldFixture({ kind: 'integer', label: 'Bins per decade', minimum: 1 });
    const h = renderWidget(IntegerWidget, { field, value: 10 });
    const input = screen.getByLabelText(/Bins per decade/);
    await h.user.clear(input);
    await h.user.click(input);
    await h.user.paste('2.5');
    await h.user.tab();
    expect(document.getElementById('f-error')?.textContent).toBe("'2.5' is not a whole number.");
    expect(h.value()).toBe(10);
    await h.user.clear(input);
    await h.user.type(input, '20');
    expect(h.value()).toBe(20);
    expect(screen.getByText('at least 1')).toBeTruthy();
  });
});

describe('number | patterned text unions (IPTS as 19800 or "IPTS-19800")', () => {
  const ipts = fieldFixture({
    kind: 'integer',
    key: 'iptsNumber',
    label: 'IPTS',
    coercion: 'numberFromText',
    minimum: 1,
    hints: { textPattern: '^(?:IPTS-)?[0-9]+$' },
  });

  test('text the schema accepts is stored as typed; a plain number is stored as a number', async () => {
    const h = renderWidget(IntegerWidget, { field: ipts, value: null });
    const input = screen.getByLabelText(/IPTS/);
    await h.user.type(input, 'IPTS-19800');
    expect(h.value()).toBe('IPTS-19800');
    expect(h.onTextError).toHaveBeenLastCalledWith(undefined);
    await h.user.clear(input);
    await h.user.type(input, '19800');
    expect(h.value()).toBe(19800);
  });

  test('text neither form accepts is refused with the number message', async () => {
    const h = renderWidget(IntegerWidget, { field: ipts, value: 19800 });
    const input = screen.getByLabelText(/IPTS/);
    await h.user.clear(input);
    await h.user.type(input, 'IPTS 19800');
    expect(h.value()).toBe(19800);
    expect(h.onTextError.mock.lastCall?.[0]).toMatch(/number/);
  });
});

/** The "Unset" state: stores null, disables the input, restores the earlier value when set again. */
import { act, render, screen } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import {
  BinningWidget,
  ENTER_OR_UNSET,
  NumberWidget,
  RunListWidget,
  withNullable,
} from '../../src/widgets/index';
import { fieldFixture } from './fieldFixture';
import { renderWidget } from './renderWidget';

const thickness = fieldFixture({
  kind: 'number',
  coercion: 'numberFromText',
  key: 'sampleThickness',
  label: 'Sample thickness',
  units: 'cm',
  nullable: true,
});
const NullableNumber = withNullable(NumberWidget);

describe('withNullable', () => {
  test('is cached per widget, so React keeps the same component type', () => {
    expect(withNullable(NumberWidget)).toBe(NullableNumber);
    expect(withNullable(RunListWidget)).not.toBe(NullableNumber);
  });

  test('ticking Unset stores null; unticking restores the value from before', async () => {
    const h = renderWidget(NullableNumber, { field: thickness, value: 0.1 });
    const unset = screen.getByRole('checkbox', { name: 'Sample thickness: unset' });
    const input = screen.getByLabelText(/^Sample thickness/, { selector: 'input[type=text]' });
    expect(unset).toHaveProperty('checked', false);
    await h.user.click(unset);
    expect(h.value()).toBeNull();
    expect(input).toHaveProperty('disabled', true);
    expect(input).toHaveProperty('value', '');
    expect(h.container.querySelector('[data-widget]')?.getAttribute('data-state')).toBe('unset disabled');
    await h.user.click(unset);
    expect(h.value()).toBe(0.1);
    expect(input).toHaveProperty('value', '0.1');
    expect(input).toHaveProperty('disabled', false);
  });

  test('kept text on an unset field comes back in an open input with its message, not behind Unset', async () => {
    const h = renderWidget(NullableNumber, { field: thickness, value: null, keptText: '0,2' });
    const unset = screen.getByRole('checkbox', { name: 'Sample thickness: unset' });
    const input = screen.getByLabelText(/^Sample thickness/, { selector: 'input[type=text]' });
    expect(unset).toHaveProperty('checked', false);
    expect(input).toHaveProperty('disabled', false);
    expect(input).toHaveProperty('value', '0,2');
    await act(async () => {});
    expect(h.onTextError).toHaveBeenLastCalledWith(expect.stringMatching(/use a point for decimals/));
  });

  test('kept text over a set value: fixed to that same value, it stays through the next render', async () => {
    const h = renderWidget(NullableNumber, { field: thickness, value: 4, keptText: '4o' });
    const input = screen.getByLabelText(/^Sample thickness/, { selector: 'input[type=text]' });
    expect(input).toHaveProperty('value', '4o');
    await h.user.clear(input);
    await h.user.type(input, '4');
    // The form re-renders the field (its message went): what was typed must not be wiped.
    act(() => h.rerender({ describedBy: 'help' }));
    expect(input).toHaveProperty('value', '4');
    expect(h.value()).toBe(4);
    expect(h.onTextError).toHaveBeenLastCalledWith(undefined);
  });

  test('with nothing to restore, the input is focused and a value is asked for', async () => {
    const h = renderWidget(NullableNumber, { field: thickness, value: null });
    const unset = screen.getByRole('checkbox', { name: 'Sample thickness: unset' });
    const input = screen.getByLabelText(/^Sample thickness/, { selector: 'input[type=text]' });
    expect(unset).toHaveProperty('checked', true);
    await h.user.click(unset);
    await act(async () => {});
    expect(unset).toHaveProperty('checked', false);
    expect(document.activeElement).toBe(input);
    expect(h.onTextError).toHaveBeenLastCalledWith(ENTER_OR_UNSET);
    expect(screen.getByText(ENTER_OR_UNSET)).toBeTruthy();
    expect(h.value()).toBeNull();
    await h.user.type(input, '0.2');
    expect(h.value()).toBe(0.2);
    expect(h.onTextError).toHaveBeenLastCalledWith(undefined);
  });

  test('a value typed after unticking ends the request for one, though the form does not render it back', async () => {
    // The form re-renders nothing for a keystroke (ChangeHow.typed): the prop value stays null.
    const h = renderWidget(NullableNumber, { field: thickness, value: null }, { typedStaysInInput: true });
    const unset = screen.getByRole('checkbox', { name: 'Sample thickness: unset' });
    const input = screen.getByLabelText(/^Sample thickness/, { selector: 'input[type=text]' });
    await h.user.click(unset);
    await act(async () => {});
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await h.user.type(input, '0.2');
    expect(h.value()).toBe(0.2);
    expect(screen.queryByText(ENTER_OR_UNSET)).toBeNull();
    expect(input.getAttribute('aria-invalid')).not.toBe('true');
    expect(input).toHaveProperty('value', '0.2');
    expect(unset).toHaveProperty('checked', false);
    // A render from the form for another reason (its message store) keeps the typed text.
    act(() => h.rerender({ describedBy: 'help' }));
    expect(input).toHaveProperty('value', '0.2');
    expect(input).toHaveProperty('disabled', false);
    // Ticking Unset again still stores null and disables the input.
    await h.user.click(unset);
    expect(h.value()).toBeNull();
    expect(input).toHaveProperty('disabled', true);
  });

  test('the default is restored when there was no earlier value', async () => {
    const h = renderWidget(NullableNumber, {
      field: { ...thickness, hasDefault: true, default: 0.2 },
      value: null,
    });
    await h.user.click(screen.getByRole('checkbox', { name: 'Sample thickness: unset' }));
    expect(h.value()).toBe(0.2);
  });

  test('emptying the text while set is a message, not a silent null', async () => {
    const h = renderWidget(NullableNumber, { field: thickness, value: 0.1 });
    const input = screen.getByLabelText(/^Sample thickness/, { selector: 'input[type=text]' });
    await h.user.clear(input);
    await h.user.tab();
    expect(screen.getByText('Enter a number.')).toBeTruthy();
    expect(h.value()).toBe(0.1);
  });

  test('an outside reset to null shows the unset state', () => {
    const h = renderWidget(NullableNumber, { field: thickness, value: 0.1 });
    act(() => h.setValue(null));
    expect(screen.getByRole('checkbox', { name: 'Sample thickness: unset' })).toHaveProperty('checked', true);
  });

  test('the Unset toggle of a grouped widget stays usable while its inputs are disabled', async () => {
    const field = fieldFixture({ kind: 'binning', label: 'Q binning', nullable: true });
    const h = renderWidget(withNullable(BinningWidget), { field, value: null });
    const unset = screen.getByRole('checkbox', { name: 'Q binning: unset' });
    expect(unset).toHaveProperty('disabled', false);
    expect(screen.getByLabelText(/^min/)).toHaveProperty('disabled', true);
    await h.user.click(unset);
    expect(screen.getByLabelText(/^min/)).toHaveProperty('disabled', false);
  });

  test("passes the caller's ref cleanup on (React 19), so a focuser registered on mount is released", () => {
    const released = vi.fn();
    const seen: (HTMLElement | null)[] = [];
    const { unmount } = render(
      <NullableNumber
        field={thickness}
        id="t"
        value={0.1}
        onChange={() => {}}
        onBlur={() => {}}
        inputRef={(el) => {
          seen.push(el);
          return released;
        }}
      />,
    );
    expect(seen).toEqual([document.getElementById('t')]);
    unmount();
    expect(released).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(1);
  });

  test('an optional nullable field: clearing asks for a value or Unset, never drops the key; no required mark', async () => {
    const h = renderWidget(NullableNumber, { field: { ...thickness, required: false }, value: 0.1 });
    expect(h.container.querySelector('.formulary-widget__required')).toBeNull();
    await h.user.clear(screen.getByLabelText(/^Sample thickness/, { selector: 'input[type=text]' }));
    expect(h.onTextError).toHaveBeenLastCalledWith('Enter a number.');
    expect(h.value()).toBe(0.1);
  });
});

/** Binning triplet: three labelled inputs; a negative step is explained as logarithmic; bad triplets refused. */
import { act, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { BinningWidget, KEPT_TEXT_SEPARATOR } from '../../src/widgets/index';
import { fieldFixture } from './fieldFixture';
import { renderWidget } from './renderWidget';

const qBinning = fieldFixture({ kind: 'binning', key: 'qBinning', label: 'Q binning', units: '1/Å' });

function setup(value: unknown = [0.001, 0.001, 0.5]) {
  const h = renderWidget(BinningWidget, { field: qBinning, value });
  const group = screen.getByRole('group', { name: /Q binning/ });
  const [min, step, max] = ['min', 'step', 'max'].map(
    (part) => screen.getByLabelText(new RegExp(`^${part}`)) as HTMLInputElement,
  ) as [HTMLInputElement, HTMLInputElement, HTMLInputElement];
  return { h, group, min, step, max };
}

describe('BinningWidget', () => {
  test('kept texts (from before an unmount) come back in all three inputs, with their message', async () => {
    const h = renderWidget(BinningWidget, {
      field: qBinning,
      value: [0.001, 0.001, 0.5],
      keptText: ['0.001', '0.0x1', '0.5'].join(KEPT_TEXT_SEPARATOR),
    });
    const step = screen.getByLabelText(/^step/) as HTMLInputElement;
    expect(step.value).toBe('0.0x1');
    expect(document.getElementById('f-error')?.textContent).toMatch(/^Binning step: '0.0x1' is not a number/);
    await act(async () => {});
    expect(h.onTextError).toHaveBeenLastCalledWith(expect.stringMatching(/^Binning step:/));
  });

  test('shows min, step and max with units, and what the step means', () => {
    const { min, step, max } = setup();
    expect([min.value, step.value, max.value]).toEqual(['0.001', '0.001', '0.5']);
    expect(min.id).toBe('f');
    expect(screen.getByText('min (1/Å)')).toBeTruthy();
    expect(document.getElementById('f-hint')?.textContent).toBe('linear, 0.001 1/Å per bin, 499 bins');
  });

  test('a negative step says "logarithmic, 1 % per bin"', async () => {
    const { h, step } = setup();
    await h.user.clear(step);
    await h.user.type(step, '-0.01');
    expect(h.value()).toEqual([0.001, -0.01, 0.5]);
    expect(document.getElementById('f-hint')?.textContent).toMatch(/^logarithmic, 1 % per bin, \d+ bins$/);
  });

  test('min above max is refused with a message, shown when leaving the group', async () => {
    const { h, min, step } = setup();
    await h.user.clear(min);
    await h.user.type(min, '1');
    expect(h.value()).toEqual([0.001, 0.001, 0.5]);
    await h.user.click(step); // moving inside the group is not leaving it
    expect(document.getElementById('f-error')).toBeNull();
    await h.user.tab();
    await h.user.tab();
    expect(document.getElementById('f-error')?.textContent).toBe(
      'Binning min (1) must be less than max (0.5).',
    );
    expect(min.getAttribute('aria-describedby')).toContain('f-error');
    expect(min.value).toBe('1');
    expect(h.onBlur).toHaveBeenCalledTimes(1);
  });

  test('log binning from 0 and non-numeric text are refused', async () => {
    const { h, min, step } = setup();
    await h.user.clear(step);
    await h.user.type(step, '-0.02');
    await h.user.clear(min);
    await h.user.type(min, '0');
    expect(h.onTextError).toHaveBeenLastCalledWith(
      'Logarithmic binning (negative step) needs min above 0; got 0.',
    );
    await h.user.clear(min);
    await h.user.type(min, 'x');
    expect(h.onTextError).toHaveBeenLastCalledWith("Binning min: 'x' is not a number.");
  });

  test('an outside value replaces the three texts', () => {
    const { h, min, max } = setup();
    act(() => h.setValue([1, 2, 10]));
    expect(min.value).toBe('1');
    expect(max.value).toBe('10');
  });
});

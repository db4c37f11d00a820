/** Number-list widget: "-30, 60" and its spellings; bad entries named by position; counts and units. */
import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { NumberListWidget } from '../../src/widgets/index';
import { fieldFixture } from './fieldFixture';
import { renderWidget } from './renderWidget';

const wedges = fieldFixture({
  kind: 'numberList',
  coercion: 'numberList',
  key: 'wedgeAngles',
  label: 'Wedge angles',
  units: 'degrees',
  minItems: 2,
  maxItems: 2,
});

function setup(value: unknown = [0, 90], field = wedges) {
  const h = renderWidget(NumberListWidget, { field, value });
  return { h, input: screen.getByLabelText(/Wedge angles/) as HTMLInputElement };
}

describe('NumberListWidget', () => {
  test('"-30, 60" becomes [-30, 60]; the unit and the count are shown', async () => {
    const { h, input } = setup();
    expect(input.value).toBe('0, 90');
    expect(screen.getByText('degrees')).toBeTruthy();
    await h.user.clear(input);
    await h.user.type(input, '-30, 60');
    expect(h.value()).toEqual([-30, 60]);
    expect(document.getElementById('f-hint')?.textContent).toBe('2 values; exactly 2 expected');
  });

  test('an empty list reads "no values", with the limits of each entry', () => {
    setup([], fieldFixture({ ...wedges, minItems: undefined, maxItems: undefined, minimum: 0 }));
    expect(document.getElementById('f-hint')?.textContent).toBe('no values; each at least 0 degrees');
  });

  test('spaces and semicolons separate too', async () => {
    const { h, input } = setup();
    await h.user.clear(input);
    await h.user.type(input, '-30;60 90');
    expect(h.value()).toEqual([-30, 60, 90]);
    expect(document.getElementById('f-hint')?.getAttribute('data-warn')).toBe('true');
  });

  test.each([
    ['-30, abc', "Entry 2: 'abc' is not a number."],
    ['-30,,60', 'There is an empty entry between two separators.'],
    ['', 'Enter numbers separated by commas, e.g. -30, 60.'],
  ])('%j gives a message, the value is kept', async (text, message) => {
    const { h, input } = setup();
    await h.user.clear(input);
    if (text !== '') {
      await h.user.click(input);
      await h.user.paste(text);
    }
    await h.user.tab();
    expect(screen.getByText(message).id).toBe('f-error');
    expect(input.getAttribute('aria-describedby')).toContain('f-error');
    expect(h.value()).toEqual([0, 90]);
  });

  test('a schema that stores text (listAs "text") gets "-30, 60"', async () => {
    const { h, input } = setup('0,90', { ...wedges, listAs: 'text' });
    expect(document.getElementById('f-hint')?.textContent).toBe('2 values; exactly 2 expected');
    await h.user.clear(input);
    await h.user.type(input, '-30;60');
    expect(h.value()).toBe('-30, 60');
  });

  test('limits apply to each entry and the breaking entry is named', async () => {
    const { h, input } = setup([0, 90], { ...wedges, minimum: -180, maximum: 180 });
    expect(document.getElementById('f-hint')?.textContent).toBe(
      '2 values; exactly 2 expected; each -180–180 degrees',
    );
    await h.user.clear(input);
    await h.user.type(input, '10, 200');
    expect(document.getElementById('f-hint')?.textContent).toBe(
      '2 values; exactly 2 expected; entry 2: 200 is above the maximum, 180 degrees.',
    );
    expect(h.value()).toEqual([10, 200]);
  });
});

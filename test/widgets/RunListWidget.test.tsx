/** Run-list widget through the UI: every spelling, every mistake a message, never a silent change. */
import { act, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { RunListWidget } from '../../src/widgets/index';
import { fieldFixture } from './fieldFixture';
import { renderWidget } from './renderWidget';

const sampleRuns = fieldFixture({
  kind: 'runList',
  coercion: 'runList',
  key: 'sampleRuns',
  label: 'Sample runs',
});

function setup(value: unknown = [12345], field = sampleRuns) {
  const h = renderWidget(RunListWidget, { field, value });
  const input = screen.getByLabelText(/Sample runs/) as HTMLInputElement;
  return { h, input };
}

async function typeText(h: ReturnType<typeof setup>['h'], input: HTMLInputElement, text: string) {
  await h.user.clear(input);
  await h.user.click(input);
  await h.user.paste(text);
}

describe('RunListWidget', () => {
  test('accepts "12345-12350, 12360", counts while typing, shows the normalised list on blur', async () => {
    const { h, input } = setup();
    await typeText(h, input, '12360,12345 -12350');
    expect(h.value()).toEqual([12345, 12346, 12347, 12348, 12349, 12350, 12360]);
    expect(document.getElementById('f-hint')?.textContent).toBe('7 runs');
    await h.user.tab();
    expect(document.getElementById('f-hint')?.textContent).toBe('7 runs: 12345-12350, 12360');
    expect(input.value).toBe('12360,12345 -12350'); // the text is never rewritten
    expect(input.getAttribute('aria-describedby')).toBe('f-hint');
  });

  test('shows a stored list formatted with ranges', () => {
    const { input } = setup([1, 2, 3, 7]);
    expect(input.value).toBe('1-3, 7');
  });

  test('accepts the colon form', async () => {
    const { h, input } = setup();
    await typeText(h, input, '12345:12347');
    expect(h.value()).toEqual([12345, 12346, 12347]);
  });

  test.each([
    ['12350-12345', 'The range 12350-12345 runs backwards: write 12345-12350.'],
    ['1-50000', 'The range 1-50000 has 50000 runs; at most 10000.'],
    ['12345, abc', "'abc' is not a run number or a range like 12345-12350."],
    ['   ', 'Enter a run number, a list or a range, e.g. 12345-12350, 12360.'],
    ['12345.5', "'12345.5' is not a run number: run numbers are whole numbers."],
  ])('%j gives a clear message tied to the input and keeps the value', async (text, message) => {
    const { h, input } = setup();
    await typeText(h, input, text);
    expect(h.value()).toEqual([12345]);
    expect(h.onTextError).toHaveBeenLastCalledWith(message);
    await h.user.tab();
    const error = screen.getByText(message);
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.value).toBe(text);
  });

  test('the limit comes from the field (x-maxRuns hint or maxItems)', async () => {
    const { h, input } = setup([1], { ...sampleRuns, hints: { maxRuns: 5 } });
    await typeText(h, input, '1-6');
    await h.user.tab();
    expect(screen.getByText('The range 1-6 has 6 runs; at most 5.')).toBeTruthy();
  });

  test('a nullable run list empties to null; an optional one to absent', async () => {
    const optional = setup([1], { ...sampleRuns, required: false });
    await optional.h.user.clear(optional.input);
    expect(optional.h.value()).toBeUndefined();
  });

  test('an imported value that is not a list is shown as it is', () => {
    const { input, h } = setup('12345-12347');
    expect(input.value).toBe('12345-12347');
    act(() => h.setValue([5, 6, 7]));
    expect(input.value).toBe('5-7');
  });

  test('a schema that stores text (listAs "text") gets the normalised text', async () => {
    const { h, input } = setup('12345', { ...sampleRuns, listAs: 'text' });
    expect(document.getElementById('f-hint')?.textContent).toBe('1 run');
    await typeText(h, input, '12345:12347, 12360');
    expect(h.value()).toBe('12345-12347, 12360');
    expect(input.value).toBe('12345:12347, 12360');
    await h.user.tab();
    expect(document.getElementById('f-hint')?.textContent).toBe('4 runs: 12345-12347, 12360');
  });
});

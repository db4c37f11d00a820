/**
 * The form at size, through the real schema pipeline (buildFieldModel on a generated schema): a
 * keystroke re-renders one field among a thousand; far-off sections are placeholders until scrolled
 * to, revealed or reached by keyboard; closed advanced sections render nothing. IntersectionObserver
 * is replaced by a controllable fake.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { countRenders, SubmissionForm, stopCountingRenders } from '../../src/forms/index';
import { buildFieldModel } from '../../src/schemas/index';

/** A schema of `sections` sections of `perSection` number fields; the last quarter of sections advanced. */
function generatedSchema(sections: number, perSection: number) {
  const properties: Record<string, unknown> = {};
  for (let s = 0; s < sections; s++) {
    const fields: Record<string, unknown> = {};
    for (let f = 0; f < perSection; f++) {
      fields[`value${f}`] = { type: 'number', default: f, minimum: 0, maximum: 1000, 'x-units': 'mm' };
    }
    properties[`section${s}`] = {
      type: 'object',
      title: `Section ${s}`,
      properties: fields,
      ...(s >= sections * 0.75 ? { 'x-advanced': true } : {}),
    };
  }
  return { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties };
}

const observed = new Set<{ callback: IntersectionObserverCallback; elements: Set<Element> }>();

class FakeIntersectionObserver {
  private readonly entry: { callback: IntersectionObserverCallback; elements: Set<Element> };
  constructor(callback: IntersectionObserverCallback) {
    this.entry = { callback, elements: new Set() };
    observed.add(this.entry);
  }
  observe(element: Element) {
    this.entry.elements.add(element);
  }
  unobserve(element: Element) {
    this.entry.elements.delete(element);
  }
  disconnect() {
    observed.delete(this.entry);
  }
  takeRecords() {
    return [];
  }
}

/** Tells every observer that `element` scrolled into view. */
function scrollIntoViewFake(element: Element) {
  for (const entry of [...observed]) {
    if (entry.elements.has(element)) {
      entry.callback(
        [{ isIntersecting: true, target: element } as IntersectionObserverEntry],
        {} as IntersectionObserver,
      );
    }
  }
}

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
});

afterEach(() => {
  cleanup();
  stopCountingRenders();
  vi.unstubAllGlobals();
  observed.clear();
});

describe('a 1,000-field form', () => {
  const model = buildFieldModel(generatedSchema(50, 20));

  test('mounts only the first screenful; a keystroke re-renders nothing once the field is marked changed', async () => {
    const user = userEvent.setup();
    const counts = countRenders();
    render(<SubmissionForm model={model} idPrefix="g-" />);
    const mountedFields = [...counts.keys()].filter((k) => k.startsWith('field:')).length;
    expect(mountedFields).toBeGreaterThan(0);
    expect(mountedFields).toBeLessThanOrEqual(40);
    expect(document.getElementById('g-.section2.value0')).toBeNull();
    const input = document.getElementById('g-.section0.value5') as HTMLInputElement;
    await user.click(input);
    counts.clear();
    await user.type(input, '1');
    // Crossing the default re-renders the field's mark and the section's "changed" badge, in idle time.
    await waitFor(() =>
      expect([...counts.keys()].sort()).toEqual(['changes:/section0', 'field:/section0/value5']),
    );
    counts.clear();
    await user.type(input, '23');
    // Longer than the typing pause the marks wait for (useIdleStore), so a stray mark render would show.
    await act(() => new Promise((done) => setTimeout(done, 400)));
    expect([...counts.keys()]).toEqual([]);
  });

  test('a far-off section renders when scrolled to', () => {
    render(<SubmissionForm model={model} idPrefix="g-" />);
    expect(document.getElementById('g-.section20.value0')).toBeNull();
    const placeholder = screen.getByRole('button', { name: 'Show Section 20' });
    act(() => scrollIntoViewFake(placeholder));
    expect(document.getElementById('g-.section20.value0')).not.toBeNull();
  });

  test('a section the browser skips off screen keeps its estimated height: 20 rows open, its heading closed', async () => {
    const user = userEvent.setup();
    render(<SubmissionForm model={model} idPrefix="g-" />);
    const sectionOf = (title: string) => screen.getByRole('region', { name: new RegExp(`^${title}`) });
    // 48 px of heading and 64 px a row (SectionView), so the scrollbar does not jump as sections render.
    expect(sectionOf('Section 20').style.containIntrinsicSize).toBe('auto 1328px');
    const advanced = sectionOf('Section 45');
    expect(advanced.style.containIntrinsicSize).toBe('auto 48px');
    await user.click(screen.getByRole('button', { name: /^Section 45/ }));
    expect(advanced.style.containIntrinsicSize).toBe('auto 1328px');
  }, 30_000);

  test('Tab onto a placeholder renders the section and focuses its first input', async () => {
    const user = userEvent.setup();
    render(<SubmissionForm model={model} idPrefix="g-" />);
    const placeholder = screen.getByRole('button', { name: 'Show Section 20' });
    await act(async () => placeholder.focus());
    expect(document.activeElement?.id).toBe('g-.section20.value0');
    void user;
  });

  test('the table of contents reveals a far-off section; closed advanced sections render nothing', async () => {
    const user = userEvent.setup();
    render(<SubmissionForm model={model} idPrefix="g-" />);
    expect(document.getElementById('g-.section45.value0')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show Section 45' })).toBeNull();
    await user.click(screen.getByRole('link', { name: 'Section 45 (advanced)' }));
    expect(document.getElementById('g-.section45.value0')).not.toBeNull();
  }, 30_000);

  test('submit with an error in a far-off section: the summary link renders it and focuses the field', async () => {
    const user = userEvent.setup();
    const onError = vi.fn();
    const far = { section30: { value3: 5000 } };
    render(<SubmissionForm model={model} idPrefix="g-" formData={far} onError={onError} />);
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(onError).toHaveBeenCalled();
    const link = screen.getByRole('link', { name: /Value 3/ });
    await user.click(link);
    expect(document.activeElement?.id).toBe('g-.section30.value3');
  }, 30_000);
});

describe('uiSchema and formData', () => {
  const schema = {
    type: 'object',
    properties: {
      sample: {
        type: 'object',
        properties: { a: { type: 'string', default: 'x' }, b: { type: 'number', default: 1 } },
      },
    },
  };

  test('ui:order and ui:title from an RJSF uiSchema are applied', () => {
    render(
      <SubmissionForm
        schema={schema}
        uiSchema={{ sample: { 'ui:order': ['b', 'a'], b: { 'ui:title': 'Bee' } } }}
      />,
    );
    const labels = [...document.querySelectorAll('.formulary-section label')].map((l) =>
      l.textContent?.replace(' *', ''),
    );
    expect(labels.indexOf('Bee')).toBeLessThan(labels.indexOf('A'));
  });

  test('an inline uiSchema on every parent render keeps what was typed', async () => {
    const user = userEvent.setup();
    const view = render(
      <SubmissionForm schema={schema} uiSchema={{ sample: { 'ui:order': ['b', 'a'] } }} idPrefix="k-" />,
    );
    const a = document.getElementById('k-.sample.a') as HTMLInputElement;
    await user.clear(a);
    await user.type(a, 'typed');
    view.rerender(
      <SubmissionForm schema={schema} uiSchema={{ sample: { 'ui:order': ['b', 'a'] } }} idPrefix="k-" />,
    );
    expect((document.getElementById('k-.sample.a') as HTMLInputElement).value).toBe('typed');
  });

  test('a new formData object is imported; the onChange echo is not', async () => {
    const onChange = vi.fn();
    const view = render(
      <SubmissionForm
        schema={schema}
        formData={{ sample: { a: 'first' } }}
        onChange={onChange}
        idPrefix="u-"
      />,
    );
    expect((document.getElementById('u-.sample.a') as HTMLInputElement).value).toBe('first');
    view.rerender(
      <SubmissionForm
        schema={schema}
        formData={{ sample: { a: 'second' } }}
        onChange={onChange}
        idPrefix="u-"
      />,
    );
    expect((document.getElementById('u-.sample.a') as HTMLInputElement).value).toBe('second');
  });
});

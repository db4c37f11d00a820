/**
 * The form's value map (src/forms/engine/ValueMap.ts): values copied in, replaced whole, and names
 * that react-hook-form could not hold (dots, brackets, quotes, %) kept as they are, through the form.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { createValueMap } from '../../../src/forms/engine/ValueMap';
import { SubmissionForm, type SubmissionFormHandle } from '../../../src/forms/index';

afterEach(cleanup);

describe('createValueMap', () => {
  test('copies arrays and objects in, so the caller editing its own object changes nothing', () => {
    const runs = [1, 2];
    const store = createValueMap({ 'v/runs': runs, 'v/n': 3 });
    runs.push(99);
    expect(store.get('v/runs')).toEqual([1, 2]);
    expect(store.get('v/n')).toBe(3);
  });

  test('set stores under the exact name; replaceAll drops every name it does not give', () => {
    const store = createValueMap({ 'v/a': 1, 'v/b': 2 });
    store.set('v/c.d[0]', 'x');
    expect(store.get('v/c.d[0]')).toBe('x');
    expect(store.names().sort()).toEqual(['v/a', 'v/b', 'v/c.d[0]']);
    store.replaceAll({ 'v/b': 5 });
    expect(store.names()).toEqual(['v/b']);
    expect(store.get('v/a')).toBeUndefined();
    expect(store.get('v/b')).toBe(5);
  });
});

describe('the form with keys react-hook-form would have split', () => {
  const schema = {
    type: 'object',
    properties: {
      'wave.length': { type: 'number', default: 6 },
      'mask[0]': { type: 'string', default: '' },
      "it's 50%": { type: 'integer', default: 1 },
      runs: { type: 'array', items: { type: 'integer' }, 'x-input': 'run-list', default: [] },
    },
  };

  test('typed values reach the request under the exact keys', async () => {
    const handle = createRef<SubmissionFormHandle>();
    render(<SubmissionForm schema={schema} formRef={handle} search={false} showImport={false} />);
    const user = userEvent.setup();
    const wave = screen.getByLabelText('Wave length');
    await user.clear(wave);
    await user.type(wave, '7.5');
    await user.type(screen.getByLabelText('Mask 0'), 'edges');
    expect(handle.current!.getRequest()).toEqual({
      'wave.length': 7.5,
      'mask[0]': 'edges',
      "it's 50%": 1,
      runs: [],
    });
  });

  test('formData edited by the caller after mount does not change the form', () => {
    const handle = createRef<SubmissionFormHandle>();
    const formData = { 'wave.length': 4, 'mask[0]': 'a', "it's 50%": 2, runs: [12345, 12346] };
    render(<SubmissionForm schema={schema} formData={formData} formRef={handle} search={false} />);
    formData.runs.push(12399);
    expect(handle.current!.getRequest()).toEqual({
      'wave.length': 4,
      'mask[0]': 'a',
      "it's 50%": 2,
      runs: [12345, 12346],
    });
  });
});

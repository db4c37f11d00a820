/** Shared setup for the form's component tests: the SANS-like fixture, a user, and field lookups. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { vi } from 'vitest';
import { SubmissionForm, type SubmissionFormHandle, type SubmissionFormProps } from '../../src/forms/index';
import { sansModel, sansValidator } from './fixtureModel';

export function setup(extra: Partial<SubmissionFormProps> = {}) {
  const onSubmit = vi.fn();
  const onError = vi.fn();
  const onChange = vi.fn();
  const handle = createRef<SubmissionFormHandle>();
  const model = sansModel();
  const view = render(
    <SubmissionForm
      model={model}
      validator={sansValidator()}
      onSubmit={onSubmit}
      onError={onError}
      onChange={onChange}
      idPrefix="f-"
      formRef={handle}
      {...extra}
    />,
  );
  /** The element rendering the field at a storage path. */
  const at = (path: string) => {
    const el = view.container.querySelector<HTMLElement>(`[data-path="${path}"]`);
    if (!el) throw new Error(`no element for ${path}`);
    return within(el);
  };
  const input = (path: string) => {
    const id = `f-${path.replace(/[^A-Za-z0-9_-]/g, (c) => (c === '/' ? '.' : `_${c.charCodeAt(0).toString(16)}`))}`;
    const el = document.getElementById(id);
    if (!el) throw new Error(`no input ${id}`);
    return el as HTMLInputElement;
  };
  // These forms' roots are objects: the request is narrowed to one for the tests to read keys.
  const request = () => handle.current!.getRequest() as Record<string, unknown>;
  return {
    onSubmit,
    onError,
    onChange,
    handle,
    model,
    view,
    at,
    input,
    request,
    user: userEvent.setup(),
    screen,
  };
}

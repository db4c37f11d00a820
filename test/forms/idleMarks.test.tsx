/**
 * The marks a change sets off after the keystroke ("changed" and the reset button on the field, "N
 * changed" on its section) render together, in one commit: each commit is a layout and paint, and on
 * a large form separate ones slowed the frames of the keystrokes that followed (src/forms/useIdleStore).
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { afterEach, expect, test } from 'vitest';
import { SubmissionForm } from '../../src/forms/index';
import { sansModel, sansValidator } from './fixtureModel';

afterEach(cleanup);

test('a first change marks its field and its section in one commit', async () => {
  let commits = 0;
  const view = render(
    <Profiler id="form" onRender={() => commits++}>
      <SubmissionForm model={sansModel()} validator={sansValidator()} idPrefix="f-" search={false} />
    </Profiler>,
  );
  const field = view.container.querySelector<HTMLElement>('[data-path="/sample/thickness"]')!;
  const section = field.closest('section')!;
  await waitFor(() => expect(section.querySelector('.formulary-changed-count')).toBeNull());
  const before = commits;
  await userEvent.setup().type(screen.getByLabelText(/Sample thickness/), '5');
  await waitFor(() => {
    expect(section.querySelector('.formulary-changed-count')?.textContent).toBe('1 changed');
    expect(field.querySelector('[data-state~="changed"]')).not.toBeNull();
  });
  // Let any straggling idle render land before counting.
  await new Promise((done) => setTimeout(done, 50));
  expect(commits - before).toBe(1);
});

test('marks wait while keys keep coming and show once typing pauses', async () => {
  const view = render(
    <SubmissionForm model={sansModel()} validator={sansValidator()} idPrefix="f-" search={false} />,
  );
  const field = view.container.querySelector<HTMLElement>('[data-path="/sample/thickness"]')!;
  const section = field.closest('section')!;
  // 50 ms between keys, as a fast typist or a barcode scanner: a burst of 8 keys lasts 400 ms,
  // longer than the 200 ms pause the marks wait for, so an undelayed mark would show within it.
  const user = userEvent.setup({ delay: 50 });
  await user.type(screen.getByLabelText(/Sample thickness/), '12345678');
  expect((screen.getByLabelText(/Sample thickness/) as HTMLInputElement).value).toBe('0.112345678');
  expect(section.querySelector('.formulary-changed-count')).toBeNull();
  expect(field.querySelector('[data-state~="changed"]')).toBeNull();
  await waitFor(() => {
    expect(section.querySelector('.formulary-changed-count')?.textContent).toBe('1 changed');
    expect(field.querySelector('[data-state~="changed"]')).not.toBeNull();
  });
});

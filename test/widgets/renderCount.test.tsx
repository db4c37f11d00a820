/**
 * The props contract under react-hook-form: one useController per field, and a keystroke in one field
 * re-renders that field's widget only (counted with React's Profiler, never timed).
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, type ReactNode } from 'react';
import { type Control, useController, useForm } from 'react-hook-form';
import { expect, test } from 'vitest';
import type { FieldNode } from '../../src/schemas/index';
import { defaultWidgetRegistry } from '../../src/widgets/index';
import { fieldFixture } from './fieldFixture';

const fields: FieldNode[] = Array.from({ length: 50 }, (_, i) =>
  fieldFixture({ kind: i % 2 === 0 ? 'number' : 'runList', key: `f${i}`, label: `Field ${i}` }),
);
const renders = new Map<string, number>();

function FieldSlot({
  field,
  control,
}: {
  field: FieldNode;
  control: Control<Record<string, unknown>>;
}): ReactNode {
  const { field: rhf } = useController({ name: field.key, control });
  const Widget = defaultWidgetRegistry.pick(field);
  return (
    <Profiler id={field.key} onRender={(id) => renders.set(id, (renders.get(id) ?? 0) + 1)}>
      <Widget
        field={field}
        id={field.key}
        value={rhf.value}
        onChange={rhf.onChange}
        onBlur={rhf.onBlur}
        inputRef={rhf.ref}
      />
    </Profiler>
  );
}

function Form(): ReactNode {
  const defaults = Object.fromEntries(fields.map((f, i) => [f.key, i % 2 === 0 ? 1 : [100]]));
  const { control } = useForm<Record<string, unknown>>({ defaultValues: defaults });
  return (
    <form>
      {fields.map((field) => (
        <FieldSlot key={field.key} field={field} control={control} />
      ))}
    </form>
  );
}

test('typing in one field re-renders that field only', async () => {
  render(<Form />);
  renders.clear();
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^Field 2\b/), '5');
  await user.type(screen.getByLabelText(/^Field 3\b/), '-102');
  expect([...renders.keys()].sort()).toEqual(['f2', 'f3']);
});

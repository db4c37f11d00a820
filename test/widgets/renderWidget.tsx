/**
 * Renders one widget the way the form does: the value held by a parent, onChange/onBlur/onTextError
 * recorded, so tests see what the request would get and what the user sees.
 */
import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode, useState } from 'react';
import { afterEach, vi } from 'vitest';
import type { WidgetComponent, WidgetProps } from '../../src/widgets/index';

// vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

export interface Harness {
  readonly user: ReturnType<typeof userEvent.setup>;
  readonly onChange: ReturnType<typeof vi.fn>;
  readonly onTextError: ReturnType<typeof vi.fn>;
  readonly onBlur: ReturnType<typeof vi.fn>;
  /** The value the parent holds now. */
  value(): unknown;
  /** Replace the value from outside (reset, import). */
  setValue(value: unknown): void;
  readonly container: HTMLElement;
  rerender(props: Partial<WidgetProps>): void;
}

/** Render `Widget` with `props`; the harness keeps the value like a form would. */
export function renderWidget(
  Widget: WidgetComponent,
  props: Omit<WidgetProps, 'onChange' | 'onBlur' | 'id'> & { id?: string },
  options: {
    /** As the form does (FieldRow): a typed value (ChangeHow.typed) is stored but not rendered back. */
    readonly typedStaysInInput?: boolean;
  } = {},
): Harness {
  const onChange = vi.fn();
  const onTextError = vi.fn();
  const onBlur = vi.fn();
  let current = props.value;
  let setOuter: (v: unknown) => void = () => {};
  let extra: Partial<WidgetProps> = {};
  let setExtra: (p: Partial<WidgetProps>) => void = () => {};
  function Host(): ReactNode {
    const [value, setValue] = useState<unknown>(props.value);
    const [more, setMore] = useState<Partial<WidgetProps>>({});
    setOuter = setValue;
    setExtra = setMore;
    current = value;
    extra = more;
    return (
      <Widget
        id={props.id ?? 'f'}
        {...props}
        {...more}
        value={value}
        onChange={(v, how) => {
          onChange(v);
          current = v;
          if (!(options.typedStaysInInput && how?.typed)) setValue(v);
        }}
        onBlur={onBlur}
        onTextError={onTextError}
      />
    );
  }
  const user = userEvent.setup();
  const { container, rerender } = render(<Host />);
  return {
    user,
    onChange,
    onTextError,
    onBlur,
    value: () => current,
    setValue: (v) => {
      rerender(<Host />);
      setOuter(v);
    },
    container,
    rerender: (p) => setExtra({ ...extra, ...p }),
  };
}

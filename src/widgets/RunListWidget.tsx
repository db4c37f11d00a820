/**
 * Run numbers as scientists type them ("12345-12350, 12360", "12345:12350"): shows how many runs the
 * text means while typing and the normalised list after leaving the field, without rewriting the text.
 * Reversed and over-large ranges get a message naming the limit (x-maxRuns / ui:options.maxRuns,
 * maxItems, else 10,000).
 */
import { memo, type ReactNode, useCallback } from 'react';
import { DEFAULT_MAX_RUNS, fail, formatRunList, parseRunList } from '../schemas/index';
import { FieldFrame } from './FieldFrame';
import { formatAnyValue } from './formatValue';
import { useTextValue } from './useTextValue';
import type { WidgetProps } from './WidgetProps';

const ENTER_RUNS = fail('Enter a run number, a list or a range, e.g. 12345-12350, 12360.');

function isRunArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((x) => Number.isSafeInteger(x) && (x as number) >= 0);
}

function formatRuns(value: unknown): string {
  return isRunArray(value) ? formatRunList(value) : formatAnyValue(value);
}

/** The most runs a field accepts. */
export function maxRunsOf(field: WidgetProps['field']): number {
  const hinted = field.hints.maxRuns;
  if (typeof hinted === 'number' && hinted > 0) return hinted;
  return field.maxItems ?? DEFAULT_MAX_RUNS;
}

/** A run-list field; the request value is sorted unique run numbers. */
export const RunListWidget = memo(function RunListWidget(props: WidgetProps): ReactNode {
  const { field } = props;
  const maxRuns = maxRunsOf(field);
  const parse = useCallback((text: string) => parseRunList(text, { maxRuns }), [maxRuns]);
  const t = useTextValue(props, formatRuns, parse, ENTER_RUNS);
  let hint: string | undefined;
  if (t.pendingError === undefined && isRunArray(t.parsed) && t.parsed.length > 0) {
    const count = `${t.parsed.length} ${t.parsed.length === 1 ? 'run' : 'runs'}`;
    hint = t.touched ? `${count}: ${formatRunList(t.parsed)}` : count;
  }
  return (
    <FieldFrame widget="runList" props={props} textError={t.textError} hint={hint}>
      {(aria) => (
        <input
          {...aria}
          id={props.id}
          ref={props.inputRef}
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          className="formulary-widget__input formulary-widget__input--runs"
          value={t.text}
          placeholder={field.placeholder ?? 'e.g. 12345-12350, 12360'}
          onChange={(event) => t.setText(event.currentTarget.value)}
          onBlur={t.onBlur}
        />
      )}
    </FieldFrame>
  );
});

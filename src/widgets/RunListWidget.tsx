/**
 * Run numbers as scientists type them ("12345-12350, 12360", "12345:12350"): shows how many runs the
 * text means while typing and the normalised list after leaving the field, without rewriting the text.
 * Reversed and over-large ranges get a message naming the limit (x-maxRuns / ui:options.maxRuns,
 * maxItems, else 10,000). The request holds sorted unique run numbers, or, when the schema stores a
 * string (FieldNode.listAs 'text'), the normalised text ("12345-12350, 12360").
 */

import { memo, type ReactNode, useCallback, useMemo } from 'react';
import { type CoerceResult, fail, formatRunList, maxRunsOf, ok, parseRunList } from '../schemas/index';
import { FieldFrame } from './FieldFrame';
import { formatAnyValue } from './formatValue';
import { useT } from './LocaleContext';
import { TypedTextInput } from './TypedTextInput';
import { type TextState, useTextValue } from './useTextValue';
import type { WidgetProps } from './WidgetProps';

function isRunArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((x) => Number.isSafeInteger(x) && (x as number) >= 0);
}

function formatRuns(value: unknown): string {
  return isRunArray(value) ? formatRunList(value) : formatAnyValue(value);
}

/** The runs a request value means (a list, or run-list text), or undefined when it means none. */
function runsOf(value: unknown, maxRuns: number): number[] | undefined {
  if (isRunArray(value)) return value;
  if (typeof value !== 'string') return undefined;
  const parsed = parseRunList(value, { maxRuns });
  return parsed.ok ? parsed.value : undefined;
}

/** A run-list field (see the file header for what the request holds). */
export const RunListWidget = memo(function RunListWidget(props: WidgetProps): ReactNode {
  const { field } = props;
  const say = useT();
  const maxRuns = maxRunsOf(field);
  const asText = field.listAs === 'text';
  const parse = useCallback(
    (text: string): CoerceResult<unknown> => {
      const result = parseRunList(text, { maxRuns });
      return result.ok && asText ? ok(formatRunList(result.value)) : result;
    },
    [maxRuns, asText],
  );
  // The run count shows while typing, the normalised list after leaving the field.
  const hintOf = useCallback(
    (s: TextState): string | undefined => {
      const runs = runsOf(s.parsed, maxRuns);
      if (s.pendingError !== undefined || runs === undefined || runs.length === 0) return undefined;
      const count = say('widget.runs.count', { count: runs.length });
      return s.touched ? say('widget.runs.list', { count, runs: formatRunList(runs) }) : count;
    },
    [maxRuns, say],
  );
  const empty = useMemo(() => fail(say('coerce.runs.empty')), [say]);
  const t = useTextValue(props, formatRuns, parse, empty, hintOf);
  const hint = t.view;
  return (
    <FieldFrame widget="runList" props={props} textError={t.textError} hint={hint}>
      {(aria) => (
        <TypedTextInput
          aria={aria}
          props={props}
          text={t}
          modifier="runs"
          placeholder={field.placeholder ?? say('widget.example', { example: '12345-12350, 12360' })}
          inputMode="text"
        />
      )}
    </FieldFrame>
  );
});

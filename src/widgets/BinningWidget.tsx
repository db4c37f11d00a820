/**
 * Binning triplets [min, step, max] as three labelled inputs in a fieldset. A negative step means
 * logarithmic binning and the widget says so ("logarithmic, 1 % per bin"), with the number of bins.
 * The triplet is reported only when all three numbers parse and agree (min < max, step ≠ 0, log needs
 * min > 0); otherwise a message, never a guess.
 */

import { type FocusEvent, memo, type ReactNode, useEffect, useRef, useState } from 'react';
import {
  binCount,
  checkBinning,
  describeBinningStep,
  formatLocaleNumber,
  parseNumber,
  translate,
  withLocale,
} from '../schemas/index';
import { FieldFrame } from './FieldFrame';
import { splitKeptText } from './keptText';
import { useLocale, useT } from './LocaleContext';
import { sameValue } from './useTextValue';
import type { WidgetProps } from './WidgetProps';

const PARTS = ['min', 'step', 'max'] as const;
type Texts = readonly [string, string, string];

function textsOf(value: unknown, locale: string): Texts {
  if (!Array.isArray(value)) return ['', '', ''];
  const at = (i: number): string =>
    typeof value[i] === 'number' ? formatLocaleNumber(value[i] as number, locale) : '';
  return [at(0), at(1), at(2)];
}

/** Parse the three texts into a checked triplet, or a message naming the part that is wrong. */
function parseTexts(texts: Texts, locale: string): { value: [number, number, number] } | { message: string } {
  const numbers: number[] = [];
  for (let i = 0; i < 3; i++) {
    const parsed = parseNumber(texts[i] as string, { locale });
    if (!parsed.ok)
      return {
        message: translate(locale, 'widget.binning.part', { part: PARTS[i], message: parsed.message }),
      };
    numbers.push(parsed.value);
  }
  const [min, step, max] = numbers as [number, number, number];
  const checked = withLocale(locale, () => checkBinning(min, step, max));
  return checked.ok ? { value: [min, step, max] } : { message: checked.message };
}

/** A binning triplet field. */
export const BinningWidget = memo(function BinningWidget(props: WidgetProps): ReactNode {
  const { field, value, id } = props;
  const locale = useLocale();
  const say = useT();
  // Texts kept from before an unmount (WidgetProps.keptText) come back with their message, shown.
  const [kept] = useState(() => {
    const texts = splitKeptText(props.keptText, 3) as Texts | undefined;
    if (texts === undefined) return undefined;
    const parsed = parseTexts(texts, locale);
    return { texts, error: 'message' in parsed ? parsed.message : undefined };
  });
  const [texts, setTexts] = useState<Texts>(() => kept?.texts ?? textsOf(value, locale));
  const [error, setError] = useState<string | undefined>(kept?.error);
  const [touched, setTouched] = useState(kept?.error !== undefined);
  const meant = useRef<unknown>(value);
  const [seen, setSeen] = useState<unknown>(value);
  if (!sameValue(seen, value)) {
    setSeen(value);
    if (!sameValue(meant.current, value)) {
      meant.current = value;
      setTexts(textsOf(value, locale));
      setError(undefined);
    }
  }
  const reported = useRef<string | undefined>(undefined);
  const { onTextError } = props;
  useEffect(() => {
    if (reported.current !== error) {
      reported.current = error;
      onTextError?.(error);
    }
  }, [error, onTextError]);

  function edit(index: number, text: string): void {
    const next = texts.map((t, i) => (i === index ? text : t)) as unknown as Texts;
    setTexts(next);
    if (next.every((t) => t.trim() === '') && (field.nullable || !field.required)) {
      meant.current = field.nullable ? null : undefined;
      setError(undefined);
      props.onChange(meant.current);
      return;
    }
    const parsed = parseTexts(next, locale);
    if ('message' in parsed) {
      setError(parsed.message);
      return;
    }
    meant.current = parsed.value;
    setError(undefined);
    props.onChange(parsed.value);
  }

  function onBlur(event: FocusEvent): void {
    // Leaving one of the three inputs for another is not leaving the field.
    if (
      event.relatedTarget instanceof Node &&
      event.currentTarget.parentElement?.parentElement?.contains(event.relatedTarget)
    ) {
      return;
    }
    setTouched(true);
    props.onBlur();
  }

  const current =
    Array.isArray(meant.current) && error === undefined
      ? (meant.current as [number, number, number])
      : undefined;
  const hint =
    current === undefined
      ? say('widget.binning.negative')
      : say('widget.binning.summary', {
          step: withLocale(locale, () => describeBinningStep(current[1], field.units)),
          count: binCount(current),
        });
  const readOnly = props.readOnly === true || field.readOnly;
  return (
    <FieldFrame widget="binning" props={props} group textError={touched ? error : undefined} hint={hint}>
      {(aria) => (
        <div className="formulary-widget__triplet">
          {PARTS.map((part, i) => {
            const partId = i === 0 ? id : `${id}-${part}`;
            return (
              <span key={part} className="formulary-widget__triplet-part">
                <label htmlFor={partId} className="formulary-widget__sublabel">
                  {say('widget.binning.partLabel', { part })}
                  {field.units !== undefined && i !== 1 ? ` (${field.units})` : ''}
                </label>
                <input
                  {...aria}
                  readOnly={readOnly ? true : undefined}
                  id={partId}
                  ref={i === 0 ? props.inputRef : undefined}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  className="formulary-widget__input formulary-widget__input--number"
                  value={texts[i]}
                  onChange={(event) => edit(i, event.currentTarget.value)}
                  onBlur={onBlur}
                />
              </span>
            );
          })}
        </div>
      )}
    </FieldFrame>
  );
});

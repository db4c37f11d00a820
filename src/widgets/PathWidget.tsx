/**
 * File and folder paths (masks, calibration files, output folders), with a facility-specific
 * placeholder (`x-placeholder`, e.g. /SNS/EQSANS/IPTS-…). Stored exactly as typed; a leading or trailing
 * space, a common copy-paste slip, is pointed out in the hint instead of being trimmed away.
 */

import { memo, type ReactNode, useCallback } from 'react';
import { ok, translate } from '../schemas/index';
import { FieldFrame } from './FieldFrame';
import { formatAnyValue } from './formatValue';
import { useLocale } from './LocaleContext';
import { TypedTextInput } from './TypedTextInput';
import { type TextState, useTextValue } from './useTextValue';
import type { WidgetProps } from './WidgetProps';

const EMPTY_TEXT = ok('');
export const DEFAULT_PATH_PLACEHOLDER = '/facility/instrument/IPTS-…/file';

/** What looks wrong in a path without being invalid, or undefined. */
export function pathWarning(path: string, locale = 'en'): string | undefined {
  if (path !== path.trim()) return translate(locale, 'widget.path.spaces');
  if (/[\r\n\t]/.test(path)) return translate(locale, 'widget.path.lineBreak');
  return undefined;
}

/** A file path field. */
export const PathWidget = memo(function PathWidget(props: WidgetProps): ReactNode {
  const { field } = props;
  const parse = useCallback((text: string) => ok(text), []);
  const locale = useLocale();
  const warningOf = useCallback((state: TextState) => pathWarning(state.text, locale), [locale]);
  const t = useTextValue(props, formatAnyValue, parse, EMPTY_TEXT, warningOf);
  const warning = t.view;
  return (
    <FieldFrame
      widget="path"
      props={props}
      textError={t.textError}
      hint={warning}
      hintWarn={warning !== undefined}
    >
      {(aria) => (
        <TypedTextInput
          aria={aria}
          props={props}
          text={t}
          modifier="path"
          placeholder={field.placeholder ?? DEFAULT_PATH_PLACEHOLDER}
        />
      )}
    </FieldFrame>
  );
});

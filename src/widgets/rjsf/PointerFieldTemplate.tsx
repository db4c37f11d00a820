/**
 * RJSF's own FieldTemplate, wrapped to tell the widgets inside which JSON Pointer they edit. RJSF 6
 * hands a widget only its DOM id (root_sample_thickness, ambiguous when keys hold "_"); the template
 * gets the field's path, so the adapter (adaptWidget) can give our widgets their real `data-pointer`
 * (/sample/thickness, /job/scans/0/run) instead of the bare key.
 */
import { getDefaultRegistry } from '@rjsf/core';
import type { FieldTemplateProps } from '@rjsf/utils';
import { createContext, type ReactNode } from 'react';
import { formatPointer } from '../../schemas/index';

const RjsfFieldTemplate = getDefaultRegistry().templates.FieldTemplate;

/** The JSON Pointer of the RJSF field being rendered; undefined outside PointerFieldTemplate. */
export const RjsfPointerContext = createContext<string | undefined>(undefined);

export function PointerFieldTemplate(props: FieldTemplateProps): ReactNode {
  return (
    <RjsfPointerContext value={formatPointer(props.fieldPathId.path)}>
      <RjsfFieldTemplate {...props} />
    </RjsfPointerContext>
  );
}

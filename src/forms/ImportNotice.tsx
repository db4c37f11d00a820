/**
 * What an imported request (or formData) held that the form did not take as it was: keys the schema
 * does not know (left out of the request), values the schema's defaults replaced (an object where a
 * list belongs, a mode no branch has), and values kept with the wrong type (shown in their field with
 * the same message), and text values read as the numbers or lists their fields want ("6" as 6).
 * Nothing is dropped silently; the list stays until dismissed.
 */

import type { ReactNode } from 'react';
import { useT } from '../widgets/index';
import type { NotTaken, UnknownKey } from './engine/flattenValues';
import type { TextConversion } from './engine/importValues';
import { showValue } from './engine/valueMismatch';

export function ImportNotice(props: {
  unknownKeys: readonly UnknownKey[];
  notTaken: readonly NotTaken[];
  /** Text values read as typed ones (importValues). */
  converted?: readonly TextConversion[];
  onDismiss: () => void;
}): ReactNode {
  const { unknownKeys: keys, notTaken } = props;
  const t = useT();
  const converted = props.converted ?? [];
  if (keys.length === 0 && notTaken.length === 0 && converted.length === 0) return null;
  return (
    <div className="formulary-notice formulary-import-notice" role="status">
      {keys.length > 0 && (
        <>
          <p>{t('import.notice.keys', { count: keys.length })}</p>
          <ul>
            {keys.map((k) => (
              <li key={k.pointer}>
                <code>{k.pointer || '/'}</code> = <code>{JSON.stringify(k.value)}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {converted.length > 0 && (
        <>
          <p>{t('import.notice.converted', { count: converted.length })}</p>
          <ul>
            {converted.map((c) => (
              <li key={c.pointer}>
                <code>{c.pointer || '/'}</code>: <code>{JSON.stringify(c.from)}</code>{' '}
                {c.to === undefined ? t('import.notice.readUnset') : t('import.notice.readAs')}{' '}
                {c.to === undefined ? null : <code>{showValue(c.to)}</code>}
              </li>
            ))}
          </ul>
        </>
      )}
      {notTaken.length > 0 && (
        <>
          <p>{t('import.notice.values', { count: notTaken.length })}</p>
          <ul>
            {notTaken.map((n) => (
              <li key={n.pointer}>
                <code>{n.pointer || '/'}</code> = <code>{showValue(n.value)}</code>:{' '}
                {n.how === 'replaced' ? n.message : t('import.notice.kept', { message: n.message })}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={props.onDismiss}>
        {t('import.dismiss')}
      </button>
    </div>
  );
}

/**
 * The fields whose default the instrument's staff changed: value, the schema's own default, who and
 * when, and a button that puts the schema's default back.
 */
import type { ReactNode } from 'react';
import { portalText as t } from '../portalText';
import { shownValue } from './changedValues';
import type { DefaultsOverlay } from './defaultsClient';

export function ChangedDefaults(props: {
  overlay: DefaultsOverlay | undefined;
  onReset: (pointer: string) => void;
  disabled: boolean;
}): ReactNode {
  const overrides = props.overlay?.overrides ?? [];
  const none = t('portal.defaults.none');
  return (
    <section aria-label={t('portal.defaults.changedTitle')} className="defaults-changed">
      <h3>{t('portal.defaults.changedTitle')}</h3>
      {overrides.length === 0 ? (
        <p>{t('portal.defaults.noneChanged')}</p>
      ) : (
        <table className="portal-table">
          <thead>
            <tr>
              <th scope="col">{t('portal.defaults.field')}</th>
              <th scope="col">{t('portal.defaults.value')}</th>
              <th scope="col">{t('portal.defaults.schemaDefault')}</th>
              <th scope="col">{t('portal.defaults.changed')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('portal.defaults.reset')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overrides.map((o) => (
              <tr key={o.pointer}>
                <th scope="row">
                  {o.label} <code>{o.pointer}</code>
                </th>
                <td>{shownValue(o.value, none)}</td>
                <td>{shownValue(o.schemaDefault, none)}</td>
                <td>
                  {t('portal.defaults.changedNote', { user: o.changedBy, date: new Date(o.changedAt) })}
                </td>
                <td>
                  <button type="button" disabled={props.disabled} onClick={() => props.onReset(o.pointer)}>
                    {t('portal.defaults.resetField', { field: o.label })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

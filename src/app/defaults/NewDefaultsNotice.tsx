/**
 * Tells a scientist that the instrument's defaults changed under their open form (or since their
 * draft was saved): each moved field as the history page words it (label, old → new, who and when),
 * one action "Use the new defaults", and afterwards what moved and what kept the scientist's value.
 * Also the question submit asks, once, when the form is still on the old defaults. Rendering only.
 */
import type { ReactNode } from 'react';
import { portalText as t } from '../portalText';
import { shownValue } from './changedValues';
import type { DefaultShift } from './defaultShifts';
import type { ShiftView } from './findNewDefaults';

export function NewDefaultsNotice(props: {
  instrument: string;
  shifts: readonly ShiftView[];
  /** The form was restored from a draft saved against these older defaults (their revision). */
  draftRevision?: number;
  onUse: () => void;
}): ReactNode {
  const none = t('portal.defaults.none');
  const title = t(
    props.draftRevision === undefined ? 'portal.defaults.stale.title' : 'portal.defaults.stale.titleDraft',
    { instrument: props.instrument, revision: props.draftRevision ?? 0 },
  );
  return (
    <section aria-label={title} className="portal__new-defaults">
      <h2>{title}</h2>
      <ul>
        {props.shifts.map((s) => (
          <li key={s.pointer}>
            <strong>{s.label}</strong> <code>{s.pointer}</code>:{' '}
            <span className="defaults-diff">
              <del>{shownValue(s.oldValue, none)}</del> → <ins>{shownValue(s.newValue, none)}</ins>
            </span>
            {s.reset && <em> {t('portal.defaults.resetMark')}</em>}
            {s.changedBy && s.changedAt && (
              <> — {t('portal.defaults.stale.byWhom', { user: s.changedBy, date: new Date(s.changedAt) })}</>
            )}
          </li>
        ))}
      </ul>
      <p>{t('portal.defaults.stale.intro')}</p>
      <button type="button" onClick={props.onUse}>
        {t('portal.defaults.stale.use')}
      </button>
    </section>
  );
}

/** After "Use the new defaults": how many fields moved, and each that kept the scientist's value. */
export function NewDefaultsApplied(props: {
  taken: readonly DefaultShift[];
  kept: readonly DefaultShift[];
  values: Readonly<Record<string, unknown>>;
}): ReactNode {
  const none = t('portal.defaults.none');
  return (
    <div role="status" className="portal__new-defaults-applied">
      <p>{t('portal.defaults.stale.applied', { count: props.taken.length })}</p>
      {props.kept.length > 0 && (
        <ul aria-label={t('portal.defaults.stale.keptTitle')}>
          {props.kept.map((s) => (
            <li key={s.pointer}>
              {t('portal.defaults.stale.kept', {
                field: s.label,
                value: shownValue(props.values[s.pointer], none),
                default: shownValue(s.newValue, none),
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Submit's one question while the form is on old defaults: use the new ones (and review), or send. */
export function OldDefaultsQuestion(props: {
  instrument: string;
  count: number;
  onUse: () => void;
  onSend: () => void;
}): ReactNode {
  return (
    <div role="alert" className="portal__choice">
      <p>{t('portal.defaults.stale.ask', { instrument: props.instrument, count: props.count })}</p>
      <button type="button" onClick={props.onUse}>
        {t('portal.defaults.stale.use')}
      </button>{' '}
      <button type="button" onClick={props.onSend}>
        {t('portal.defaults.stale.sendOld')}
      </button>
    </div>
  );
}

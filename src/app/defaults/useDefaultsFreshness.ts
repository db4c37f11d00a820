/**
 * Keeps an open form honest about its instrument's defaults. The form learns of a change when the
 * page regains focus (or becomes visible) and again just before submit, by a conditional GET of the
 * defaults (see docs/server.md, "Instrument defaults": the live channel carries job events of
 * submissions, needs a signed-in user and stores each event against a submission, so defaults do not
 * travel on it). Then the notice lists what moved; "Use the new defaults" moves untouched fields onto
 * them and keeps the rest (mergeNewDefaults), in the draft too (values, texts and the defaults'
 * revision in one replace). Submit on old defaults asks once per revision.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DraftStore } from '../../forms/index';
import { type FieldModel, getAt } from '../../schemas/index';
import type { DefaultShift } from './defaultShifts';
import { type DefaultsBasis, findNewDefaults, type NewDefaults, stampOf } from './findNewDefaults';
import { mergeNewDefaults } from './mergeNewDefaults';
import type { OpenedDefaults } from './openedDefaults';

export interface AppliedDefaults {
  readonly taken: readonly DefaultShift[];
  readonly kept: readonly DefaultShift[];
  /** What each kept field holds (its value, or the text typed). */
  readonly keptValues: Readonly<Record<string, unknown>>;
}

export interface DefaultsFreshness {
  /** The model the form shows: the schema with the defaults its values are made against. */
  readonly model: FieldModel | undefined;
  /** The revision of those defaults (sent with the request), undefined without a service. */
  readonly revision: number | undefined;
  /** Newer defaults the scientist has not acted on. */
  readonly newer: NewDefaults | undefined;
  readonly draftRevision: number | undefined;
  readonly applied: AppliedDefaults | undefined;
  /** Moves the form onto the newer defaults. */
  takeNewDefaults(): void;
  /**
   * Before a submit: checks the defaults now; true when the request may go (current defaults, no
   * service, or the scientist already chose to send on these old ones), false when submit must ask.
   */
  mayGo(): Promise<boolean>;
  /** "Send with the old defaults": the question is not asked again for this revision. */
  sendOnOld(): void;
}

export function useDefaultsFreshness(
  instrument: string,
  opened: OpenedDefaults | undefined,
  store: DraftStore | undefined,
  schemaVersion: number,
): DefaultsFreshness {
  const [basis, setBasis] = useState<DefaultsBasis | undefined>(opened?.basis);
  const [newer, setNewer] = useState<NewDefaults | undefined>(opened?.newer);
  const [draftRevision, setDraftRevision] = useState(opened?.draftRevision);
  const [applied, setApplied] = useState<AppliedDefaults | undefined>();
  const [accepted, setAccepted] = useState<number | undefined>();
  const [shown, setShown] = useState(opened);
  if (shown !== opened) {
    // A new form (another instrument, a reload of the model): start from what it opened on.
    setShown(opened);
    setBasis(opened?.basis);
    setNewer(opened?.newer);
    setDraftRevision(opened?.draftRevision);
    setApplied(undefined);
    setAccepted(undefined);
  }

  const check = useCallback(async (): Promise<NewDefaults | undefined> => {
    if (!opened || !basis) return undefined;
    const found = await findNewDefaults(instrument, opened.schemaModel, basis);
    if (!found) return undefined;
    if (found.shifts.length === 0) {
      // The revision moved but no default did: nothing to tell, the form is current.
      setBasis({ revision: found.overlay.revision, model: basis.model });
      store?.getState().setDefaults(stampOf(found.overlay));
      return undefined;
    }
    setNewer((known) => (known?.overlay.revision === found.overlay.revision ? known : found));
    return found;
  }, [instrument, opened, basis, store]);

  useEffect(() => {
    if (!opened) return;
    const onFocus = () => void check().catch(() => {});
    const onVisible = () => document.visibilityState === 'visible' && onFocus();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [opened, check]);

  const takeNewDefaults = () => {
    if (!newer || !store) return;
    const state = store.getState();
    state.flush();
    const draft = store.getState().draft;
    const texts = draft?.texts;
    const merged = mergeNewDefaults(draft?.values, texts, newer.shifts);
    const keptValues: Record<string, unknown> = {};
    for (const s of merged.kept)
      keptValues[s.pointer] = texts?.[s.pointer]?.text ?? getAt(merged.values, s.pointer);
    store.getState().replace(merged.values, schemaVersion, {
      ...(texts && { texts }),
      defaults: stampOf(newer.overlay),
    });
    setBasis({ revision: newer.overlay.revision, model: newer.model });
    setNewer(undefined);
    setDraftRevision(undefined);
    setApplied({ taken: merged.taken, kept: merged.kept, keptValues });
  };

  const mayGo = async () => {
    const found = (await check().catch(() => undefined)) ?? newer;
    return !found || found.overlay.revision === accepted;
  };

  return {
    model: basis?.model,
    revision: basis?.revision,
    newer,
    draftRevision,
    applied,
    takeNewDefaults,
    mayGo,
    sendOnOld: () => setAccepted(newer?.overlay.revision),
  };
}

/**
 * Binds a draft store to a <SubmissionForm>: the values to start from (the restored draft, taken once
 * per revision so autosaves never re-import into the form) and the texts that were not values,
 * onDraftChange that autosaves both (hidden fields kept), and a key that remounts the form when the
 * draft is replaced from outside (discard, open from history).
 */
import { useCallback, useMemo } from 'react';
import type { JsonValue } from '../../schemas/index';
import type { DraftTexts } from '../engine/FormEngine';
import type { DraftStore } from './createDraftStore';
import { useDraftAutosave, useDraftStore } from './useDraftStore';

export interface DraftFormBinding {
  /** Put on the form (or its wrapper) as `key`. */
  key: string;
  formData: JsonValue | undefined;
  /** Put on the form as `draftTexts`. */
  draftTexts: DraftTexts | undefined;
  /** Put on the form as `onDraftChange`. */
  onDraftChange: (values: JsonValue | undefined, texts?: DraftTexts) => void;
}

export function useDraftForm(store: DraftStore): DraftFormBinding {
  const revision = useDraftStore((s) => s.revision, store);
  useDraftAutosave(store);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once per revision on purpose
  const formData = useMemo(() => store.getState().draft?.values, [store, revision]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once per revision on purpose
  const draftTexts = useMemo(() => store.getState().draft?.texts, [store, revision]);
  const onDraftChange = useCallback(
    (values: JsonValue | undefined, texts?: DraftTexts) => store.getState().saveSoon(values, texts),
    [store],
  );
  return { key: `${store.getState().instrument}:${revision}`, formData, draftTexts, onDraftChange };
}

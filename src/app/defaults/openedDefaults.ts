/**
 * Which defaults an instrument's form opens on: a new draft on the instrument's current ones (and
 * the draft records them); a draft restored from storage on those it was made against, so its
 * untouched fields still count as untouched, with the newer defaults waiting in the notice. A draft
 * saved before drafts recorded their defaults is taken as made against today's.
 */
import type { DraftStore } from '../../forms/index';
import type { FieldModel } from '../../schemas/index';
import {
  type DefaultsBasis,
  describeShifts,
  modelOfStamp,
  type NewDefaults,
  stampOf,
} from './findNewDefaults';
import type { InstrumentModel } from './loadInstrumentModel';

export interface OpenedDefaults {
  readonly schemaModel: FieldModel;
  readonly basis: DefaultsBasis;
  /** The instrument's defaults when the restored draft was made against others. */
  readonly newer?: NewDefaults;
  /** The revision of the restored draft's defaults, when they are not today's. */
  readonly draftRevision?: number;
}

/** Resolves once the store has read the stored draft (IndexedDB answers after the first render). */
export function whenHydrated(store: DraftStore): Promise<void> {
  if (store.getState().hydrated) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = store.subscribe((s) => {
      if (!s.hydrated) return;
      stop();
      resolve();
    });
  });
}

/** Undefined when the page is not served by a Formulary service (no defaults to follow). */
export async function openedDefaults(
  instrument: string,
  loaded: InstrumentModel,
  store: DraftStore,
): Promise<OpenedDefaults | undefined> {
  const { overlay, schemaModel, model } = loaded;
  if (!overlay) return undefined;
  await whenHydrated(store);
  const stamp = store.getState().draft ? store.getState().defaults : undefined;
  if (stamp && stamp.revision !== overlay.revision) {
    const basisModel = modelOfStamp(schemaModel, stamp);
    const shifts = await describeShifts(instrument, basisModel, overlay, model);
    if (shifts.length > 0)
      return {
        schemaModel,
        basis: { revision: stamp.revision, model: basisModel },
        newer: { overlay, model, shifts },
        draftRevision: stamp.revision,
      };
  }
  store.getState().setDefaults(stampOf(overlay));
  return { schemaModel, basis: { revision: overlay.revision, model } };
}

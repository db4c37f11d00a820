/**
 * The stores a page's draft pieces read (the open form's draft store, the outbox, the history and the
 * submitter), handed down once: <DraftsContext value={...}>. Holds references only, no logic.
 */
import { createContext } from 'react';
import type { DraftStore } from './createDraftStore';
import type { HistoryStore } from './createHistoryStore';
import type { OutboxStore } from './createOutboxStore';
import type { Submitter } from './createSubmitter';

export interface DraftsContextValue {
  drafts?: DraftStore;
  outbox?: OutboxStore;
  history?: HistoryStore;
  submitter?: Submitter;
}

export const DraftsContext = createContext<DraftsContextValue>({});

/** The UI store of the form being rendered (see uiStore.ts), through context so parts can select their flag. */
import { createContext } from 'react';
import { createUiStore, type UiStore } from './uiStore';

export const UiStoreContext = createContext<UiStore>(createUiStore());

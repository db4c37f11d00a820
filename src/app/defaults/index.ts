/** Instrument defaults edited by staff, in the portal: the editor, its history, the overlay new forms start from. Imported through this file only. */
export { DefaultsHistoryPage } from './DefaultsHistoryPage';
export { DefaultsPage } from './DefaultsPage';
export { fetchDefaults } from './defaultsClient';
export { loadInstrumentModel } from './loadInstrumentModel';
export { NewDefaultsApplied, NewDefaultsNotice, OldDefaultsQuestion } from './NewDefaultsNotice';
export { type OpenedDefaults, openedDefaults } from './openedDefaults';
export { overlayDefaults } from './overlayDefaults';
export { useDefaultsFreshness } from './useDefaultsFreshness';

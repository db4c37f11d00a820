/** Instrument defaults edited by staff, in the portal: the editor, its history, the overlay new forms start from. Imported through this file only. */
export { DefaultsHistoryPage } from './DefaultsHistoryPage';
export { DefaultsPage } from './DefaultsPage';
export { fetchDefaults } from './defaultsClient';
export { loadInstrumentModel } from './loadInstrumentModel';
export { overlayDefaults } from './overlayDefaults';

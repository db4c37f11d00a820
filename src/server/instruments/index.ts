/** The instruments the service serves, compiled once at start. Imported through this file only. */
export type { Instrument } from './Instrument';
export { type InstrumentsOptions, loadInstruments } from './loadInstruments';

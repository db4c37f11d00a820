/**
 * One instrument the service accepts requests for: its catalogue facts, and everything compiled once
 * at start (FieldModel, validator, the bundled schema text and its ETag) so a request pays only for
 * validating itself.
 */
import type { Dialect, FieldModel, Validator } from '../../schemas/index';

export interface Instrument {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly dialect: Dialect;
  readonly schemaVersion: number;
  /** The entry file's name, as served under /schemas/. */
  readonly schemaFile: string;
  readonly model: FieldModel;
  readonly validator: Validator;
  /** The bundled, self-contained schema as JSON text, served with its ETag. */
  readonly bundledText: string;
  readonly etag: string;
  /** Where the request names its proposal (IPTS); '/iptsNumber' in the shipped schemas. */
  readonly proposalPointer: string;
}

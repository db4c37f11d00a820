/**
 * Building the FieldModel from a schema, labels and defaults. Internal barrel for src/schemas/index.ts;
 * other folders import that one.
 */
export {
  type BuildFieldModelOptions,
  buildFieldModel,
  dialectOf,
  type LoadedSchemaLike,
} from './buildFieldModel';
export { type DefaultsOptions, defaultsOf } from './defaultsOf';
export { DEFAULT_ACRONYMS, labelFromKey, labelFromValue, splitKey } from './labelFromKey';
export { branchValueNode, isRootWrapper, isValueBranch, rootValueNode } from './rootValueNode';
export { selectBranch } from './selectBranch';

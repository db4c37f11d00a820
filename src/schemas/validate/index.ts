/**
 * Validation of requests against a FieldModel: ajv plus our cross-field rules, conditions, and the
 * request the form submits. Internal barrel for src/schemas/index.ts; other folders import that one.
 */
export { codeEvaluationAllowed, validationLimitation } from './codeEvaluation';
export { type CompiledSchema, type CompileOptions, compileSchema } from './compileSchema';
export { createValidator, type Validator, type ValidatorOptions } from './createValidator';
export { evaluateCondition, isShown } from './evaluateCondition';
export { isSet } from './evaluateRules';
export { templateOf } from './modelIndex';
export { isDangerousPattern } from './safePattern';
export {
  loadSchemaCompiler,
  type SchemaCompiler,
  type SchemaCompilerLoader,
  setSchemaCompilerLoader,
} from './schemaCompilerSource';
export { type UnknownKey, unknownKeysIn } from './unknownKeysIn';
export { cloneJson, visibleRequest } from './visibleRequest';

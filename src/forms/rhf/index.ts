/**
 * Formulary in a react-hook-form app: the validator as a resolver, the schema's fields inside a host's
 * useForm. Internal barrel for src/forms/index.ts.
 */
export { coerceFieldText } from './coerceFieldText';
export { FormularyFields, type FormularyFieldsProps } from './FormularyFields';
export { type FormularyResolverOptions, formularyResolver } from './formularyResolver';
export { formularyDefaults, requestOfValues, type ValuesRequest } from './requestOfValues';
export { pointerOfRhfName, rhfNameOf } from './rhfNames';

/** Dynamic forms: the stored FormSpec (JSON Schema + layout), its check, and the one validator both sides run. */
export * from './spec.ts';
export { evaluateCondition, conditionFields, visibleFields } from './conditions.ts';
export {
  FORM_ERROR_CODES, validateFormData, visibleFormData, pathParts, resolveDateBound, isIsoDate,
  type FormError, type FormErrorCode, type ValidateOptions,
} from './validate.ts';
export { checkFormSpec, asFormSpec, SPEC_PROBLEM_CODES, MAX_FIELDS, MAX_COLUMNS, type FormSpecProblem } from './check-spec.ts';
export { formSpecFromLegacyFields, legacyFieldsFromSpec, type LegacyField } from './legacy.ts';
export { buildRegionIndex, regionFitsLevel, type RegionData, type RegionEntry, type RegionIndex, type RegionNode } from './regions.ts';
export { sampleFormData, type SampleOptions } from './sample.ts';

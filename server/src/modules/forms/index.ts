/** The forms module's face for other modules: the form language (spec, check, validation), and its check route. */
export { registerFormRoutes } from './routes.ts';
export { checkItemForm, formAttachmentIds, itemFormSpec } from './rules.ts';
export { formDataSchema, formSpecSchema } from './schemas.ts';
export { formErrors } from './errors.ts';
/** The 省市县 tree, for checking region values. */
export { regionIndex } from './regions.ts';

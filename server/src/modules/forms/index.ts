/** The forms module's face for other modules. */
export { registerFormRoutes } from './routes.ts';
export { checkItemForm, formAttachmentIds } from './rules.ts';
export { formDataSchema, formSpecSchema } from './schemas.ts';
export { itemFormSpec } from './queries.ts';
export { formErrors } from './errors.ts';
/** The 省市县 tree, for checking region values. */
export { regionIndex } from './regions.ts';

/** The catalogue's public face for other modules. */
export { getItem } from './queries.ts';
export type { FormField, ItemDetail } from './schemas.ts';
export { formFieldSchema } from './schemas.ts';
/** The enabled items with their department, as the public catalogue lists them (the portal's search indexes them). */
export { listItems, listDepartments } from './queries.ts';

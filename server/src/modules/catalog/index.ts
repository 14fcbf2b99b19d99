/** The catalogue's public face for other modules. */
export { getItem } from './queries.ts';
export type { FormField, ItemDetail } from './schemas.ts';
export { formFieldSchema } from './schemas.ts';

/** The public portal's face for the composition root. */
export { registerPortalRoutes } from './routes.ts';
/** Rebuilds the pinyin index of changed items (also done by every search). */
export { refreshSearchIndex } from './search.ts';
/** Demo news and disclosures, loaded with the demo center. */
export { loadDemoArticles } from './demo.ts';
/** The writer of a consultation or complaint, for the notice of its answer. */
export { messageContactsOf } from './message-contacts.ts';
export type { MessageContact } from './message-contacts.ts';

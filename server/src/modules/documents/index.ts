/** The documents module's public face: issuing notices at case outcomes, and its routes. */
export { issueNotice, type IssuedDocument } from './commands.ts';
export { registerDocumentRoutes } from './routes.ts';
export { NOTICE_KINDS, NOTICE_TITLES, type NoticeKind } from './rules.ts';

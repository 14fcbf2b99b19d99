/** The documents module's public face: issuing notices at case outcomes from the facts the case hands over, and its routes. */
export { issueNotice, type IssuedDocument, type NoticeDraft } from './commands.ts';
export { registerDocumentRoutes } from './routes.ts';
export type { CaseAccess } from './queries.ts';
export { NOTICE_KINDS, NOTICE_TITLES, type NoticeKind } from './rules.ts';
/** The A4 notice layout (Noto Sans SC, QR code) for other documents of the same shape, e.g. supervision's 监察建议书. */
export { renderNotice } from './render.ts';
export type { NoticeContent, SupplementLine } from './rules.ts';
/** The CJK font notices are set in (the demo's sample material PDFs use it too). */
export { fontBytes } from './render.ts';

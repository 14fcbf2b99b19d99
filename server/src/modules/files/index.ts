/**
 * The files module's public face: uploaded materials (the `uploads` table and
 * the uploads folder). Applications attach them to a case; the catalogue uses
 * them as sample files.
 */
/** Stores an upload after sniffing its real type; finds one; attaches an applicant's unused uploads to a case. */
export { storeUpload, findUpload, attachUploads, type UploadView, type UploadFile } from './uploads.ts';
/** Reads for other modules: an applicant's own uploads, which ids exist, a case's material files. */
export { ownUploads, existingUploads, caseFiles, type CaseFile } from './uploads.ts';
/** POST /api/uploads and GET /api/uploads/:id. */
export { registerUploadRoutes, type CaseAccess } from './routes.ts';

/** The catalogue's public face for other modules. */
export { getItem } from './queries.ts';
export type { FormField, ItemDetail } from './schemas.ts';
export { formFieldSchema } from './schemas.ts';
/** The enabled items with their department, as the public catalogue lists them (the portal's search indexes them). */
export { listItems, listDepartments } from './queries.ts';
/** The center's name, phone and address (notifications sign with its name). */
export { getCenter } from './queries.ts';
/** Materials by id with their names and listed order (retired ones too). */
export { materialsByIds } from './queries.ts';
/** Item versions: the demo load publishes version 1; cases record and check the version a form was rendered from. */
export { ensureInitialVersions, currentVersionId, getVersion, saveDraft, startDraft, publishDraft, publishFormChange } from './versions.ts';
export { feeSummary } from './rules.ts';
export type { ItemContent } from './content.ts';
/** Which items bind which process key (the process designer's list shows them). */
export { itemsBindingProcesses } from './process-bindings.ts';
export type { ProcessBinding } from './process-bindings.ts';
/** The catalogue's public and admin routes. */
export { registerCatalogRoutes } from './routes.ts';
/** A version's content: its zod shape and its meaning checks. */
export { itemContentSchema } from './content.ts';
export { checkContent } from './rules.ts';
/** Who a case's notice comes from: item and department names, the center's contacts, the handling window. */
export { issuingOffice, type IssuingOffice } from './issuing-office.ts';
/** The form designer's routes (表单设计器). */
export { registerFormDesignerRoutes } from './form-designer-routes.ts';
/** The center's id, departments' codes, an item's facts (department, type, process, 容缺) and its materials' names, by id. */
export { theCenterId, departmentCodes, itemFacts, itemMaterialNames, type ItemFacts } from './facts.ts';
/** Whether a window takes in an item (the intake's check of the clerk's window). */
export { windowServesItem, itemCodes, itemIdsByCodes } from './facts.ts';
/** Names for other modules' pages, looked up by id after the page: departments (by id or code), items, windows. */
export { departmentsByIds, departmentsByCodes, itemNames, windowNames, type DepartmentName } from './facts.ts';
/** An item's materials with the checklist's flags, retired ones too. */
export { itemMaterialList, type ItemMaterial } from './facts.ts';
/** The organisation: centers in three levels, departments with sub-units, windows and the items they take in; the data scopes they span. */
export {
  organisation, saveCenter, saveDepartment, saveWindow, checkPlacement, centerScope, departmentScope,
  centerInputSchema, departmentInputSchema, windowInputSchema, organisationSchema, centerSchema, departmentSchema, windowSchema, CENTER_LEVELS,
  type Organisation, type CenterLevel, type Saved,
} from './organisation.ts';

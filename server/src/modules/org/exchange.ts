import { z } from 'zod';
import { withTx, type Queryable, type Tx } from '../../platform/db/pool.ts';
import { AppError, type ErrorCode } from '../../platform/errors.ts';
import type { Actor, AppContext } from '../../platform/http/context.ts';
import { appendEvent } from '../../platform/events/stream.ts';
import {
  CENTER_LEVELS, centerInputSchema, departmentInputSchema, itemCodes, itemIdsByCodes, organisation, windowInputSchema,
} from '../catalog/index.ts';
import { listStaff, roleByCode, staffCreateSchema, staffUpdateSchema, type Staff } from '../iam/index.ts';
import { createStaffCommand, saveCenterCommand, saveDepartmentCommand, saveWindowCommand, updateStaffCommand } from './commands.ts';
import { LEVEL_LABELS, problemAt, readOrgWorkbook, writeOrgWorkbook, type ImportProblem, type SheetKey, type SheetRow } from './workbook.ts';

/**
 * 组织机构导入 (issue 14): the organisation and its staff from a workbook
 * (workbook.ts), checked row by row against the database and the file
 * itself, and written in one transaction only when no row is wrong — or,
 * as a dry run, checked and reported without writing anything. Rows are
 * matched by code (a person by user name): a new code is created, a known one
 * updated when its cells differ, left alone when they do not. Each write goes
 * through the same command as the admin console's dialogs, with its event.
 */

const countsSchema = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export const orgImportResultSchema = z.object({
  dryRun: z.boolean(), centers: countsSchema, departments: countsSchema, windows: countsSchema, staff: countsSchema,
});
export type OrgImportResult = z.infer<typeof orgImportResultSchema>;
type Counts = z.infer<typeof countsSchema>;

/** At most this many problems are reported: enough to fix a file in one go, not a wall of text. */
const MAX_PROBLEMS = 200;

export async function importOrganisation(ctx: AppContext, actor: Actor, bytes: Buffer, opts: { dryRun: boolean }): Promise<OrgImportResult> {
  const problems: ImportProblem[] = [];
  const file = await readOrgWorkbook(bytes, problems);
  if (!file) throw new AppError('ORG_IMPORT_UNREADABLE');
  try {
    return await withTx(ctx.db, async (tx) => {
      // One import at a time: the second waits and then sees the first one's codes.
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('tongban.org.import'))");
      const run = new ImportRun(tx, actor, ctx.clock.now(), problems);
      const result: OrgImportResult = {
        dryRun: opts.dryRun,
        ...(await run.all(file)),
      };
      if (problems.length) throw new AppError('ORG_IMPORT_INVALID', { problems: problems.slice(0, MAX_PROBLEMS), more: Math.max(0, problems.length - MAX_PROBLEMS) });
      if (opts.dryRun) throw new DryRun(result);
      const { dryRun: _dry, ...counts } = result;
      await appendEvent(tx, { type: 'org.imported', actor: { id: actor.id, role: actor.role }, occurredAt: ctx.clock.now(), payload: counts });
      return result;
    });
  } catch (err) {
    if (err instanceof DryRun) return err.result;
    throw err;
  }
}

/** Thrown to roll a dry run's transaction back, carrying what it would have done. */
class DryRun extends Error {
  constructor(readonly result: OrgImportResult) { super('dry run'); }
}

const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });
const orNull = (s: string): string | null => (s === '' ? null : s);
const same = (a: Record<string, unknown>, b: Record<string, unknown>): boolean => Object.keys(b).every((k) => JSON.stringify(a[k] ?? null) === JSON.stringify(b[k] ?? null));

/** A 是/否 cell (true/false and 1/0 too); '' is `fallback`; anything else undefined. */
function yesNo(text: string, fallback: boolean | undefined): boolean | undefined | 'invalid' {
  if (text === '') return fallback;
  if (['是', 'true', '1', 'TRUE'].includes(text)) return true;
  if (['否', 'false', '0', 'FALSE'].includes(text)) return false;
  return 'invalid';
}

/** One import's state: the codes known so far (the database's and the file's) and the problems found. */
class ImportRun {
  private centerIds = new Map<string, string>();
  private departmentIds = new Map<string, string>();
  private windowIds = new Map<string, string>();

  constructor(private tx: Tx, private actor: Actor, private now: Date, private problems: ImportProblem[]) {}

  async all(file: Record<SheetKey, SheetRow[]>): Promise<Omit<OrgImportResult, 'dryRun'>> {
    const org = await organisation(this.tx);
    for (const c of org.centers) this.centerIds.set(c.code, c.id);
    for (const d of org.departments) this.departmentIds.set(d.code, d.id);
    for (const w of org.windows) this.windowIds.set(w.code, w.id);
    const centers = await this.inOrder('centers', file.centers, (r) => r.cells.parentCode, this.centerIds, (r) => this.center(r, org.centers));
    const departments = await this.inOrder('departments', file.departments, (r) => r.cells.parentCode, this.departmentIds, (r) => this.department(r, org.departments));
    const windows = zero();
    for (const r of this.unique('windows', file.windows, 'code')) windows[await this.window(r, org.windows)]++;
    const staff = zero();
    const people = new Map((await listStaff(this.tx)).map((s) => [s.username, s]));
    for (const r of this.unique('staff', file.staff, 'username')) staff[await this.person(r, people.get(r.cells.username!))]++;
    return { centers, departments, windows, staff };
  }

  private problem(sheet: SheetKey, row: number, key: string, code: ErrorCode): void {
    this.problems.push(problemAt(sheet, row, key, code));
  }

  /** The rows whose `key` is not repeated in the file; each repeat is a problem. */
  private unique(sheet: SheetKey, rows: SheetRow[], key: string): SheetRow[] {
    const seen = new Set<string>();
    return rows.filter((r) => {
      const value = r.cells[key]!;
      if (value !== '' && seen.has(value)) {
        this.problem(sheet, r.row, key, 'ORG_IMPORT_DUPLICATE');
        return false;
      }
      seen.add(value);
      return true;
    });
  }

  /** Rows of a tree (centers, departments), parents before children wherever they stand in the file. */
  private async inOrder(
    sheet: SheetKey, rows: SheetRow[], parentOf: (r: SheetRow) => string | undefined, known: Map<string, string>,
    write: (r: SheetRow) => Promise<keyof Counts | null>,
  ): Promise<Counts> {
    const counts = zero();
    let pending = this.unique(sheet, rows, 'code');
    const inFile = new Set(pending.map((r) => r.cells.code!));
    while (pending.length) {
      const ready = pending.filter((r) => { const p = parentOf(r) ?? ''; return p === '' || known.has(p) || !inFile.has(p) || p === r.cells.code; });
      // What is left waits on a parent that waits on it (a cycle in the file): each is reported at its parent.
      if (ready.length === 0) {
        for (const r of pending) this.problem(sheet, r.row, 'parentCode', 'ORG_IMPORT_REFERENCE_UNKNOWN');
        break;
      }
      for (const r of ready) {
        const done = await write(r);
        if (done) counts[done]++;
        else inFile.delete(r.cells.code!);
      }
      pending = pending.filter((r) => !ready.includes(r));
    }
    return counts;
  }

  /** Zod's findings on a row's input, each at the column of its field. */
  private invalid(sheet: SheetKey, row: number, issues: readonly z.core.$ZodIssue[], columnOf: Record<string, string>): void {
    for (const issue of issues) {
      const field = String(issue.path[0] ?? '');
      this.problem(sheet, row, columnOf[field] ?? field, issue.code === 'too_small' ? 'ORG_IMPORT_VALUE_REQUIRED' : 'ORG_IMPORT_VALUE_INVALID');
    }
  }

  /**
   * Runs a command for one row; its refusal (an error code) becomes the row's
   * problem, at the column `key` names (or picks from the refusal), and what
   * it wrote is undone.
   */
  private async attempt(sheet: SheetKey, row: number, key: string | ((err: AppError) => string), command: () => Promise<unknown>): Promise<boolean> {
    await this.tx.query('SAVEPOINT org_import_row');
    try {
      await command();
      await this.tx.query('RELEASE SAVEPOINT org_import_row');
      return true;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      await this.tx.query('ROLLBACK TO SAVEPOINT org_import_row');
      this.problem(sheet, row, typeof key === 'string' ? key : key(err), err.code);
      return false;
    }
  }

  private ref(sheet: SheetKey, r: SheetRow, key: string, ids: Map<string, string>): string | null | undefined {
    const code = r.cells[key]!;
    if (code === '') return null;
    const id = ids.get(code);
    if (!id) this.problem(sheet, r.row, key, 'ORG_IMPORT_REFERENCE_UNKNOWN');
    return id;
  }

  private sortOrder(sheet: SheetKey, r: SheetRow, fallback: number): number | undefined {
    const text = r.cells.sortOrder!;
    if (text === '') return fallback;
    if (/^\d{1,4}$/.test(text)) return Number(text);
    this.problem(sheet, r.row, 'sortOrder', 'ORG_IMPORT_VALUE_INVALID');
    return undefined;
  }

  private async center(r: SheetRow, existing: readonly (z.infer<typeof centerInputSchema> & { id: string })[]): Promise<keyof Counts | null> {
    const c = r.cells;
    const before = existing.find((e) => e.code === c.code);
    const level = CENTER_LEVELS.find((l) => l === c.level || LEVEL_LABELS[l] === c.level);
    if (!level && c.level !== '') this.problem('centers', r.row, 'level', 'ORG_IMPORT_VALUE_INVALID');
    const parentId = this.ref('centers', r, 'parentCode', this.centerIds);
    const sortOrder = this.sortOrder('centers', r, before?.sortOrder ?? 0);
    const parsed = centerInputSchema.safeParse({ code: c.code, name: c.name, level, parentId, phone: orNull(c.phone!), address: orNull(c.address!), sortOrder });
    if (!parsed.success) {
      this.invalid('centers', r.row, parsed.error.issues, { code: 'code', name: 'name', level: 'level', parentId: 'parentCode', phone: 'phone', address: 'address', sortOrder: 'sortOrder' });
      return null;
    }
    if (parentId === undefined || sortOrder === undefined || (c.level !== '' && !level)) return null;
    if (before && same(before, parsed.data)) return 'unchanged';
    let id = before?.id;
    const ok = await this.attempt('centers', r.row, 'code', async () => { id = (await saveCenterCommand(this.tx, this.actor, this.now, before?.id ?? null, parsed.data)).id; });
    if (!ok) return null;
    this.centerIds.set(c.code!, id!);
    return before ? 'updated' : 'created';
  }

  private async department(r: SheetRow, existing: readonly (z.infer<typeof departmentInputSchema> & { id: string })[]): Promise<keyof Counts | null> {
    const c = r.cells;
    const before = existing.find((e) => e.code === c.code);
    const centerId = this.ref('departments', r, 'centerCode', this.centerIds);
    const parentId = this.ref('departments', r, 'parentCode', this.departmentIds);
    const sortOrder = this.sortOrder('departments', r, before?.sortOrder ?? 0);
    const enabled = yesNo(c.enabled!, before?.enabled ?? true);
    if (enabled === 'invalid') this.problem('departments', r.row, 'enabled', 'ORG_IMPORT_VALUE_INVALID');
    const parsed = departmentInputSchema.safeParse({ code: c.code, name: c.name, centerId, parentId, sortOrder, enabled });
    if (!parsed.success) {
      this.invalid('departments', r.row, parsed.error.issues, { code: 'code', name: 'name', centerId: 'centerCode', parentId: 'parentCode', sortOrder: 'sortOrder', enabled: 'enabled' });
      return null;
    }
    if (before && same(before, parsed.data)) return 'unchanged';
    let id = before?.id;
    const ok = await this.attempt('departments', r.row, 'code', async () => { id = (await saveDepartmentCommand(this.tx, this.actor, this.now, before?.id ?? null, parsed.data)).id; });
    if (!ok) return null;
    this.departmentIds.set(c.code!, id!);
    return before ? 'updated' : 'created';
  }

  private async window(r: SheetRow, existing: readonly (z.infer<typeof windowInputSchema> & { id: string })[]): Promise<keyof Counts | 'unchanged'> {
    const c = r.cells;
    const before = existing.find((e) => e.code === c.code);
    const centerId = this.ref('windows', r, 'centerCode', this.centerIds);
    const departmentId = this.ref('windows', r, 'departmentCode', this.departmentIds);
    const enabled = yesNo(c.enabled!, before?.enabled ?? true);
    if (enabled === 'invalid') this.problem('windows', r.row, 'enabled', 'ORG_IMPORT_VALUE_INVALID');
    const codes = c.items!.split(/[,，、;；\s]+/).filter(Boolean);
    const items = await itemIdsByCodes(this.tx, codes);
    if (codes.some((code) => !items.has(code))) this.problem('windows', r.row, 'items', 'ORG_IMPORT_REFERENCE_UNKNOWN');
    const parsed = windowInputSchema.safeParse({
      code: c.code, name: c.name, centerId, departmentId, hallPosition: c.hallPosition, phone: orNull(c.phone!), itemIds: [...new Set(items.values())].sort(), enabled,
    });
    if (!parsed.success) {
      this.invalid('windows', r.row, parsed.error.issues, { code: 'code', name: 'name', centerId: 'centerCode', departmentId: 'departmentCode', hallPosition: 'hallPosition', phone: 'phone', itemIds: 'items', enabled: 'enabled' });
      return 'unchanged';
    }
    if (before && same({ ...before, itemIds: [...before.itemIds].sort() }, parsed.data)) return 'unchanged';
    const ok = await this.attempt('windows', r.row, 'code', async () => {
      this.windowIds.set(c.code!, (await saveWindowCommand(this.tx, this.actor, this.now, before?.id ?? null, parsed.data)).id);
    });
    // A refused row is a problem: the import writes nothing, whatever the counts say.
    if (!ok) return 'unchanged';
    return before ? 'updated' : 'created';
  }

  private async person(r: SheetRow, before: Staff | undefined): Promise<keyof Counts> {
    const c = r.cells;
    let role: Awaited<ReturnType<typeof roleByCode>> | undefined;
    if (c.roleCode !== '') {
      role = await roleByCode(this.tx, c.roleCode!).catch(() => undefined);
      if (!role || role.base === 'applicant') this.problem('staff', r.row, 'roleCode', 'ORG_IMPORT_REFERENCE_UNKNOWN');
    }
    // 兼任角色: codes apart by 、 , or spaces; an empty cell holds none (the sheet is the whole truth of the row).
    const extraRoleCodes = c.extraRoleCodes!.split(/[、,，\s]+/).filter(Boolean);
    for (const extra of extraRoleCodes) {
      const held = await roleByCode(this.tx, extra).catch(() => undefined);
      if (!held || held.base === 'applicant') this.problem('staff', r.row, 'extraRoleCodes', 'ORG_IMPORT_REFERENCE_UNKNOWN');
    }
    const centerId = this.ref('staff', r, 'centerCode', this.centerIds);
    const departmentId = this.ref('staff', r, 'departmentCode', this.departmentIds);
    const windowId = this.ref('staff', r, 'windowCode', this.windowIds);
    const secondFactor = yesNo(c.secondFactor!, before?.secondFactorRequired ?? false);
    if (secondFactor === 'invalid') this.problem('staff', r.row, 'secondFactor', 'ORG_IMPORT_VALUE_INVALID');
    const fields = {
      displayName: c.displayName, role: role?.base, roleCode: role?.code, centerId, departmentId, windowId, phone: orNull(c.phone!),
      secondFactorRequired: secondFactor === 'invalid' ? undefined : secondFactor, extraRoleCodes: [...new Set(extraRoleCodes)].sort(),
    };
    const columns = {
      displayName: 'displayName', role: 'roleCode', roleCode: 'roleCode', centerId: 'centerCode', departmentId: 'departmentCode', windowId: 'windowCode', phone: 'phone',
      username: 'username', initialPassword: 'initialPassword', extraRoleCodes: 'extraRoleCodes',
    };
    if (!before) {
      const parsed = staffCreateSchema.safeParse({ ...fields, username: c.username, initialPassword: c.initialPassword });
      if (!parsed.success) {
        this.invalid('staff', r.row, parsed.error.issues, columns);
        return 'unchanged';
      }
      await this.attempt('staff', r.row, (err) => staffColumnOf(err, role?.code), () => createStaffCommand(this.tx, this.actor, this.now, parsed.data));
      return 'created';
    }
    const parsed = staffUpdateSchema.safeParse(fields);
    if (!parsed.success) {
      this.invalid('staff', r.row, parsed.error.issues, columns);
      return 'unchanged';
    }
    if (same(before, parsed.data)) return 'unchanged';
    await this.attempt('staff', r.row, (err) => staffColumnOf(err, role?.code), () => updateStaffCommand(this.tx, this.actor, this.now, before.id, parsed.data));
    return 'updated';
  }
}

/**
 * The column of the 人员 sheet a refused person's row is wrong in: a role
 * refusal at the main or the concurrent roles' column (whichever role it
 * names), a placement at the code that does not fit, a password or a phone at
 * its own; else the username, which names the person.
 */
function staffColumnOf(err: AppError, mainRoleCode: string | undefined): string {
  const details = (err.details ?? {}) as { code?: string; reason?: string; center?: boolean; department?: boolean };
  if (err.code.startsWith('PASSWORD_')) return 'initialPassword';
  if (err.code.startsWith('PHONE_')) return 'phone';
  switch (err.code) {
    case 'STAFF_ROLES_SEPARATED':
      return 'extraRoleCodes';
    case 'ROLE_NOT_FOUND':
    case 'ROLE_DEPARTMENT_MISMATCH':
      return details.code === undefined || details.code === mainRoleCode ? 'roleCode' : 'extraRoleCodes';
    case 'STAFF_ROLE_INVALID':
      return details.reason === 'department_required' ? 'departmentCode' : 'roleCode';
    case 'STAFF_PLACEMENT_INVALID':
      return details.center === false ? 'centerCode' : details.department === false ? 'departmentCode' : 'windowCode';
    case 'STAFF_LAST_ADMIN':
    case 'STAFF_OWN_ACCOUNT':
      return 'roleCode';
    default:
      return 'username';
  }
}

/** The organisation and its staff as the workbook the import reads (the staff without passwords). */
export async function exportOrganisation(q: Queryable): Promise<Buffer> {
  const org = await organisation(q);
  const centerCode = new Map(org.centers.map((c) => [c.id, c.code]));
  const departmentCode = new Map(org.departments.map((d) => [d.id, d.code]));
  const windowCode = new Map(org.windows.map((w) => [w.id, w.code]));
  const items = await itemCodes(q, org.windows.flatMap((w) => w.itemIds));
  const code = (map: Map<string, string>, id: string | null) => (id ? map.get(id) ?? '' : '');
  const yes = (b: boolean) => (b ? '是' : '否');
  // The first administrator of a new install has no center yet: no row until they are placed.
  const staff = (await listStaff(q)).filter((s) => s.centerId && s.status === 'active');
  return writeOrgWorkbook({
    centers: org.centers.map((c) => ({ code: c.code, name: c.name, level: LEVEL_LABELS[c.level]!, parentCode: code(centerCode, c.parentId), phone: c.phone ?? '', address: c.address ?? '', sortOrder: c.sortOrder })),
    departments: org.departments.map((d) => ({ code: d.code, name: d.name, centerCode: code(centerCode, d.centerId), parentCode: code(departmentCode, d.parentId), sortOrder: d.sortOrder, enabled: yes(d.enabled) })),
    windows: org.windows.map((w) => ({
      code: w.code, name: w.name, centerCode: code(centerCode, w.centerId), departmentCode: code(departmentCode, w.departmentId), hallPosition: w.hallPosition,
      phone: w.phone ?? '', items: w.itemIds.map((id) => items.get(id) ?? '').filter(Boolean).sort().join('、'), enabled: yes(w.enabled),
    })),
    staff: staff.map((s) => ({
      username: s.username, displayName: s.displayName, roleCode: s.roleCode ?? s.role, centerCode: code(centerCode, s.centerId), departmentCode: code(departmentCode, s.departmentId),
      windowCode: code(windowCode, s.windowId), phone: s.phone ?? '', secondFactor: yes(s.secondFactorRequired), initialPassword: '',
      extraRoleCodes: s.extraRoleCodes.join('、'),
    })),
  });
}

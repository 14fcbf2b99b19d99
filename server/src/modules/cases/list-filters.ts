import { z } from 'zod';
import { caseStatusSchema } from './schemas.ts';
import type { CaseListFilters } from '../../../../shared/case-list.ts';
import { dayStart, isoDate, prefixPattern } from '../../platform/http/list-query.ts';

/**
 * The filters the case lists (all cases, intake queue, my cases) and the
 * to-do list share, and the SQL conditions they become on `cases c`. Each is
 * served by an index of migration 0065 (status, department, item, applicant
 * account and the date range lead an index ending in the list's sort key;
 * case number and applicant name are prefix matches on a text_pattern_ops index).
 */
export const caseFilterQuery = {
  status: caseStatusSchema.optional().describe('办件状态 / case state'),
  departmentId: z.uuid().optional().describe('承办部门 / handling department'),
  itemId: z.uuid().optional().describe('办理事项 / service item'),
  from: isoDate.optional().describe('起始日期（含，北京时间）/ first day, inclusive (UTC+8)'),
  to: isoDate.optional().describe('截止日期（含，北京时间）/ last day, inclusive (UTC+8)'),
  caseNo: z.string().trim().min(1).max(40).optional().describe('办件编号（前缀）/ case number prefix'),
  applicant: z.string().trim().min(1).max(100).optional().describe('申请人姓名或名称（前缀）/ applicant name prefix'),
  order: z.enum(['asc', 'desc']).optional().describe('按时间升序或降序 / oldest or newest first'),
};

export interface CaseFilters extends CaseListFilters {
  order?: 'asc' | 'desc' | undefined;
}

/**
 * The filter conditions on `cases c`; `timeColumn` is the column the date
 * range applies to (submission for case lists, a step's arrival for the to-do).
 */
export function caseFilterSql(f: CaseFilters, param: (v: unknown) => string, timeColumn = 'c.submitted_at'): string[] {
  const where: string[] = [];
  if (f.status) where.push(`c.status = ${param(f.status)}`);
  if (f.departmentId) where.push(`c.department_id = ${param(f.departmentId)}::uuid`);
  if (f.itemId) where.push(`c.item_id = ${param(f.itemId)}::uuid`);
  if (f.from) where.push(`${timeColumn} >= ${param(dayStart(f.from))}`);
  if (f.to) where.push(`${timeColumn} < ${param(dayStart(f.to, 1))}`);
  if (f.caseNo) where.push(`c.case_no LIKE ${param(prefixPattern(f.caseNo.toUpperCase()))}`);
  if (f.applicant) where.push(`c.applicant_name LIKE ${param(prefixPattern(f.applicant))}`);
  return where;
}

import { z } from 'zod';
import type { Api } from '../http/app.ts';
import type { AppContext } from '../http/context.ts';
import { auditCsv, chainAuditPending, searchAudit, verifyAuditChain, type AuditFilter } from './log.ts';

const filterQuery = z.object({
  actor: z.string().trim().min(1).max(50).optional(),
  action: z.string().trim().min(1).max(60).optional(),
  targetId: z.string().trim().min(1).max(100).optional(),
  result: z.enum(['ok', 'refused']).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
});
const rowSchema = z.object({
  seq: z.number().int(), at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), actorRole: z.string().nullable(),
  action: z.string(), targetType: z.string(), targetId: z.string().nullable(), address: z.string().nullable(), result: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
/** At most this many rows in one export (narrow the filter for more). */
const EXPORT_LIMIT = 10_000;

const filterOf = (q: z.infer<typeof filterQuery>, limit: number, before?: number): AuditFilter => ({
  actor: q.actor, action: q.action, targetId: q.targetId, result: q.result,
  from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined, before, limit,
});

/**
 * 安全审计: the audit log for the audit administrator alone (三员分立: the system
 * administrator is refused, FORBIDDEN). Reading and exporting it are recorded in it too.
 */
export function registerAuditRoutes(app: Api, ctx: AppContext): void {
  const tags = ['audit'];

  app.get('/api/audit/log', {
    config: { roles: ['audit_admin'], duty: 'audit_admin', audit: { action: 'audit.read', targetType: 'audit_log', target: () => null } },
    schema: {
      tags, summary: '审计日志：查阅案卷、申请人信息和材料，以及组织机构和人员的每次变更（仅审计管理员；按时间倒序，可按操作人、操作、对象、结果、时间筛选）',
      querystring: filterQuery.extend({ before: z.coerce.number().int().min(1).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(rowSchema), nextBefore: z.number().int().nullable() }) },
    },
  }, async (req) => {
    // Everything committed before this read is in the chain, so the page shows it.
    await chainAuditPending(ctx.db);
    return searchAudit(ctx.db, filterOf(req.query, req.query.limit, req.query.before));
  });

  app.get('/api/audit/log/export', {
    config: { roles: ['audit_admin'], duty: 'audit_admin', audit: { action: 'audit.export', targetType: 'audit_log', target: () => null } },
    schema: { tags, summary: '导出审计日志（CSV，按当前筛选，最多一万条）', querystring: filterQuery },
  }, async (req, reply) => {
    await chainAuditPending(ctx.db);
    const { items } = await searchAudit(ctx.db, filterOf(req.query, EXPORT_LIMIT));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-log.csv"`)
      .send(auditCsv(items));
  });

  app.get('/api/audit/verify', {
    config: { roles: ['audit_admin'], duty: 'audit_admin' },
    schema: {
      tags, summary: '校验审计日志的哈希链（报告第一处断开：缺失、链接错误或内容被改）',
      response: { 200: z.object({ ok: z.boolean(), checked: z.number().int(), firstBroken: z.object({ seq: z.number().int(), reason: z.enum(['missing', 'link', 'hash']) }).nullable() }) },
    },
  }, async () => {
    await chainAuditPending(ctx.db);
    return verifyAuditChain(ctx.db);
  });
}

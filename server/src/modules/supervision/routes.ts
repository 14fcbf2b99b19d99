import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { queryTarget } from '../../platform/audit/hook.ts';
import { chainPending } from '../../platform/events/chain.ts';
import { verifyChain } from '../../platform/events/stream.ts';
import { pageOf, pageQuery } from '../../platform/http/page.ts';
import { eventFilterQuery, pageEvents } from './event-list.ts';
import { AppError } from '../../platform/errors.ts';
import { registerSourceDoors } from './source-doors.ts';
import { listSources, registerSource, rotateSourceKey, setSourceEnabled } from './sources.ts';
import { anomalies, attendance, caseView, findCaseNumbers, findings, overview, volumeAnomalies } from './queries.ts';
import { liveHub } from './live.ts';
import { liveStreams } from '../../platform/http/live-streams.ts';
import { SUPERVISION_ROLES } from './policy.ts';
import * as S from './schemas.ts';

const eventSchema = z.object({
  seq: z.number().int(),
  id: z.uuid(),
  type: z.string(),
  schemaVersion: z.number().int(),
  caseId: z.uuid().nullable(),
  caseNo: z.string().nullable(),
  departmentId: z.uuid().nullable(),
  actorId: z.uuid().nullable(),
  actorRole: z.string().nullable(),
  occurredAt: z.string(),
  payload: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

/**
 * The supervision platform's routes: the ingest door for sources, the
 * administration of sources, the monitoring reads (实时监察) over its own
 * projection and their live channel; and the window on this center's own
 * event stream and its chain check.
 */
export function registerSupervisionRoutes(app: Api, ctx: AppContext): void {
  registerSourceDoors(app, ctx);
  registerSourceRoutes(app, ctx);
  registerMonitoringRoutes(app, ctx);

  app.get('/api/supervision/events', {
    config: { roles: ['supervisor', 'supervision_leader', 'admin', 'manager'] },
    schema: {
      tags: ['supervision'], summary: '事件流（游标分页，按链序或最新在前；可按办件、类型、部门、日期过滤，afterSeq 实时跟随）',
      querystring: z.object({ ...eventFilterQuery, ...pageQuery }),
      response: { 200: pageOf(eventSchema) },
    },
  }, async (req) => {
    const { cursor, limit, ...filters } = req.query;
    await chainPending(ctx.db);
    return pageEvents(ctx.db, filters, { cursor, limit });
  });

  app.get('/api/supervision/chain', {
    config: { roles: ['supervisor', 'supervision_leader', 'admin', 'manager'] },
    schema: {
      tags: ['supervision'], summary: '校验事件哈希链',
      response: {
        200: z.object({
          ok: z.boolean(), checked: z.number().int(),
          firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
        }),
      },
    },
  }, async () => {
    await chainPending(ctx.db);
    return verifyChain(ctx.db);
  });
}

function registerSourceRoutes(app: Api, ctx: AppContext): void {
  app.get('/api/supervision/sources', {
    config: { roles: [...SUPERVISION_ROLES] },
    schema: { tags: ['supervision'], summary: '事件来源（接入的审批系统）列表', response: { 200: z.object({ items: z.array(S.sourceSchema) }) } },
  }, async () => {
    return { items: await listSources(ctx.db) };
  });

  app.post('/api/supervision/sources', {
    config: { roles: ['supervision_leader'] },
    schema: {
      tags: ['supervision'], summary: '登记事件来源（返回一次签名密钥，仅此一次）', body: S.newSourceSchema,
      response: { 201: S.sourceSchema.extend({ key: z.string() }) },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const created = await registerSource(ctx.db, req.body, actor.id, ctx.clock.now());
    return reply.status(201).send(created);
  });

  app.post('/api/supervision/sources/:id/key', {
    config: { roles: ['supervision_leader'] },
    schema: {
      tags: ['supervision'], summary: '更换来源的签名密钥（旧密钥立即失效）', params: z.object({ id: z.string().max(40) }),
      response: { 200: z.object({ key: z.string() }) },
    },
  }, async (req) => {
    return rotateSourceKey(ctx.db, req.params.id);
  });

  app.patch('/api/supervision/sources/:id', {
    config: { roles: ['supervision_leader'] },
    schema: {
      tags: ['supervision'], summary: '启用或停用事件来源', params: z.object({ id: z.string().max(40) }),
      body: z.object({ enabled: z.boolean() }), response: { 200: S.sourceSchema },
    },
  }, async (req) => {
    return setSourceEnabled(ctx.db, req.params.id, req.body.enabled);
  });

  app.get('/api/supervision/findings', {
    config: { roles: [...SUPERVISION_ROLES] },
    schema: { tags: ['supervision'], summary: '被拒收的事件批次与来源异常', response: { 200: z.object({ items: z.array(S.findingSchema) }) } },
  }, async () => {
    return { items: await findings(ctx.db) };
  });
}

function registerMonitoringRoutes(app: Api, ctx: AppContext): void {
  app.get('/api/supervision/overview', {
    config: { roles: [...SUPERVISION_ROLES] },
    schema: {
      tags: ['supervision'], summary: '综合监察：按部门或事项统计各状态办件数、按时与超期、预警与黄红牌',
      querystring: S.periodQuery.extend({ by: z.enum(['department', 'item']).default('department') }),
      response: { 200: z.object({ from: z.string(), to: z.string(), by: z.string(), rows: z.array(S.countRowSchema) }) },
    },
  }, async (req) => {
    const period = S.periodOf(req.query, ctx.clock.now());
    const rows = await overview(ctx.db, req.query.by, period, ctx.clock.now());
    return { ...period, by: req.query.by, rows };
  });

  app.get('/api/supervision/cases', {
    config: { roles: [...SUPERVISION_ROLES], audit: { action: 'case.list', targetType: 'case_query', target: queryTarget } },
    schema: {
      tags: ['supervision'], summary: '按办件编号前缀查找办件', querystring: z.object({ prefix: z.string().trim().min(1).max(40) }),
      response: { 200: z.object({ items: z.array(z.object({ caseNo: z.string(), itemName: z.string().nullable(), status: z.string() })) }) },
    },
  }, async (req) => {
    return { items: await findCaseNumbers(ctx.db, req.query.prefix.toUpperCase()) };
  });

  app.get('/api/supervision/cases/:caseNo', {
    config: { roles: [...SUPERVISION_ROLES], audit: { action: 'case.supervision_read', targetType: 'case_no', target: (req) => (req.params as { caseNo?: string }).caseNo ?? null } },
    schema: {
      tags: ['supervision'], summary: '过程监察：办件的五个阶段（受理、承办、审核、批准、办结）及其时间、办理人、时限与卡牌',
      params: z.object({ caseNo: z.string().trim().min(1).max(40) }),
      response: { 200: S.caseViewSchema },
    },
  }, async (req) => {
    const view = await caseView(ctx.db, req.params.caseNo.toUpperCase(), ctx.clock.now());
    if (!view) throw new AppError('SV_CASE_UNKNOWN');
    return view;
  });

  app.get('/api/supervision/anomalies', {
    config: { roles: [...SUPERVISION_ROLES] },
    schema: {
      tags: ['supervision'], summary: '异常程序监察：越序或跳过环节、无理由或无法律依据的不予受理、视为受理、重复告知、超时自动办结',
      querystring: S.periodQuery.extend({ kind: S.anomalyKind.optional() }),
      response: { 200: z.object({ from: z.string(), to: z.string(), items: z.array(S.anomalySchema) }) },
    },
  }, async (req) => {
    const period = S.periodOf(req.query, ctx.clock.now(), 30);
    return { ...period, items: await anomalies(ctx.db, period, req.query.kind) };
  });

  app.get('/api/supervision/volume', {
    config: { roles: [...SUPERVISION_ROLES] },
    schema: {
      tags: ['supervision'], summary: '办件数量异常监察：今日办件量与过去各周同一天同一时段相比超过三个标准差',
      querystring: z.object({ by: z.enum(['department', 'item']).default('department') }),
      response: { 200: z.object({ at: z.string(), weeks: z.number().int(), rows: z.array(S.volumeRowSchema) }) },
    },
  }, async (req) => {
    const now = ctx.clock.now();
    return { at: now.toISOString(), weeks: 8, rows: await volumeAnomalies(ctx.db, req.query.by, now) };
  });

  app.get('/api/supervision/attendance', {
    config: { roles: [...SUPERVISION_ROLES] },
    schema: {
      tags: ['supervision'], summary: '考勤：窗口人员当日签到签退与大厅办公时间对照', querystring: z.object({ day: S.dayString.optional() }),
      response: { 200: z.object({ day: z.string(), items: z.array(S.attendanceSchema) }) },
    },
  }, async (req) => {
    const day = req.query.day ?? S.chinaDay(ctx.clock.now());
    return { day, items: await attendance(ctx.db, day) };
  });

  app.get('/api/supervision/fees', {
    config: { roles: [...SUPERVISION_ROLES] },
    schema: {
      tags: ['supervision'], summary: '费用监察：收费事件（收费功能上线后才有）',
      response: { 200: z.object({ feeEventsKnown: z.boolean(), items: z.array(z.unknown()) }) },
    },
  }, async () => {
    // No approval system publishes fee events yet: there is nothing to watch, and the page says so.
    const known = await ctx.db.query("SELECT 1 FROM supervision.events WHERE type LIKE 'fee.%' LIMIT 1");
    return { feeEventsKnown: (known.rowCount ?? 0) > 0, items: [] };
  });

  // The live feeds, ended as the app starts closing.
  const feeds = liveStreams(app);
  app.get('/api/supervision/live', {
    config: { roles: [...SUPERVISION_ROLES] },
    schema: { tags: ['supervision'], summary: '实时推送（server-sent events）：有新事件入库时通知页面刷新' },
  }, async (req, reply) => {
    const hub = liveHub(ctx.db);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-content-type-options': 'nosniff' });
    res.write('retry: 3000\n\n');
    const send = (data: unknown) => res.write(`event: changed\ndata: ${JSON.stringify(data)}\n\n`);
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    hub.on('changed', send);
    const end = () => {
      if (!feeds.delete(end)) return;
      clearInterval(ping);
      hub.off('changed', send);
      res.end();
    };
    feeds.add(end);
    req.raw.on('close', end);
    res.on('error', end);
  });
}

import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { AppError } from '../../platform/errors.ts';
import { calendarYear } from './year-view.ts';
import { computeDeadline } from './rules.ts';
import { parsePauseArg } from './pauses.ts';
import { formatIsoDate } from './dates.ts';
import { clearCalendarDay, createCalendarRegion, importHolidayNotice, setCalendarDay, setCenterClock } from './commands.ts';
import { listCalendarEdits, listCalendarRegions, loadCalendar, loadCenterClock } from './queries.ts';
import { parseNoticeCsv, parseNoticeJson } from './notice.ts';
import { formatOfficeHours } from './office-hours.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const regionParam = z.string().regex(/^[A-Z][A-Z0-9_-]{1,15}$/);
const reason = z.string().max(200);
const dayState = z.object({ kind: z.enum(['workday', 'holiday']), name: z.string(), source: z.string() });
const dayChanged = z.object({ changed: z.boolean() });
const clockSettings = z.object({ region: z.string(), open: z.string(), close: z.string(), yellowWorkdays: z.number().int() });


/**
 * Calendar administration (admin edits; managers and supervisors read) and the
 * deadline calculator. An edit answers once it is stored: its event asks the
 * owners of open deadlines to recompute them in the background (the cases
 * module's recompute jobs, whose progress the calendar page shows).
 */
/**
 * The calendar's routes. The center whose clock they show and set is the
 * catalogue's (`centerOf`, given by the composition root): the calendar owns
 * the clock's settings, not the center.
 */
export function registerCalendarRoutes(app: Api, ctx: AppContext, centerOf: (q: Queryable) => Promise<string | null>): void {
  const centerId = async (): Promise<string> => {
    const id = await centerOf(ctx.db);
    if (!id) throw new AppError('NOT_FOUND', { what: 'center' });
    return id;
  };

  const readers = ['admin', 'manager', 'supervisor', 'clerk', 'approver', 'agency_head', 'government_head'] as const;

  app.get('/api/calendar/regions', {
    config: { roles: [...readers] },
    schema: { tags: ['calendar'], summary: '日历区域', response: { 200: z.array(z.object({ code: z.string(), name: z.string() })) } },
  }, async () => {
    return listCalendarRegions(ctx.db);
  });

  app.post('/api/calendar/regions', {
    config: { roles: ['admin'] },
    schema: { tags: ['calendar'], summary: '新建地区日历', body: z.object({ code: regionParam, name: z.string().max(40) }),
      response: { 201: z.object({ code: z.string() }) },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await createCalendarRegion(ctx, actor, req.body);
    return reply.status(201).send({ code: req.body.code });
  });

  app.get('/api/calendar/:region/years/:year', {
    config: { roles: [...readers] },
    schema: {
      tags: ['calendar'], summary: '某地区某年的每一天（工作日 / 休息日 / 节假日名称）',
      params: z.object({ region: regionParam, year: z.coerce.number().int().min(1900).max(2200) }),
      response: {
        200: z.object({
          region: z.string(), year: z.number().int(), knownThrough: z.string(),
          days: z.array(z.object({
            date: z.string(), weekday: z.string(), work: z.boolean(), name: z.string().nullable(), source: z.string(), provisional: z.boolean(),
          })),
        }),
      },
    },
  }, async (req) => {
    const cal = await loadCalendar(ctx.db, req.params.region);
    return { region: cal.region, year: req.params.year, knownThrough: formatIsoDate(cal.knownThrough), days: calendarYear(cal, req.params.year) };
  });

  app.put('/api/calendar/:region/days/:date', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['calendar'], summary: '设置某天为工作日或节假日（留痕并重算期限）',
      params: z.object({ region: regionParam, date: isoDate }),
      body: z.object({ kind: z.enum(['workday', 'holiday']), name: z.string().max(40), reason }),
      response: { 200: dayChanged },
    },
  }, async (req) => {
    const actor = requireActor(req);
    return setCalendarDay(ctx, actor, { region: req.params.region, date: req.params.date, ...req.body });
  });

  app.post('/api/calendar/:region/days/:date/clear', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['calendar'], summary: '撤销某天的调整，恢复默认',
      params: z.object({ region: regionParam, date: isoDate }), body: z.object({ reason }),
      response: { 200: dayChanged },
    },
  }, async (req) => {
    const actor = requireActor(req);
    return clearCalendarDay(ctx, actor, { region: req.params.region, date: req.params.date, reason: req.body.reason });
  });

  app.post('/api/calendar/:region/notice', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['calendar'], summary: '导入国务院年度节假日安排（CSV 或 JSON）',
      params: z.object({ region: regionParam }),
      body: z.object({ format: z.enum(['csv', 'json']), year: z.number().int().optional(), content: z.string().max(100_000) }),
      response: { 200: z.object({ year: z.number().int(), changedDays: z.array(z.string()) }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    let notice;
    if (req.body.format === 'csv') {
      if (!req.body.year) throw new AppError('VALIDATION_FAILED', { field: 'year' });
      notice = parseNoticeCsv(req.body.year, req.body.content);
    } else {
      let parsed: unknown;
      try {
        parsed = JSON.parse(req.body.content);
      } catch {
        throw new AppError('CALENDAR_NOTICE_INVALID', { problems: [{ row: 0, message: 'JSON 格式错误' }] });
      }
      notice = parseNoticeJson(parsed);
    }
    return importHolidayNotice(ctx, actor, { notice, region: req.params.region });
  });

  app.get('/api/calendar/:region/edits', {
    config: { roles: ['admin', 'manager', 'supervisor'] },
    schema: { tags: ['calendar'], summary: '日历修改记录（审计）', params: z.object({ region: regionParam }),
      response: {
        200: z.object({
          items: z.array(z.object({
            id: z.number().int(), date: z.string(), before: dayState.nullable(), after: dayState.nullable(), reason: z.string(),
            actorId: z.string().nullable(), actorRole: z.string().nullable(), at: z.date(),
          })),
        }),
      },
    },
  }, async (req) => {
    return { items: await listCalendarEdits(ctx.db, req.params.region) };
  });

  app.get('/api/calendar/settings', {
    config: { roles: [...readers] },
    schema: { tags: ['calendar'], summary: '本中心的日历区域、办公时间与黄灯阈值', response: { 200: clockSettings } },
  }, async () => {
    const cc = await loadCenterClock(ctx.db, await centerId());
    return { region: cc.region, ...formatOfficeHours(cc.hours), yellowWorkdays: cc.yellowWorkdays };
  });

  app.put('/api/calendar/settings', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['calendar'], summary: '设置办公时间与黄灯阈值',
      body: z.object({ region: regionParam, open: z.string().regex(/^\d{2}:\d{2}$/), close: z.string().regex(/^\d{2}:\d{2}$/), yellowWorkdays: z.number().int().min(0).max(30) }),
      response: { 200: z.object({ ok: z.boolean() }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    await setCenterClock(ctx, actor, { centerId: await centerId(), ...req.body });
    return { ok: true };
  });

  app.get('/api/calendar/deadline', {
    config: { roles: [...readers] },
    schema: {
      tags: ['calendar'], summary: '期限计算（与 tongban deadline 命令一致）',
      querystring: z.object({
        from: z.string().min(10).max(40),
        days: z.coerce.number().int().min(0).max(3650),
        unit: z.enum(['workday', 'day', 'hour']).default('workday'),
        region: regionParam.default('CN'),
        pause: z.union([z.string(), z.array(z.string())]).optional(),
      }),
      response: {
        200: z.object({
          due: z.string(), dueDate: z.string(), unit: z.enum(['workday', 'day', 'hour']), provisional: z.boolean(), region: z.string(),
          // The ledger's entries are a union of a dozen shapes (calendar/ledger.ts); the page shows its sentence.
          ledger: z.object({ entries: z.array(z.record(z.string(), z.unknown())), text: z.string() }),
        }),
      },
    },
  }, async (req) => {
    const pauses = [req.query.pause ?? []].flat().map(parsePauseArg);
    const cal = await loadCalendar(ctx.db, req.query.region);
    const cc = await loadCenterClock(ctx.db, await centerId());
    return computeDeadline(cal, { from: req.query.from, limit: req.query.days, unit: req.query.unit, pauses }, { hours: cc.hours });
  });
}

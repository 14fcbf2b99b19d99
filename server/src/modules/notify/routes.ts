import { z } from 'zod';
import type { Api } from '../../platform/http/app.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { withTx } from '../../platform/db/pool.ts';
import { noContent } from '../../platform/http/responses.ts';
import { contactsOf, updateOwnContact } from '../iam/index.ts';
import { maskEmail, maskPhone } from '../iam/index.ts';
import { markRead, resendDeadLetter, setPreference } from './commands.ts';
import { KIND_NAMES, kindSpec } from './kinds.ts';
import { listInbox, listOutbox, listPreferences, outboxDepth, sentLog, unreadCount } from './queries.ts';
import { loadTemplates, previewTemplate, requireKind, saveTemplate } from './templates.ts';
import { hubFor } from './hub.ts';
import { liveStreams } from '../../platform/http/live-streams.ts';
import {
  channelSchema, contactBody, contactSchema, depthSchema, idParams, inboxMessageSchema, inboxQuery, kindParams, outboxItemSchema,
  outboxQuery, preferenceSchema, readBody, sentLogSchema, templateBody, templateSchema, templateTextSchema,
} from './schemas.ts';
import { COMMON_VARS } from './kinds.ts';

/** The message centre (everyone signed in) and the administrators' notification pages. */
export function registerNotifyRoutes(app: Api, ctx: AppContext): void {
  // The unread-count streams, ended as the app starts closing.
  const streams = liveStreams(app);
  // ── Message centre ────────────────────────────────────────────────────────
  app.get('/api/notify/inbox', {
    schema: {
      tags: ['notify'], summary: '消息中心：本人的站内消息（新的在前）与未读数', querystring: inboxQuery,
      response: { 200: z.object({ unread: z.number().int(), items: z.array(inboxMessageSchema) }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const { page, pageSize, unread } = req.query;
    const items = await listInbox(ctx.db, actor.id, { unreadOnly: unread === '1', limit: pageSize, offset: (page - 1) * pageSize });
    return { unread: await unreadCount(ctx.db, actor.id), items: items as never };
  });

  app.get('/api/notify/unread', {
    schema: { tags: ['notify'], summary: '本人未读站内消息数', response: { 200: z.object({ unread: z.number().int() }) } },
  }, async (req) => ({ unread: await unreadCount(ctx.db, requireActor(req).id) }));

  app.post('/api/notify/inbox/read', {
    schema: {
      tags: ['notify'], summary: '标记已读（不带 ids 为全部已读）', body: readBody,
      response: { 200: z.object({ changed: z.number().int(), unread: z.number().int() }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const changed = await withTx(ctx.db, (tx) => markRead(tx, actor.id, ctx.clock.now(), req.body.ids ?? 'all'));
    return { changed, unread: await unreadCount(ctx.db, actor.id) };
  });

  // Server-sent events: the unread count now and after every new message (any node writes it; pg_notify tells this one).
  app.get('/api/notify/stream', { schema: { tags: ['notify'], summary: '未读数实时推送（text/event-stream）' } }, async (req, reply) => {
    const actor = requireActor(req);
    const hub = hubFor(ctx.db);
    const release = hub.acquire();
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    let closed = false;
    const push = async () => {
      if (closed) return;
      const unread = await unreadCount(ctx.db, actor.id).catch(() => null);
      if (unread !== null && !closed) res.write(`event: unread\ndata: ${JSON.stringify({ unread })}\n\n`);
    };
    const onInbox = (userId: string) => {
      if (userId === actor.id) void push();
    };
    hub.on('inbox', onInbox);
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    const end = () => {
      if (closed) return;
      closed = true;
      clearInterval(ping);
      hub.off('inbox', onInbox);
      release();
      streams.delete(end);
      res.end();
    };
    streams.add(end);
    req.raw.on('close', end);
    res.on('error', end);
    await push();
  });

  app.get('/api/notify/preferences', {
    schema: { tags: ['notify'], summary: '本人按通知种类选择的渠道', response: { 200: z.object({ items: z.array(preferenceSchema) }) } },
  }, async (req) => {
    const actor = requireActor(req);
    return { items: await listPreferences(ctx.db, actor.id, actor.role) };
  });

  app.put('/api/notify/preferences/:kind', {
    schema: {
      tags: ['notify'], summary: '选择某种通知的渠道（规则要求的渠道不能关闭）', params: kindParams,
      body: z.object({ channels: z.array(channelSchema).max(3) }), response: { 200: z.object({ kind: z.string(), channels: z.array(channelSchema) }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const kind = requireKind(req.params.kind);
    const channels = await withTx(ctx.db, (tx) => setPreference(tx, actor, ctx.clock.now(), kind, req.body.channels));
    return { kind, channels };
  });

  app.get('/api/notify/contact', {
    schema: { tags: ['notify'], summary: '本人接收通知的手机号与邮箱（掩码显示）', response: { 200: contactSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const c = (await contactsOf(ctx.db, [actor.id])).get(actor.id);
    return { phone: c?.phone ? maskPhone(c.phone) : null, email: c?.email ? maskEmail(c.email) : null };
  });

  app.put('/api/notify/contact', {
    schema: { tags: ['notify'], summary: '修改本人手机号（中国大陆手机号）或邮箱', body: contactBody, response: { 200: contactSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const c = await withTx(ctx.db, (tx) => updateOwnContact(tx, actor, ctx.clock.now(), req.body));
    return { phone: c.phone ? maskPhone(c.phone) : null, email: c.email ? maskEmail(c.email) : null };
  });

  // ── Administrators ────────────────────────────────────────────────────────
  app.get('/api/admin/notify/templates', {
    config: { roles: ['admin'] },
    schema: { tags: ['notify'], summary: '通知模板（每种通知的中英文标题与正文、可用变量）', response: { 200: z.object({ items: z.array(templateSchema) }) } },
  }, async () => {
    const templates = await loadTemplates(ctx.db);
    return {
      items: KIND_NAMES.map((kind) => {
        const spec = kindSpec(kind);
        return { ...templates.get(kind)!, label: spec.label, audience: spec.audience, variables: [...COMMON_VARS, ...spec.vars], aboutCase: spec.aboutCase, urgent: spec.urgent };
      }),
    };
  });

  app.put('/api/admin/notify/templates/:kind', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['notify'], summary: '修改通知模板（变量在保存时检查；带版本号防止覆盖他人修改）', params: kindParams, body: templateBody,
      response: { 200: z.object({ kind: z.string(), version: z.number().int() }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const kind = requireKind(req.params.kind);
    const { version, ...text } = req.body;
    const saved = await withTx(ctx.db, (tx) => saveTemplate(tx, actor, ctx.clock.now(), kind, text, version));
    return { kind, version: saved.version };
  });

  app.post('/api/admin/notify/templates/:kind/preview', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['notify'], summary: '模板预览（以示例数据填充；变量错误同保存）', params: kindParams, body: templateTextSchema,
      response: { 200: templateTextSchema },
    },
  }, async (req) => {
    return previewTemplate(requireKind(req.params.kind), req.body);
  });

  app.get('/api/admin/notify/outbox', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['notify'], summary: '已发送 / 待发送 / 投递失败（死信）的短信与邮件（号码掩码）', querystring: outboxQuery,
      response: { 200: z.object({ total: z.number().int(), items: z.array(outboxItemSchema) }) },
    },
  }, async (req) => {
    const { status, channel, page, pageSize } = req.query;
    return listOutbox(ctx.db, { status, channel, limit: pageSize, offset: (page - 1) * pageSize });
  });

  app.get('/api/admin/notify/outbox/:id/audit', {
    config: { roles: ['admin'] },
    schema: { tags: ['notify'], summary: '一条消息的发送审计（内容哈希、次数、网关编号）', params: idParams, response: { 200: z.object({ items: z.array(sentLogSchema) }) } },
  }, async (req) => {
    return { items: (await sentLog(ctx.db, req.params.id)) as never };
  });

  app.post('/api/admin/notify/outbox/:id/resend', {
    config: { roles: ['admin'] },
    schema: { tags: ['notify'], summary: '重发投递失败的消息', params: idParams, response: noContent },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await withTx(ctx.db, (tx) => resendDeadLetter(tx, actor, ctx.clock.now(), req.params.id));
    return reply.status(204).send(null);
  });

  app.get('/api/admin/notify/depth', {
    config: { roles: ['admin'] },
    schema: { tags: ['notify'], summary: '发件箱积压（按渠道）', response: { 200: z.object({ items: z.array(depthSchema) }) } },
  }, async () => {
    return { items: await outboxDepth(ctx.db, ctx.clock.now()) };
  });
}

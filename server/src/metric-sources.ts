import type { MetricSource } from './platform/ops/metrics.ts';
import { outboxDepth } from './modules/notify/index.ts';
import { recomputeBacklog } from './modules/cases/index.ts';
import { noticeBacklog } from './modules/supervision/index.ts';
import { logoutBacklog } from './modules/sso/index.ts';

/** What modules add to /metrics beside the platform's own figures (platform/ops/metrics.ts). */
export function metricSources(): MetricSource[] {
  return [
    {
      name: 'tongban_outbox_messages', help: 'Notification outbox messages by channel and state (pending, due, dead)', labels: ['channel', 'state'],
      read: async (ctx) => (await outboxDepth(ctx.db, ctx.clock.now())).flatMap((d) =>
        (['pending', 'due', 'dead'] as const).map((state) => ({ labels: { channel: d.channel, state }, value: d[state] }))),
    },
    {
      name: 'tongban_outbox_oldest_due_seconds', help: 'Age of the oldest due outbox message by channel', labels: ['channel'],
      read: async (ctx) => (await outboxDepth(ctx.db, ctx.clock.now())).map((d) => ({ labels: { channel: d.channel }, value: d.oldestDueSeconds })),
    },
    {
      name: 'tongban_deadline_recompute_backlog', help: 'Deadline recompute after calendar edits: cases left in running jobs (what=cases), jobs not started (what=queued_jobs)',
      labels: ['what'],
      read: async (ctx) => {
        const b = await recomputeBacklog(ctx.db);
        return [{ labels: { what: 'cases' }, value: b.cases }, { labels: { what: 'queued_jobs' }, value: b.queuedJobs }];
      },
    },
    {
      // A source that stops fetching its card notices (its puller down, or a
      // wrong key) leaves the people on its cards untold: alert on the age.
      name: 'tongban_supervision_card_notices_waiting', help: 'Supervision cards whose notices no node or source has taken yet, by source (what=cards), and the age of the oldest in seconds (what=oldest_seconds)',
      labels: ['source', 'what'],
      read: async (ctx) => ctx.config.role === 'approval' ? [] : (await noticeBacklog(ctx.db, ctx.clock.now())).flatMap((b) => [
        { labels: { source: b.sourceId, what: 'cards' }, value: b.cards },
        { labels: { source: b.sourceId, what: 'oldest_seconds' }, value: b.oldestSeconds },
      ]),
    },
    {
      // A connected system that stays down keeps its people signed in there: alert on failed tokens.
      name: 'tongban_sso_logout_tokens', help: 'Single sign-on back-channel logout tokens not delivered: still retried (state=pending), attempts ran out (state=failed)',
      labels: ['state'],
      read: async (ctx) => {
        const all = [...(await logoutBacklog(ctx.db)).values()];
        return (['pending', 'failed'] as const).map((state) => ({ labels: { state }, value: all.reduce((n, b) => n + b[state], 0) }));
      },
    },
  ];
}

import path from 'node:path';
import { filesRoot, type Config } from './platform/config.ts';
import { migrateSupervision } from './modules/supervision/index.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { openDatabase } from './platform/db/connect.ts';
import { migrate } from './platform/db/migrate.ts';
import type { App } from './platform/http/app.ts';
import { buildApp } from './app.ts';
import type { AppContext } from './platform/http/context.ts';
import { loadDemoCases, seedDemo, seedSupervisionAccounts } from './modules/demo/index.ts';
import { ensureFirstAdmin, type FirstAdmin } from './modules/iam/index.ts';
import { startSweeps } from './sweeps.ts';
import { EVENT_CHAIN, startChainer } from './platform/events/chain.ts';
import { AUDIT_CHAIN } from './platform/audit/log.ts';
import { startConsumers } from './platform/events/consumer.ts';
import { appConsumers } from './consumers.ts';
import { notifySettings, startCardNoticePuller, startNotifications } from './modules/notify/index.ts';
import { startSsoWorker } from './modules/sso/index.ts';
import { startRecomputeWorker } from './modules/cases/index.ts';
import type { Db } from './platform/db/pool.ts';
import type { ServerRole } from './platform/config.ts';
import { ownPublisherKey, supervisionPublisher, type PublishTarget } from './platform/events/publisher.ts';
import { ensureOwnSource, handOverToNotify, OWN_SOURCE_ID, OWN_SOURCE_NAME, startCardTracker, startSupervisionLive } from './modules/supervision/index.ts';

export interface RunningServer {
  app: App;
  ctx: AppContext;
  url: string;
  seeded: boolean;
  /** The administrator made on this start of an install without demo data: its sign-in, to print once. */
  firstAdmin: FirstAdmin | null;
  stop(): Promise<void>;
}

/** Demo data for the role: the whole center, or only the supervision office's accounts for a platform of its own. */
function seedForRole(db: Db, role: ServerRole): Promise<boolean> {
  return role === 'supervision' ? seedSupervisionAccounts(db) : seedDemo(db);
}

/**
 * Where the approval side publishes: the configured platform, or (when none
 * is) the supervision platform in this process, reached over HTTP at its own
 * address as a source created on first start.
 */
async function supervisionTarget(ctx: AppContext, ownUrl: string): Promise<PublishTarget> {
  if (ctx.config.supervision) return ctx.config.supervision;
  if (ctx.config.role === 'approval') throw new Error('以 approval 角色运行时须设置 TONGBAN_SUPERVISION_URL、TONGBAN_SUPERVISION_SOURCE 与 TONGBAN_SUPERVISION_KEY');
  const own = await ownPublisherKey(ctx.db, OWN_SOURCE_ID, ctx.clock.now());
  await ensureOwnSource(ctx.db, own.sourceId, OWN_SOURCE_NAME, own.key, ctx.clock.now());
  return { url: ownUrl, sourceId: own.sourceId, key: own.key };
}

/** Composition root: config → database → migrations → demo center → HTTP → sample cases → background work. */
export async function startServer(config: Config, opts: { clock?: Clock; log?: (line: string) => void; logRequests?: boolean } = {}): Promise<RunningServer> {
  const log = opts.log ?? (() => {});
  const database = await openDatabase(config, log);
  try {
    // The foundation (accounts, sessions, the platform's own event log) runs in every role;
    // the supervision platform's schema only where it runs.
    const applied = [...await migrate(database.db), ...(config.role !== 'approval' ? await migrateSupervision(database.db) : [])];
    if (applied.length) log(`已执行数据库迁移：${applied.join(', ')}`);
    const seeded = config.seedDemo ? await seedForRole(database.db, config.role) : false;
    if (seeded) log(config.role === 'supervision' ? '已载入电子监察平台演示账号' : '已载入演示数据（示范县政务服务中心）');
    // Without the demo center, the one account to start from (the supervision platform alone keeps its own accounts).
    const firstAdmin = !seeded && config.role !== 'supervision' ? await ensureFirstAdmin(database.db, (opts.clock ?? systemClock).now(), config.adminPassword) : null;
    const ctx: AppContext = {
      db: database.db,
      clock: opts.clock ?? systemClock,
      config,
      uploadsDir: path.join(filesRoot(config), 'uploads'),
    };
    // Unknown errors are logged (level error) with their correlation id; requests (level info) only on demand.
    const app = await buildApp(ctx, { serveWeb: true, logger: { level: opts.logRequests ? 'info' : config.logLevel } });
    await app.listen({ port: config.port, host: config.host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const ownUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
    const publishTo = config.role === 'supervision' ? undefined : await supervisionTarget(ctx, ownUrl);
    // This center's own cases are supervised in this process (the cards of any other source are fetched by it).
    const ownSource = config.role === 'all' && !config.supervision ? publishTo?.sourceId : undefined;
    // Sample cases only with a center just loaded: never into one already in use, never in tests (they seed without this path).
    // Told once the server listens: their events reach the supervision platform in this process over its ingest door.
    if (seeded && config.role !== 'supervision') {
      try {
        const supervised = ownSource && publishTo ? { publisher: supervisionPublisher(() => publishTo), sourceId: ownSource } : undefined;
        const n = await loadDemoCases(ctx, supervised);
        if (n) log(`已载入演示办件 ${n} 件（待受理、待补正、审批中、已办结、不予受理各有示例${supervised ? '；预警、黄牌、红牌各办理环节与窗口考勤各有示例' : ''}）`);
      } catch (err) {
        // The center works without them: say so and start.
        log(`演示办件未能载入：${(err as Error).message}`);
      }
    }
    const stopSweeps = config.role === 'supervision' ? () => {} : startSweeps(ctx, log, config.sweepIntervalMs);
    const stopChainer = startChainer(ctx.db, (err) => log(`事件链或审计日志链接续出错：${err.message}`), 100, [EVENT_CHAIN, AUDIT_CHAIN]);
    // Supervision raises its warnings and cards by itself, several times a second. The cards of this center's own
    // cases go straight to its notifications when both share this database; any other source fetches its own.
    const stopCards = config.role === 'approval'
      ? async () => {}
      : startCardTracker(ctx, (err) => log(`监察卡跟踪出错：${err.message}`), { handOver: ownSource ? (c) => handOverToNotify(c, [ownSource]) : undefined });
    // A supervision platform elsewhere keeps the notices of this center's cards until this side fetches and delivers them.
    const stopCardNotices = config.role !== 'supervision' && config.supervision
      ? startCardNoticePuller(ctx, config.supervision, (err) => log(`取回监察卡通知出错：${err.message}`))
      : async () => {};
    const consumers = startConsumers(ctx.db, config.role === 'supervision' ? [] : appConsumers(ctx, log, publishTo), {
      now: () => ctx.clock.now(),
      onError: (name, err) => log(`事件消费者「${name}」出错：${err.message}`),
    });
    const notifications = startNotifications(ctx, notifySettings(), log);
    // Logout tokens to the connected systems, sent and retried from their queue (docs/sso.md).
    const stopSso = config.role === 'supervision' ? async () => {} : startSsoWorker(ctx, (err) => log(`单点登录退出通知出错：${err.message}`));
    const stopRecompute = config.role === 'supervision' ? async () => {} : startRecomputeWorker(ctx, {
      onError: (err) => log(`期限重算出错：${err.message}`),
      onFinished: (jobId, moved) => moved && log(`日历变更后重算期限（任务 ${jobId}）：本节点移动 ${moved} 件办件的到期日`),
    });
    const stopLive = config.role === 'approval' ? async () => {} : await startSupervisionLive(ctx.db, log);
    return {
      app, ctx, seeded, firstAdmin,
      url: config.publicUrl ?? ownUrl,
      stop: async () => {
        await stopLive();
        stopSweeps();
        await stopCards();
        await stopCardNotices();
        await stopRecompute();
        await consumers.stop();
        await notifications.stop();
        await stopSso();
        await stopChainer();
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
}

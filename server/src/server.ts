import path from 'node:path';
import { filesRoot, type Config } from './platform/config.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { openDatabase } from './platform/db/connect.ts';
import { migrate } from './platform/db/migrate.ts';
import { migrateSupervision } from './modules/supervision/migrate.ts';
import { buildApp, type App } from './platform/http/app.ts';
import type { AppContext } from './platform/http/context.ts';
import { seedDemo } from './modules/demo/seed.ts';
import { loadDemoCases } from './modules/demo/cases.ts';
import { startSweeps } from './sweeps.ts';
import { startChainer } from './platform/events/chain.ts';
import { handOverToNotify, startCardTracker } from './modules/supervision/cards/index.ts';
import { startConsumers } from './platform/events/consumer.ts';
import { appConsumers } from './consumers.ts';
import { notifySettings, startNotifications } from './modules/notify/index.ts';
import { startRecomputeWorker } from './modules/cases/index.ts';

export interface RunningServer {
  app: App;
  ctx: AppContext;
  url: string;
  seeded: boolean;
  stop(): Promise<void>;
}

/** Composition root: config → database → migrations → demo data → HTTP. */
export async function startServer(config: Config, opts: { clock?: Clock; log?: (line: string) => void; logRequests?: boolean } = {}): Promise<RunningServer> {
  const log = opts.log ?? (() => {});
  const database = await openDatabase(config, log);
  try {
    const applied = [...await migrate(database.db), ...await migrateSupervision(database.db)];
    if (applied.length) log(`已执行数据库迁移：${applied.join(', ')}`);
    const seeded = config.seedDemo ? await seedDemo(database.db) : false;
    if (seeded) log('已载入演示数据（示范县政务服务中心）');
    const ctx: AppContext = {
      db: database.db,
      clock: opts.clock ?? systemClock,
      config,
      uploadsDir: path.join(filesRoot(config), 'uploads'),
    };
    // Sample cases only with a center just loaded: never into one already in use, never in tests (they seed without this path).
    if (seeded) {
      try {
        const n = await loadDemoCases(ctx);
        if (n) log(`已载入演示办件 ${n} 件（待受理、待补正、审批中、已办结、不予受理各有示例）`);
      } catch (err) {
        // The center works without them: say so and start.
        log(`演示办件未能载入：${(err as Error).message}`);
      }
    }
    // Unknown errors are logged (level error) with their correlation id; requests (level info) only on demand.
    const app = await buildApp(ctx, { serveWeb: true, logger: { level: opts.logRequests ? 'info' : config.logLevel } });
    await app.listen({ port: config.port, host: config.host });
    const stopSweeps = startSweeps(ctx, log, config.sweepIntervalMs);
    const stopChainer = startChainer(ctx.db, (err) => log(`事件链接续出错：${err.message}`));
    // Supervision raises its warnings and cards by itself, several times a second.
    const stopCards = startCardTracker(ctx, (err) => log(`监察卡跟踪出错：${err.message}`), { handOver: handOverToNotify });
    const consumers = startConsumers(ctx.db, appConsumers(ctx, log), {
      now: () => ctx.clock.now(),
      onError: (name, err) => log(`事件消费者「${name}」出错：${err.message}`),
    });
    const notifications = startNotifications(ctx, notifySettings(), log);
    const stopRecompute = startRecomputeWorker(ctx, {
      onError: (err) => log(`期限重算出错：${err.message}`),
      onFinished: (jobId, moved) => moved && log(`日历变更后重算期限（任务 ${jobId}）：本节点移动 ${moved} 件办件的到期日`),
    });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      app, ctx, seeded,
      url: config.publicUrl ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
      stop: async () => {
        stopSweeps();
        await stopCards();
        await stopRecompute();
        await consumers.stop();
        await notifications.stop();
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

import type { AppContext } from './platform/http/context.ts';
import { deemOverdueApplicationsAccepted } from './modules/cases/index.ts';
import { fireDueTimers, legalClockCalculator } from './modules/workflow/index.ts';
import { concludeEndedProcesses, loadClock } from './modules/cases/index.ts';
import { reportOverdueOwedMaterials } from './modules/intake/index.ts';
import { removeEndedSessions } from './modules/iam/index.ts';
import { removeExpiredIdempotencyKeys } from './platform/http/idempotency.ts';
import { warnStepDeadlinesDue } from './modules/notify/index.ts';

/** One background sweep: a query over indexed due times, safe on several nodes at once and after a crash. */
interface Sweep {
  name: string;
  run(ctx: AppContext): Promise<string | null>;
}

const SWEEPS: readonly Sweep[] = [
  {
    name: '第三十二条视为受理',
    run: async (ctx) => {
      const deemed = await deemOverdueApplicationsAccepted(ctx);
      return deemed.length ? `依第三十二条视为受理 ${deemed.length} 件` : null;
    },
  },
  {
    name: '容缺材料逾期',
    run: async (ctx) => {
      const overdue = await reportOverdueOwedMaterials(ctx);
      return overdue ? `容缺材料逾期未补：${overdue} 项` : null;
    },
  },
  {
    name: '流程定时器',
    run: async (ctx) => {
      const cc = await loadClock(ctx.db);
      await fireDueTimers({ db: ctx.db, clock: ctx.clock, dueDates: legalClockCalculator(cc.calendar) });
      // A timeout action that decided a case's last step ended its process: the case concludes too.
      const concluded = await concludeEndedProcesses(ctx);
      return concluded.length ? `流程超时自动办结 ${concluded.length} 件` : null;
    },
  },
  {
    name: '办理期限预警',
    run: async (ctx) => {
      const warned = await warnStepDeadlinesDue(ctx);
      return warned ? `办理期限预警 ${warned} 条` : null;
    },
  },
  {
    name: '清理已结束的会话',
    run: async (ctx) => {
      await removeEndedSessions(ctx);
      return null;
    },
  },
  {
    name: '清理过期的幂等键',
    run: async (ctx) => {
      await removeExpiredIdempotencyKeys(ctx.db, ctx.clock.now());
      return null;
    },
  },
];

/**
 * The background sweeps of one node: the 第三十二条 guard, owed 容缺
 * materials past due, steps' deadline warnings, ended sessions, idempotency keys past their retention, and the workflow engine's timers (timer events and step
 * timeout actions). All state is in rows, so an interval timer is enough to
 * drive them; each sweep has its own round and its own error, so one failing
 * never stops another. (Calendar edits are followed by a durable event
 * consumer, see consumers.ts.)
 */
export function startSweeps(ctx: AppContext, log: (line: string) => void, intervalMs = 30_000): () => void {
  const running = new Set<string>();
  const tick = () => {
    for (const sweep of SWEEPS) {
      if (running.has(sweep.name)) continue;
      running.add(sweep.name);
      void sweep.run(ctx)
        .then((line) => line && log(line))
        .catch((err: Error) => log(`后台任务「${sweep.name}」出错：${err.message}`))
        .finally(() => running.delete(sweep.name));
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}

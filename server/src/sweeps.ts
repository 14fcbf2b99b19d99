import type { AppContext } from './platform/http/context.ts';
import { applyCalendarChanges, deemOverdueApplicationsAccepted } from './modules/cases/index.ts';
import { fireDueTimers, legalClockCalculator } from './modules/workflow/engine/index.ts';
import { loadClock } from './modules/cases/clock.ts';
import { concludeEndedProcesses } from './modules/cases/process-end.ts';
import { reportOverdueOwedMaterials } from './modules/intake/commands.ts';

/**
 * The background sweeps of one node: the 第三十二条 guard, the deadline
 * recomputation after calendar changes, owed 容缺 materials past due, and the workflow engine's timers
 * (timer events and step timeout actions). Each sweep is a database query over
 * indexed due times, safe on several nodes at once and after a crash (all
 * state is in rows), so an interval timer is enough to drive them.
 */
export function startSweeps(ctx: AppContext, log: (line: string) => void, intervalMs = 30_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const deemed = await deemOverdueApplicationsAccepted(ctx);
      if (deemed.length) log(`依第三十二条视为受理 ${deemed.length} 件`);
      const moved = await applyCalendarChanges(ctx);
      if (moved) log(`日历变更后重算期限：${moved} 件办件到期日变化`);
      const overdue = await reportOverdueOwedMaterials(ctx);
      if (overdue) log(`容缺材料逾期未补：${overdue} 项`);
      const cc = await loadClock(ctx.db);
      await fireDueTimers({ db: ctx.db, clock: ctx.clock, dueDates: legalClockCalculator(cc.calendar) });
      // A timeout action that decided a case's last step ended its process: the case concludes too.
      const concluded = await concludeEndedProcesses(ctx);
      if (concluded.length) log(`流程超时自动办结 ${concluded.length} 件`);
    } catch (err) {
      log(`后台任务出错：${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/connect.ts';
import { chainPending } from '../platform/events/chain.ts';
import { verifyChain } from '../platform/events/stream.ts';

/** `tongban events verify [--json]`: walks the hash chain and reports the first broken link. */
export async function run(args: string[]): Promise<number> {
  if (args[0] !== 'verify') {
    console.error('用法：tongban events verify [--json]');
    return 2;
  }
  const database = await openDatabase(loadConfig(), () => {}, { attachToRunning: true });
  try {
    await chainPending(database.db);
    const report = await verifyChain(database.db);
    if (args.includes('--json')) console.log(JSON.stringify(report));
    else if (report.ok) console.log(`事件链完整：已校验 ${report.checked} 条事件`);
    else console.log(`事件链在第 ${report.firstBroken!.seq} 条处断开（${report.firstBroken!.reason}）；此前 ${report.checked} 条完好`);
    return report.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

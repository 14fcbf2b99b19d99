import fs from 'node:fs';
import path from 'node:path';
import { filesRoot, loadConfig } from '../platform/config.ts';
import { restoreBackup } from '../platform/db/backup.ts';
import { schemaParts } from '../schema-parts.ts';
import { DB_NAME } from '../platform/db/connect.ts';
import { startEmbeddedPg } from '../platform/db/embedded.ts';

/**
 * `tongban restore FILE`: replaces the embedded database and the data folder's
 * files with a backup's, after checking its counts and event chain. The server
 * must be stopped; what is replaced is kept once beside (see docs/backup.md).
 */
export async function run(args: string[]): Promise<number> {
  const [file] = args;
  if (!file || args.length > 1) {
    console.error('用法：tongban restore FILE（先停止通办服务）');
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`找不到备份文件：${file}`);
    return 2;
  }
  const config = loadConfig();
  if (config.databaseUrl) {
    console.error('已设置 DATABASE_URL：外部数据库请用其自身的工具（pg_restore）恢复；本命令只恢复嵌入式数据库');
    return 2;
  }
  let pgServer;
  try {
    pgServer = await startEmbeddedPg({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort });
  } catch (err) {
    console.error(`无法恢复：${(err as Error).message}`);
    return 1;
  }
  try {
    const report = await restoreBackup(path.resolve(file), filesRoot(config), schemaParts, (db) => pgServer.url(db), DB_NAME);
    const m = report.manifest;
    const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
    console.log(`恢复完成：${m.createdAt} 的备份`);
    console.log(`  ${Object.keys(m.tables).length} 张表 ${rows} 行，行数与备份一致；事件链完整（已校验 ${report.eventsVerified} 条）`);
    console.log(`  上传文件 ${m.files.uploads} 个，通知书 ${m.files.documents} 份`);
    console.log(`  被替换的数据保留在数据库 tongban_before_restore 与 ${path.join(filesRoot(config), 'before-restore')}（下次恢复时覆盖）`);
    return 0;
  } catch (err) {
    console.error(`恢复失败，现有数据未改动：${(err as Error).message}`);
    return 1;
  } finally {
    await pgServer.stop();
  }
}

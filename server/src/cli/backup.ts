import path from 'node:path';
import { filesRoot, loadConfig } from '../platform/config.ts';
import { writeBackup } from '../platform/db/backup.ts';
import { openDatabase } from '../platform/db/connect.ts';

/** `tongban backup FILE`: database, uploads and notices in one .tar.gz; safe while the server runs. */
export async function run(args: string[]): Promise<number> {
  const [file] = args;
  if (!file || args.length > 1) {
    console.error('用法：tongban backup FILE（例如 tongban backup /var/backups/tongban-$(date +%F).tar.gz）');
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config, () => {}, { attachToRunning: true });
  try {
    const m = await writeBackup(database.db, filesRoot(config), path.resolve(file), new Date());
    const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
    console.log(`备份完成：${path.resolve(file)}`);
    console.log(`  ${Object.keys(m.tables).length} 张表 ${rows} 行（事件 ${m.tables['public.events'] ?? 0} 条），上传文件 ${m.files.uploads} 个，通知书 ${m.files.documents} 份`);
    return 0;
  } finally {
    await database.close();
  }
}

import fs from 'node:fs';
import { loadConfig } from '../platform/config.ts';
import { startServer } from '../server.ts';
import { DEMO_PASSWORD, demoUsers } from '../modules/demo/index.ts';
import { accountExists } from '../modules/iam/index.ts';
import { webDistDir } from '../platform/http/app.ts';
import path from 'node:path';

const ROLE_LABEL: Record<string, string> = {
  applicant: '市民/企业', clerk: '窗口人员', approver: '审批人员', manager: '中心领导', supervisor: '监察人员', admin: '系统管理员',
  agency_head: '部门负责人', government_head: '政府负责人', supervision_leader: '监察负责人', audit_admin: '审计管理员', security_admin: '安全管理员',
};

/**
 * `tongban start [--role all|approval|supervision]`: runs the system in this
 * process until SIGINT/SIGTERM — everything (the default), the approval side
 * alone (publishing to TONGBAN_SUPERVISION_URL), or the supervision platform
 * alone with its own database.
 */
export async function run(args: string[]): Promise<number> {
  let config;
  try {
    const i = args.findIndex((a) => a === '--role' || a.startsWith('--role='));
    const role = i < 0 ? undefined : args[i]!.includes('=') ? args[i]!.slice('--role='.length) : args[i + 1];
    config = loadConfig(role === undefined ? process.env : { ...process.env, TONGBAN_ROLE: role });
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  let server;
  try {
    server = await startServer(config, { log: (l) => console.log(`[通办] ${l}`), logRequests: process.env.LOG_REQUESTS === '1' });
  } catch (err) {
    console.error(`[通办] 启动失败：${(err as Error).message}`);
    return 1;
  }
  const hasWeb = fs.existsSync(path.join(webDistDir, 'index.html'));
  console.log('');
  console.log(`通办 已启动${config.role === 'supervision' ? '（电子监察平台）' : config.role === 'approval' ? '（审批系统）' : ''}：${server.url}`);
  console.log(`  API 文档：${server.url}/api/docs`);
  if (!hasWeb) console.log('  （未找到 web/dist：请先运行 npm run build:web，或使用 npm start 自动构建）');
  if (server.firstAdmin) {
    const a = server.firstAdmin;
    console.log(`  系统管理员账号：${a.username}  密码：${a.generated ? a.password : '（TONGBAN_ADMIN_PASSWORD 所设）'}`);
    if (a.generated) console.log('  （密码只显示这一次：请记下，登录后在右上角“修改密码”中更换）');
  } else if (server.seeded || await accountExists(server.ctx.db, config.role === 'supervision' ? 'supervisor' : 'citizen')) {
    // A demo install (the accounts above are the demo's, not an administrator's own).
    console.log(`  演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const u of demoUsers.filter((x) => config.role !== 'supervision' || x.role === 'supervisor' || x.role === 'supervision_leader')) console.log(`    ${u.username.padEnd(14)} ${ROLE_LABEL[u.role]}  ${u.displayName}`);
  }
  console.log('按 Ctrl+C 停止。');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('[通办] 正在停止…');
  await server.stop();
  return 0;
}

/**
 * `tongban <command> …` — each command lives in its own module under
 * server/src/cli/ and exports `run(args): Promise<number>` (the exit code).
 */
const commands: Record<string, { summary: string; load: () => Promise<{ run(args: string[]): Promise<number> }> }> = {
  start: { summary: '启动服务（同 npm start）', load: () => import('./start.ts') },
  deadline: { summary: '计算办理期限并打印计算过程', load: () => import('./deadline.ts') },
  bpmn: { summary: 'bpmn check FILE… 校验 BPMN 2.0 流程定义', load: () => import('./bpmn.ts') },
  backup: { summary: 'backup FILE 备份数据库、上传文件与通知书（服务运行时亦可）', load: () => import('./backup.ts') },
  restore: { summary: 'restore FILE 从备份恢复（须先停止服务）', load: () => import('./restore.ts') },
  events: { summary: 'events verify 校验事件哈希链', load: () => import('./events.ts') },
  supervision: { summary: 'supervision scan --at 时刻 [--json] 预测届时的预警与红黄牌（不写入）', load: () => import('./supervision.ts') },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `用法：tongban <命令> [参数]\n\n命令：\n${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`未知命令：${name}\n\n${usage()}`);
    return 2;
  }
  const mod = await command.load();
  return mod.run(rest);
}

/**
 * `tongban bpmn check [--lang en] [--json] [--handlers a,b] FILE…` — runs the
 * process-definition validator over BPMN files and prints, per file, `ok` or
 * its findings. Findings never change the exit code (issue 3, item 8): it is
 * non-zero only when a file could not be read at all, or on a usage error.
 */
import fs from 'node:fs/promises';
import { validate, type Finding } from '../modules/workflow/index.ts';

interface Options {
  lang: 'zh' | 'en';
  json: boolean;
  knownHandlers?: string[];
  files: string[];
}

type FileReport = { file: string; readable: true; findings: Finding[] } | { file: string; readable: false; error: string };

const USAGE = `用法：tongban bpmn check [--lang en] [--json] [--handlers 名称,名称] 文件…

  --lang en      以英文输出（默认中文）
  --json         输出 JSON：[{file, readable, findings | error}]
  --handlers …   已注册的服务任务处理程序，逗号分隔；给出时检查 tongban:handler 是否在其中

每个文件输出“ok”或其发现的问题；仅当有文件完全无法读取时退出码非零。
`;

export async function run(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const options = command === 'check' ? parseOptions(rest) : undefined;
  if (!options) {
    process.stderr.write(USAGE);
    return 2;
  }
  const reports: FileReport[] = [];
  for (const file of options.files) reports.push(await check(file, options));
  process.stdout.write(options.json ? `${JSON.stringify(reports, null, 2)}\n` : reports.map((r) => formatText(r, options.lang)).join(''));
  return reports.every((r) => r.readable) ? 0 : 1;
}

function parseOptions(args: string[]): Options | undefined {
  const options: Options = { lang: 'zh', json: false, files: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--json') options.json = true;
    else if (flag === '--lang') {
      const lang = value();
      if (lang !== 'en' && lang !== 'zh') return undefined;
      options.lang = lang;
    } else if (flag === '--handlers') {
      const list = value();
      if (list === undefined) return undefined;
      options.knownHandlers = list.split(',').map((h) => h.trim()).filter((h) => h !== '');
    } else if (flag === '--') {
      options.files.push(...args.slice(i + 1));
      break;
    } else if (flag.startsWith('--')) return undefined;
    else options.files.push(arg);
  }
  return options.files.length > 0 ? options : undefined;
}

async function check(file: string, options: Options): Promise<FileReport> {
  let xml: string;
  try {
    xml = await fs.readFile(file, 'utf8');
  } catch (error) {
    return { file, readable: false, error: error instanceof Error ? error.message : String(error) };
  }
  const { findings } = await validate(xml, options.knownHandlers ? { knownHandlers: options.knownHandlers } : {});
  return { file, readable: true, findings };
}

function formatText(report: FileReport, lang: 'zh' | 'en'): string {
  if (!report.readable) return `${report.file}: ${lang === 'en' ? 'cannot read' : '无法读取'}: ${report.error}\n`;
  if (report.findings.length === 0) return `${report.file}: ok\n`;
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.length - errors;
  const summary = lang === 'en' ? `${errors} error(s), ${warnings} warning(s)` : `${errors} 个错误，${warnings} 个警告`;
  const lines = report.findings.map(
    (f) => `  ${f.severity.padEnd(7)} ${f.code} ${f.elementId ?? '-'} ${f.elementType ?? '-'} ${lang === 'en' ? f.en : f.zh}`,
  );
  return `${report.file}: ${summary}\n${lines.join('\n')}\n`;
}

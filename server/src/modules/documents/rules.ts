/**
 * The notices the law requires at each outcome of an application, as pure
 * text: titles, numbering, and what each notice says (docs/notices.md).
 * Rendering to PDF is render.ts; the case gathers the facts (cases/notices.ts).
 */
import { formatIsoDate, toShanghai } from '../calendar/index.ts';

export const NOTICE_KINDS = ['acceptance', 'refusal', 'supplement', 'conclusion'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_TITLES: Record<NoticeKind, string> = {
  acceptance: '受理通知书',
  refusal: '不予受理通知书',
  supplement: '补正材料通知书（一次性告知书）',
  conclusion: '办结通知书',
};

/** The word before 字 in a notice number: 受字〔2026〕第 0001 号. */
const NUMBER_PREFIX: Record<NoticeKind, string> = { acceptance: '受', refusal: '不受', supplement: '补', conclusion: '结' };

/** A notice number, counted per kind per calendar year (Beijing time). */
export function formatDocumentNo(kind: NoticeKind, year: number, seq: number): string {
  return `${NUMBER_PREFIX[kind]}字〔${year}〕第 ${String(seq).padStart(4, '0')} 号`;
}

/** The year of an instant in Beijing time: a notice issued on 1 January 00:30 belongs to the new year. */
export function shanghaiYear(at: Date): number {
  return Number(formatIsoDate(toShanghai(at).day).slice(0, 4));
}

/** The public progress page for a case; the web UI prefills and looks it up. */
export function progressUrl(base: string, caseNo: string, queryCode: string): string {
  const url = new URL('/progress', base);
  url.searchParams.set('caseNo', caseNo);
  url.searchParams.set('queryCode', queryCode);
  return url.toString();
}

/** 2026年9月24日 (Beijing time). */
export function chineseDate(at: Date): string {
  const [y, m, d] = formatIsoDate(toShanghai(at).day).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/**
 * A due moment from the clock (`2026-10-09T17:30:00+08:00`) as printed: the
 * day, with the time only for limits counted in office hours; 暂定 when the
 * next year's holidays were not yet published.
 */
export function chineseDue(iso: string, unit: string, provisional: boolean): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  const time = unit === 'hour' ? ` ${iso.slice(11, 16)}` : '';
  return `${y}年${Number(m)}月${Number(d)}日${time}${provisional ? '（暂定）' : ''}`;
}

export interface SupplementLine {
  name: string;
  problem: 'missing' | 'irregular';
  note: string;
}

/** Everything a notice prints, gathered inside the outcome's transaction. */
export interface NoticeFacts {
  kind: NoticeKind;
  number: string;
  center: { name: string; phone: string | null; address: string | null };
  window: { name: string; phone: string | null } | null;
  applicantName: string;
  caseNo: string;
  queryCode: string;
  itemName: string;
  departmentName: string;
  receivedAt: Date;
  acceptedAt: Date | null;
  /** Refusal or conclusion. */
  decidedAt: Date | null;
  deemedAccepted: boolean;
  /** From the case clock, once accepted. */
  due: { promised: string; legal: string; provisional: boolean; unit: string } | null;
  /** 容缺受理: the materials still owed and the day each is due (YYYY-MM-DD). */
  owed?: { name: string; dueDate: string }[] | undefined;
  /** 不予受理: the reason told to the applicant. */
  reason?: string | undefined;
  /** 一次性告知: every material to correct. */
  supplement?: { items: SupplementLine[]; note: string } | undefined;
  /** 办结: the decision and the approver's opinion. */
  decision?: { outcome: 'approved' | 'denied'; opinion: string } | undefined;
  issuedAt: Date;
  progressUrl: string;
}

/** A notice as text blocks, in print order; render.ts lays them out. */
export interface NoticeContent {
  heading: string;
  title: string;
  number: string;
  salutation: string;
  paragraphs: string[];
  table: { columns: string[]; widths: number[]; rows: string[][] } | null;
  closing: string[];
  facts: [string, string][];
  contact: string[];
  qr: { url: string; caption: string[] };
  issuer: string;
  issueDate: string;
}

const PROBLEM_TEXT: Record<SupplementLine['problem'], string> = { missing: '缺少该材料', irregular: '不符合法定形式' };

// 行政复议法 第二十条 (sixty days) and 行政诉讼法 第四十六条 (six months).
const REMEDIES = '可以自收到本通知书之日起六十日内依法申请行政复议，或者自知道或者应当知道作出行政行为之日起六个月内依法向人民法院提起行政诉讼。';

function facts(f: NoticeFacts, rows: ('received' | 'accepted' | 'decided' | 'noticed' | 'due')[]): [string, string][] {
  const out: [string, string][] = [
    ['申请人', f.applicantName],
    ['办件编号', f.caseNo],
    ['办理事项', f.itemName],
    ['承办部门', f.departmentName],
  ];
  for (const r of rows) {
    if (r === 'received') out.push(['收件日期', chineseDate(f.receivedAt)]);
    if (r === 'accepted' && f.acceptedAt) out.push([f.deemedAccepted ? '视为受理日期' : '受理日期', chineseDate(f.acceptedAt)]);
    if (r === 'noticed') out.push(['告知日期', chineseDate(f.issuedAt)]);
    if (r === 'decided' && f.decidedAt) out.push([f.kind === 'refusal' ? '决定日期' : '办结日期', chineseDate(f.decidedAt)]);
    if (r === 'due' && f.due) {
      let promised = chineseDue(f.due.promised, f.due.unit, f.due.provisional);
      if (f.kind === 'conclusion' && f.decidedAt) promised += f.decidedAt.getTime() <= new Date(f.due.promised).getTime() ? '（按期办结）' : '（超期办结）';
      out.push(['承诺办结期限', promised], ['法定办结期限', chineseDue(f.due.legal, f.due.unit, f.due.provisional)]);
    }
  }
  return out;
}

/** What a notice of the given facts says, block by block. */
export function composeNotice(f: NoticeFacts): NoticeContent {
  const opening = `你（单位）于${chineseDate(f.receivedAt)}提交的“${f.itemName}”申请（办件编号：${f.caseNo}）`;
  let paragraphs: string[];
  let closing: string[] = [];
  let table: NoticeContent['table'] = null;
  let rows: Parameters<typeof facts>[1];
  switch (f.kind) {
    case 'acceptance':
      if (f.deemedAccepted) {
        paragraphs = [`${opening}，本机关未在收到申请材料之日起五个工作日内一次性告知需要补正的全部内容。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，自收到申请材料之日起即为受理。`];
      } else if (f.owed && f.owed.length > 0) {
        // 容缺受理: the main materials are complete; the owed ones are listed with their days, and the result waits for them.
        paragraphs = [
          `${opening}，基本申请材料齐全、符合法定形式，所缺材料属于可以容缺受理的次要材料。本机关决定予以容缺受理。`,
          '下列材料请在补交期限内补齐；全部补齐后方可出具办理结果，逾期未补齐的，本机关将依法作出处理：',
        ];
        table = {
          columns: ['序号', '尚需补交的材料', '补交期限'],
          widths: [36, 290, 141],
          rows: f.owed.map((o, n) => [String(n + 1), o.name, chineseDue(o.dueDate, 'day', false)]),
        };
      } else {
        paragraphs = [`${opening}，申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，本机关决定予以受理。`];
      }
      paragraphs.push('本机关将在承诺办结期限内作出决定。依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在期限内（《中华人民共和国行政许可法》第四十五条），届时将书面告知。');
      rows = ['received', 'accepted', 'due'];
      break;
    case 'refusal':
      paragraphs = [
        `${opening}，经审查，本机关决定不予受理。`,
        `不予受理的理由：${f.reason ?? ''}`,
        `根据《中华人民共和国行政许可法》第三十二条的规定，特此书面告知。你（单位）如对本决定不服，${REMEDIES}`,
      ];
      rows = ['received', 'decided'];
      break;
    case 'supplement': {
      const s = f.supplement ?? { items: [], note: '' };
      paragraphs = [`${opening}，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知你（单位）需要补正的全部内容如下：`];
      table = {
        columns: ['序号', '材料名称', '问题', '补正要求'],
        widths: [36, 190, 92, 149],
        rows: s.items.map((i, n) => [String(n + 1), i.name, PROBLEM_TEXT[i.problem], i.note || (i.problem === 'missing' ? '请补充提交' : '请按要求更正后提交')]),
      };
      if (s.note) closing.push(`其他说明：${s.note}`);
      closing.push('请按上述要求一次性补正全部材料后重新提交。补正的申请材料齐全、符合法定形式的，本机关将予以受理；本通知书所列以外的内容，本机关不再要求补正。');
      rows = ['received', 'noticed'];
      break;
    }
    case 'conclusion': {
      const d = f.decision ?? { outcome: 'approved', opinion: '' };
      const accepted = f.acceptedAt ? `，本机关已于${chineseDate(f.acceptedAt)}受理` : '';
      if (d.outcome === 'approved') {
        paragraphs = [`${opening}${accepted}。经审查，本机关决定：准予许可。`, `审批意见：${d.opinion}`];
        if (f.window) closing = [`请携带本通知书和有效身份证件到${f.window.name}领取办理结果。`];
      } else {
        paragraphs = [
          `${opening}${accepted}。经审查，本机关决定：不予许可。`,
          `理由：${d.opinion}`,
          // 行政许可法 第三十八条第二款: a refusal states its reasons and the right to appeal.
          `根据《中华人民共和国行政许可法》第三十八条第二款的规定，你（单位）享有依法申请行政复议或者提起行政诉讼的权利：${REMEDIES}`,
        ];
      }
      rows = ['received', 'accepted', 'decided', 'due'];
      break;
    }
  }
  const contact: string[] = [];
  if (f.window) contact.push(`办理窗口：${f.window.name}${f.window.phone ? `\u3000电话：${f.window.phone}` : ''}`);
  if (f.center.address) contact.push(`中心地址：${f.center.address}`);
  if (f.center.phone) contact.push(`咨询电话：${f.center.phone}`);
  return {
    heading: f.center.name,
    title: NOTICE_TITLES[f.kind],
    number: f.number,
    salutation: `${f.applicantName}：`,
    paragraphs,
    table,
    closing,
    facts: facts(f, rows),
    contact,
    qr: { url: f.progressUrl, caption: ['扫码查询办理进度', `办件编号：${f.caseNo}`, `查询码：${f.queryCode}`] },
    issuer: f.center.name,
    issueDate: chineseDate(f.issuedAt),
  };
}

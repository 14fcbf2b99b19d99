/**
 * Every kind of notification: who it is for, the variables its template may
 * use, its built-in Chinese and English texts, its default channels and the
 * channels a person cannot turn off. Pure data, read by the decider, the
 * template checks and the preferences.
 */

export type Channel = 'sms' | 'email' | 'inapp';
export const CHANNELS: readonly Channel[] = ['sms', 'email', 'inapp'];

export type Audience = 'applicant' | 'staff';

export interface KindSpec {
  audience: Audience;
  /** Variables the template may use besides the common ones. */
  vars: readonly string[];
  /** About a case: every SMS names its case number. */
  aboutCase: boolean;
  /** Ignores quiet hours. */
  urgent: boolean;
  defaults: readonly Channel[];
  /** Channels the person cannot turn off. */
  mandatory: readonly Channel[];
  label: { zh: string; en: string };
  zh: { title: string; body: string };
  en: { title: string; body: string };
}

/** Variables every template may use. */
export const COMMON_VARS = ['center', 'name'] as const;

const ALL: readonly Channel[] = ['inapp', 'sms', 'email'];
const CASE = ['caseNo', 'itemName', 'applicantName'] as const;
const STEP = [...CASE, 'stepName', 'dueDate', 'actorName'] as const;

function applicant(vars: readonly string[], label: [string, string], zh: [string, string], en: [string, string]): KindSpec {
  return {
    audience: 'applicant', vars: [...CASE, ...vars], aboutCase: true, urgent: false, defaults: ALL, mandatory: [],
    label: { zh: label[0], en: label[1] }, zh: { title: zh[0], body: zh[1] }, en: { title: en[0], body: en[1] },
  };
}

function staff(
  vars: readonly string[], label: [string, string], zh: [string, string], en: [string, string],
  opts: { aboutCase?: boolean; urgent?: boolean; mandatory?: readonly Channel[] } = {},
): KindSpec {
  return {
    audience: 'staff', vars, aboutCase: opts.aboutCase ?? true, urgent: opts.urgent ?? false, defaults: ALL,
    mandatory: opts.mandatory ?? [], label: { zh: label[0], en: label[1] }, zh: { title: zh[0], body: zh[1] }, en: { title: en[0], body: en[1] },
  };
}

const CARD_CHANNELS: readonly Channel[] = ['inapp', 'sms'];

export const KINDS = {
  'case.received': applicant([], ['申请已收到', 'Application received'],
    ['申请已收到', '【{center}】{name}您好，您申请的{itemName}已收到，办件编号{caseNo}，请等待受理。'],
    ['Application received', '[{center}] Your application for {itemName} has been received, case {caseNo}. Please wait for acceptance.']),
  'case.accepted': applicant(['dueDate'], ['已受理', 'Accepted'],
    ['申请已受理', '【{center}】您申请的{itemName}已受理，办件编号{caseNo}，承诺办结日期{dueDate}。'],
    ['Application accepted', '[{center}] Your application for {itemName} was accepted, case {caseNo}, promised by {dueDate}.']),
  'case.refused': applicant(['reason'], ['不予受理', 'Refused'],
    ['申请不予受理', '【{center}】您申请的{itemName}（办件编号{caseNo}）不予受理，理由：{reason}。'],
    ['Application refused', '[{center}] Your application for {itemName} (case {caseNo}) was refused: {reason}.']),
  'case.supplement': applicant(['reason'], ['补正告知', 'Supplement notice'],
    ['请补正材料', '【{center}】您申请的{itemName}（办件编号{caseNo}）需补正材料：{reason}。请登录门户查看一次性告知。'],
    ['Please supplement materials', '[{center}] Case {caseNo} ({itemName}) needs more materials: {reason}. See the notice on the portal.']),
  'case.concluded': applicant(['result'], ['已办结', 'Concluded'],
    ['办件已办结', '【{center}】您申请的{itemName}（办件编号{caseNo}）已办结，结果：{result}。'],
    ['Case concluded', '[{center}] Your case {caseNo} ({itemName}) has concluded: {result}.']),
  'task.assigned': staff(STEP, ['新的待办', 'New step to handle'],
    ['新的待办', '【{center}】您有新的待办：办件{caseNo}（{itemName}）“{stepName}”，办理期限{dueDate}。'],
    ['New step to handle', '[{center}] New step for you: case {caseNo} ({itemName}) "{stepName}", due {dueDate}.']),
  'task.returned': staff(STEP, ['退回', 'Step returned'],
    ['办件被退回', '【{center}】办件{caseNo}（{itemName}）已被{actorName}退回到“{stepName}”，请重新办理。'],
    ['Step returned', '[{center}] Case {caseNo} ({itemName}) was returned to "{stepName}" by {actorName}.']),
  'task.transferred': staff(STEP, ['转办', 'Transferred'],
    ['转办给您', '【{center}】{actorName}将办件{caseNo}（{itemName}）的“{stepName}”转办给您。'],
    ['Step transferred to you', '[{center}] {actorName} transferred "{stepName}" of case {caseNo} ({itemName}) to you.']),
  'task.delegated': staff(STEP, ['委派', 'Delegated'],
    ['委派给您', '【{center}】{actorName}将办件{caseNo}（{itemName}）的“{stepName}”委派给您办理。'],
    ['Step delegated to you', '[{center}] {actorName} delegated "{stepName}" of case {caseNo} ({itemName}) to you.']),
  'task.copied': staff(STEP, ['抄送', 'Copied'],
    ['抄送给您', '【{center}】{actorName}将办件{caseNo}（{itemName}）抄送给您，请查阅。'],
    ['Case copied to you', '[{center}] {actorName} copied case {caseNo} ({itemName}) to you.']),
  'task.urged': staff(STEP, ['催办', 'Urged'],
    ['催办', '【{center}】{actorName}催办：办件{caseNo}（{itemName}）“{stepName}”请尽快办理，期限{dueDate}。'],
    ['Please hurry', '[{center}] {actorName} urges "{stepName}" of case {caseNo} ({itemName}), due {dueDate}.']),
  'task.deadline_warning': staff([...STEP, 'workdaysLeft'], ['办理期限预警', 'Step deadline warning'],
    ['办理期限预警', '【{center}】办件{caseNo}（{itemName}）“{stepName}”将于{dueDate}到期，还剩{workdaysLeft}个工作日，请抓紧办理。'],
    ['Step deadline approaching', '[{center}] "{stepName}" of case {caseNo} ({itemName}) is due {dueDate}: {workdaysLeft} working day(s) left.']),
  'task.deadline': staff(STEP, ['办理期限已到', 'Step deadline reached'],
    ['办理期限已到', '【{center}】办件{caseNo}（{itemName}）“{stepName}”已到办理期限{dueDate}，请立即办理。'],
    ['Step deadline reached', '[{center}] "{stepName}" of case {caseNo} ({itemName}) reached its deadline {dueDate}.']),
  'supervision.warning': staff([...CASE, 'stepName', 'reason', 'dueDate'], ['监察预警', 'Supervision warning'],
    ['电子监察预警', '【{center}】电子监察预警：办件{caseNo}“{stepName}”{reason}，期限{dueDate}。'],
    ['Supervision warning', '[{center}] Supervision warning: case {caseNo} "{stepName}" {reason}, due {dueDate}.'],
    { mandatory: CARD_CHANNELS }),
  'supervision.yellow_card': staff([...CASE, 'stepName', 'reason', 'dueDate'], ['黄牌', 'Yellow card'],
    ['电子监察黄牌', '【{center}】电子监察黄牌：办件{caseNo}“{stepName}”{reason}，请立即纠正。'],
    ['Supervision yellow card', '[{center}] Yellow card: case {caseNo} "{stepName}" {reason}. Correct it now.'],
    { mandatory: CARD_CHANNELS }),
  'supervision.red_card': staff([...CASE, 'stepName', 'reason', 'dueDate'], ['红牌', 'Red card'],
    ['电子监察红牌', '【{center}】电子监察红牌：办件{caseNo}“{stepName}”{reason}。'],
    ['Supervision red card', '[{center}] Red card: case {caseNo} "{stepName}" {reason}.'],
    { urgent: true, mandatory: CARD_CHANNELS }),
  'complaint.received': staff(['ticketNo', 'subject', 'dueDate'], ['收到投诉', 'Complaint received'],
    ['收到投诉', '【{center}】收到投诉{ticketNo}：{subject}，请于{dueDate}前答复。'],
    ['Complaint received', '[{center}] Complaint {ticketNo}: {subject}. Answer by {dueDate}.'],
    { aboutCase: false }),
  'complaint.answered': {
    ...applicant([], ['投诉已答复', 'Complaint answered'],
      ['投诉已答复', '【{center}】您的投诉{ticketNo}已答复，请登录门户或凭查询码查看。'],
      ['Complaint answered', '[{center}] Your complaint {ticketNo} has been answered; see it on the portal.']),
    vars: ['ticketNo', 'subject'], aboutCase: false,
  },
  'rating.bad': staff([...CASE, 'level'], ['差评', 'Bad review'],
    ['收到差评', '【{center}】办件{caseNo}（{itemName}）收到差评（{level}），请督促整改。'],
    ['Bad review', '[{center}] Case {caseNo} ({itemName}) received a bad review ({level}). Please see to rectification.']),
} as const satisfies Record<string, KindSpec>;

export type Kind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as Kind[];

export function isKind(value: string): value is Kind {
  return Object.hasOwn(KINDS, value);
}

export function kindSpec(kind: Kind): KindSpec {
  return KINDS[kind];
}

/** The channels a person gets for a kind: their choice (or the defaults) plus what they cannot turn off. */
export function channelsFor(kind: Kind, chosen: readonly Channel[] | undefined): Channel[] {
  const spec = kindSpec(kind);
  const set = new Set<Channel>([...(chosen ?? spec.defaults), ...spec.mandatory]);
  return CHANNELS.filter((c) => set.has(c));
}

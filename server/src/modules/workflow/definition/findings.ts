/**
 * The validator's findings: one stable code per kind of problem, a severity
 * fixed per code, and a plain sentence in Chinese and in English. Codes are
 * the contract (tests and the designer branch on them); sentences may improve.
 * The list is documented in docs/bpmn-support.md.
 */

export type Severity = 'error' | 'warning';

/** One thing the validator found; `error` means the definition cannot be deployed. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The element concerned; null for findings about the whole file. */
  elementId: string | null;
  /** Its BPMN type, e.g. 'bpmn:ManualTask'; null for findings about the whole file. */
  elementType: string | null;
  zh: string;
  en: string;
}

interface Spec<P> {
  severity: Severity;
  zh: (p: P) => string;
  en: (p: P) => string;
}

const spec = <P = Record<string, never>>(s: Spec<P>): Spec<P> => s;

type Detail = { detail: string };
type Kind = { kind: string; kindZh: string };
type Expr = { source: string; position: number; zh: string; en: string };

const FINDINGS = {
  XML_MALFORMED: spec<Detail>({
    severity: 'error',
    zh: (p) => `文件不是可读取的 BPMN 2.0 XML：${p.detail}`,
    en: (p) => `The file is not readable BPMN 2.0 XML: ${p.detail}`,
  }),
  XML_WARNING: spec<Detail>({
    severity: 'warning',
    zh: (p) => `读取 XML 时有内容被忽略：${p.detail}`,
    en: (p) => `Some XML content was ignored while reading: ${p.detail}`,
  }),
  NO_PROCESS: spec({
    severity: 'error',
    zh: () => '文件中没有包含流程元素的流程（bpmn:process）',
    en: () => 'The file has no process (bpmn:process) with flow elements',
  }),
  PROCESS_CHOSEN: spec<{ chosen: string; count: number; others: string }>({
    severity: 'warning',
    zh: (p) => `文件包含 ${p.count} 个流程，只执行 ${p.chosen}；其余流程（${p.others}）被忽略`,
    en: (p) => `The file holds ${p.count} processes; only ${p.chosen} is executed, the others (${p.others}) are ignored`,
  }),
  UNSUPPORTED_ELEMENT: spec<Kind>({
    severity: 'error',
    zh: (p) => `${p.kindZh}无法执行，请改用支持的元素`,
    en: (p) => `${p.kind} cannot be executed; use a supported element instead`,
  }),
  UNSUPPORTED_EVENT: spec<Kind>({
    severity: 'error',
    zh: (p) => `不支持${p.kindZh}`,
    en: (p) => `${p.kind} is not supported`,
  }),
  UNTYPED_TASK: spec({
    severity: 'error',
    zh: () => '任务未指定类型，请改为用户任务、服务任务或接收任务',
    en: () => 'The task has no type; make it a user task, service task or receive task',
  }),
  LOOP_UNSUPPORTED: spec<{ what: 'standard' | 'multiInstance' }>({
    severity: 'error',
    zh: (p) => (p.what === 'standard' ? '不支持标准循环（standardLoopCharacteristics），请用回退连线表达循环' : '只有用户任务支持多实例'),
    en: (p) => (p.what === 'standard' ? 'Standard loops are not supported; model the loop with a flow back' : 'Only user tasks can be multi-instance'),
  }),
  NO_START_EVENT: spec<{ scope: 'process' | 'subProcess' }>({
    severity: 'error',
    zh: (p) => (p.scope === 'process' ? '流程没有开始事件' : '子流程内没有空开始事件'),
    en: (p) => (p.scope === 'process' ? 'The process has no start event' : 'The sub-process has no none start event inside'),
  }),
  SEVERAL_START_EVENTS: spec<{ count: number }>({
    severity: 'error',
    zh: (p) => `同一层级有 ${p.count} 个空开始事件，只能有一个`,
    en: (p) => `There are ${p.count} none start events at the same level; only one is allowed`,
  }),
  UNREACHABLE: spec({
    severity: 'error',
    zh: () => '从开始事件无法到达此元素',
    en: () => 'This element cannot be reached from a start event',
  }),
  DEAD_END: spec({
    severity: 'error',
    zh: () => '此元素没有流出连线，流程会停在这里；请连到后续步骤或结束事件',
    en: () => 'This element has no outgoing flow, so the process would stop here; connect it to a next step or an end event',
  }),
  NO_PATH_TO_END: spec({
    severity: 'error',
    zh: () => '从此元素出发无法到达任何结束事件（死循环）',
    en: () => 'No end event can be reached from this element (an endless loop)',
  }),
  FLOW_MISSING_END: spec<{ end: 'source' | 'target'; ref: string }>({
    severity: 'error',
    zh: (p) => `连线的${p.end === 'source' ? '起点' : '终点'}${p.ref ? `“${p.ref}”` : ''}不存在或不是本流程中的节点`,
    en: (p) => `The flow's ${p.end}${p.ref ? ` "${p.ref}"` : ''} does not exist or is not a node of this process`,
  }),
  FLOW_CROSSES_SUBPROCESS: spec({
    severity: 'error',
    zh: () => '连线跨越了子流程边界；子流程内外只能通过子流程本身相连',
    en: () => 'The flow crosses a sub-process boundary; inside and outside connect only through the sub-process itself',
  }),
  FLOW_CONDITION_MISSING: spec<{ gateway: string }>({
    severity: 'error',
    zh: (p) => `网关“${p.gateway}”的这条流出连线既没有条件也不是默认连线`,
    en: (p) => `This outgoing flow of gateway "${p.gateway}" has no condition and is not the default flow`,
  }),
  GATEWAY_NO_DEFAULT: spec({
    severity: 'warning',
    zh: () => '网关的所有流出连线都有条件但没有默认连线；条件都不成立时流程将停止',
    en: () => 'Every outgoing flow of the gateway has a condition and there is no default flow; if none holds, the process stops',
  }),
  DEFAULT_FLOW_INVALID: spec<{ flow: string }>({
    severity: 'error',
    zh: (p) => `默认连线“${p.flow}”不是该网关的流出连线`,
    en: (p) => `The default flow "${p.flow}" is not an outgoing flow of this gateway`,
  }),
  CONDITION_NOT_ON_GATEWAY: spec({
    severity: 'error',
    zh: () => '只有排他网关和包容网关的流出连线可以带条件；请在此处加一个网关',
    en: () => 'Only flows out of exclusive and inclusive gateways may carry a condition; add a gateway here',
  }),
  CONDITION_INVALID: spec<Expr>({
    severity: 'error',
    zh: (p) => `条件表达式“${p.source}”第 ${p.position + 1} 个字符处有误：${p.zh}`,
    en: (p) => `The condition "${p.source}" is wrong at character ${p.position + 1}: ${p.en}`,
  }),
  TIMER_INVALID: spec<{ source: string }>({
    severity: 'error',
    zh: (p) =>
      p.source
        ? `定时“${p.source}”无法识别；请用 ISO 8601 时长（如 PT1H、P3D）、工作日（如 P5WD）、日期时间或 R3/PT1H`
        : '定时事件没有填写时长、日期或周期',
    en: (p) =>
      p.source
        ? `The timer "${p.source}" is not understood; use an ISO 8601 duration (PT1H, P3D), working days (P5WD), a date-time or R3/PT1H`
        : 'The timer event has no duration, date or cycle',
  }),
  HANDLER_MISSING: spec({
    severity: 'error',
    zh: () => '服务任务没有指定处理程序（tongban:handler）',
    en: () => 'The service task names no handler (tongban:handler)',
  }),
  HANDLER_UNKNOWN: spec<{ handler: string }>({
    severity: 'error',
    zh: (p) => `服务任务的处理程序“${p.handler}”未在系统中注册`,
    en: (p) => `The service task handler "${p.handler}" is not registered`,
  }),
  ASSIGNEE_MISSING: spec({
    severity: 'warning',
    zh: () => '用户任务没有设置办理人规则（tongban:assigneeKind），任务将无人可领',
    en: () => 'The user task has no assignee rule (tongban:assigneeKind), so nobody will get the task',
  }),
  ASSIGNEE_INVALID: spec<Detail & { detailZh: string }>({
    severity: 'error',
    zh: (p) => `办理人规则有误：${p.detailZh}`,
    en: (p) => `The assignee rule is wrong: ${p.detail}`,
  }),
  ATTRIBUTE_INVALID: spec<{ attribute: string; value: string; expectedZh: string; expected: string }>({
    severity: 'error',
    zh: (p) => `属性 ${p.attribute} 的值“${p.value}”无效，应为${p.expectedZh}`,
    en: (p) => `The value "${p.value}" of ${p.attribute} is invalid; expected ${p.expected}`,
  }),
  ATTRIBUTE_UNKNOWN: spec<{ name: string }>({
    severity: 'error',
    zh: (p) => `${p.name} 不是此元素可用的 tongban 扩展属性（拼写有误或放错了元素）`,
    en: (p) => `${p.name} is not a tongban extension this element takes (misspelt, or on the wrong element)`,
  }),
  TIMEOUT_WITHOUT_LIMIT: spec({
    severity: 'warning',
    zh: () => '设置了超时处理（tongban:timeoutAction）但没有办理时限（tongban:limitDays），超时处理不会触发',
    en: () => 'A timeout action (tongban:timeoutAction) is set without a time limit (tongban:limitDays), so it never fires',
  }),
  RATIO_INVALID: spec<{ value: string }>({
    severity: 'error',
    zh: (p) =>
      p.value
        ? `会签比例 tongban:ratio=“${p.value}”无效：须为大于 0 且不超过 1 的数，并且 tongban:completion 为 ratio`
        : '按比例完成（tongban:completion="ratio"）时须设置 tongban:ratio',
    en: (p) =>
      p.value
        ? `The ratio tongban:ratio="${p.value}" is invalid: it must be a number in (0, 1] with tongban:completion="ratio"`
        : 'Completion by ratio (tongban:completion="ratio") needs tongban:ratio',
  }),
  CALL_TARGET_MISSING: spec({
    severity: 'error',
    zh: () => '调用活动没有指定被调用的流程（calledElement）',
    en: () => 'The call activity names no process to call (calledElement)',
  }),
  MESSAGE_REF_MISSING: spec({
    severity: 'error',
    zh: () => '消息事件或接收任务没有引用消息（messageRef），无法关联外部系统的回调',
    en: () => 'The message event or receive task references no message (messageRef), so nothing can be correlated to it',
  }),
  BOUNDARY_INVALID: spec<{ reason: 'noHost' | 'hostNotActivity' | 'errorNonInterrupting' }>({
    severity: 'error',
    zh: (p) =>
      ({
        noHost: '边界事件没有附着在任何活动上',
        hostNotActivity: '边界事件只能附着在任务、子流程或调用活动上',
        errorNonInterrupting: '错误边界事件必须是中断型的',
      })[p.reason],
    en: (p) =>
      ({
        noHost: 'The boundary event is not attached to an activity',
        hostNotActivity: 'A boundary event can only be attached to a task, sub-process or call activity',
        errorNonInterrupting: 'An error boundary event must be interrupting',
      })[p.reason],
  }),
} as const;

export type FindingCode = keyof typeof FINDINGS;

type ParamsOf<C extends FindingCode> = Parameters<(typeof FINDINGS)[C]['zh']>[0];

/** The element a finding is about; null for the whole file. */
export type FindingTarget = { id: string; type: string } | null;

/** Every finding code with its severity, for docs and for tests that keep the docs in step. */
export const FINDING_SEVERITIES: Readonly<Record<FindingCode, Severity>> = Object.fromEntries(
  Object.entries(FINDINGS).map(([code, s]) => [code, s.severity]),
) as Record<FindingCode, Severity>;

export function finding<C extends FindingCode>(
  code: C,
  target: FindingTarget,
  ...params: ParamsOf<C> extends Record<string, never> ? [] : [ParamsOf<C>]
): Finding {
  const entry = FINDINGS[code] as Spec<ParamsOf<C>>;
  const p = (params[0] ?? {}) as ParamsOf<C>;
  return {
    code,
    severity: entry.severity,
    elementId: target?.id ?? null,
    elementType: target?.type ?? null,
    zh: entry.zh(p),
    en: entry.en(p),
  };
}

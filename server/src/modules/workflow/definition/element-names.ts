/** Chinese and English names of BPMN element and event kinds, for findings a clerk can read. */

const ELEMENT_NAMES: Record<string, [zh: string, en: string]> = {
  'bpmn:ManualTask': ['手工任务', 'A manual task'],
  'bpmn:ScriptTask': ['脚本任务', 'A script task'],
  'bpmn:SendTask': ['发送任务', 'A send task'],
  'bpmn:BusinessRuleTask': ['业务规则任务', 'A business rule task'],
  'bpmn:EventBasedGateway': ['事件网关', 'An event-based gateway'],
  'bpmn:ComplexGateway': ['复杂网关', 'A complex gateway'],
  'bpmn:Transaction': ['事务子流程', 'A transaction'],
  'bpmn:AdHocSubProcess': ['临时子流程（ad-hoc）', 'An ad-hoc sub-process'],
  'bpmn:SubProcess': ['事件子流程', 'An event sub-process'],
  'bpmn:IntermediateThrowEvent': ['中间抛出事件', 'An intermediate throw event'],
  'bpmn:ImplicitThrowEvent': ['隐式抛出事件', 'An implicit throw event'],
  'bpmn:ChoreographyTask': ['编排任务', 'A choreography task'],
  'bpmn:SubChoreography': ['子编排', 'A sub-choreography'],
  'bpmn:CallChoreography': ['调用编排', 'A call choreography'],
};

/** Names by trait rather than by type (an activity marked isForCompensation). */
export const COMPENSATION_HANDLER = { kind: 'A compensation handler (isForCompensation)', kindZh: '补偿处理活动（isForCompensation）' };

export function elementName(type: string): { kind: string; kindZh: string } {
  const [zh, en] = ELEMENT_NAMES[type] ?? [`元素 ${type}`, `The element ${type}`];
  return { kind: `${en} (${type})`, kindZh: `${zh}（${type}）` };
}

const EVENT_DEFINITION_NAMES: Record<string, [zh: string, en: string]> = {
  'bpmn:MessageEventDefinition': ['消息', 'message'],
  'bpmn:TimerEventDefinition': ['定时', 'timer'],
  'bpmn:ErrorEventDefinition': ['错误', 'error'],
  'bpmn:TerminateEventDefinition': ['终止', 'terminate'],
  'bpmn:SignalEventDefinition': ['信号', 'signal'],
  'bpmn:EscalationEventDefinition': ['升级', 'escalation'],
  'bpmn:CompensateEventDefinition': ['补偿', 'compensation'],
  'bpmn:ConditionalEventDefinition': ['条件', 'conditional'],
  'bpmn:LinkEventDefinition': ['链接', 'link'],
  'bpmn:CancelEventDefinition': ['取消', 'cancel'],
};

const EVENT_POSITION_NAMES: Record<string, [zh: string, en: string]> = {
  'bpmn:StartEvent': ['开始事件', 'start event'],
  'bpmn:EndEvent': ['结束事件', 'end event'],
  'bpmn:IntermediateCatchEvent': ['中间捕获事件', 'intermediate catch event'],
  'bpmn:IntermediateThrowEvent': ['中间抛出事件', 'intermediate throw event'],
  'bpmn:BoundaryEvent': ['边界事件', 'boundary event'],
};

/** "a signal start event" / "信号开始事件"; several definitions read as "multiple". */
export function eventName(eventType: string, definitionTypes: string[], where = ''): { kind: string; kindZh: string } {
  const [positionZh, positionEn] = EVENT_POSITION_NAMES[eventType] ?? ['事件', 'event'];
  let zh = '空';
  let en = 'none';
  if (definitionTypes.length > 1) {
    zh = '多重';
    en = 'multiple';
  } else if (definitionTypes[0]) {
    [zh, en] = EVENT_DEFINITION_NAMES[definitionTypes[0]] ?? [definitionTypes[0], definitionTypes[0]];
  }
  const whereZh = where === 'subProcess' ? '子流程中的' : '';
  const whereEn = where === 'subProcess' ? ' inside a sub-process' : '';
  return { kind: `A ${en} ${positionEn}${whereEn}`, kindZh: `${whereZh}${zh}${positionZh}` };
}

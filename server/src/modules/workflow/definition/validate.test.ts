import { describe, expect, it } from 'vitest';
import { FINDING_SEVERITIES, validate, type Finding, type FindingCode } from './index.ts';
import { chain, definitions, END, flow, START, userTask } from './test-support/bpmn-xml.ts';

/** Codes seen by the tests below; the last test checks every code is exercised. */
const exercised = new Set<FindingCode>();

async function findings(xml: string, knownHandlers?: string[]): Promise<[FindingCode, string | null][]> {
  const result = await validate(xml, knownHandlers ? { knownHandlers } : {});
  for (const f of result.findings) exercised.add(f.code);
  return result.findings.map((f) => [f.code, f.elementId]);
}

async function allFindings(xml: string): Promise<Finding[]> {
  const result = await validate(xml);
  for (const f of result.findings) exercised.add(f.code);
  return result.findings;
}

describe('a clean process', () => {
  it('has no findings', async () => {
    expect(await findings(definitions(`${START}${userTask('review')}${END}${chain('review')}`))).toEqual([]);
  });
});

describe('unreadable input', () => {
  it.each([
    ['empty', ''],
    ['not XML', 'hello'],
    ['not BPMN', '<html><body/></html>'],
    ['truncated', definitions(`${START}${END}${chain()}`).slice(0, 200)],
    ['mismatched tags', '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process></bpmn:definitions>'],
  ])('%s → XML_MALFORMED and no model', async (_, xml) => {
    const result = await validate(xml);
    expect(result.model).toBeNull();
    expect(result.findings.map((f) => [f.code, f.severity, f.elementId])).toEqual([['XML_MALFORMED', 'error', null]]);
    exercised.add('XML_MALFORMED');
  });

  it('does not throw when handed something that is not text', async () => {
    for (const value of [undefined, null, 42, {}]) {
      expect((await validate(value as unknown as string)).findings.map((f) => f.code)).toEqual(['XML_MALFORMED']);
    }
  });

  it('reports unknown BPMN elements as ignored content', async () => {
    expect(await findings(definitions(`${START}${END}${chain()}<bpmn:fancyTask id="x"/>`))).toEqual([['XML_WARNING', null]]);
  });

  it('refuses a misspelt or misplaced tongban: attribute, naming the element', async () => {
    const result = await allFindings(definitions(`${START}${userTask('u', 'tongban:limitDay="3"')}<bpmn:serviceTask id="s" tongban:handler="h" tongban:limitDays="2"/>${END}${chain('u', 's')}`));
    expect(result.map((f) => [f.code, f.elementId, f.en])).toEqual([
      ['ATTRIBUTE_UNKNOWN', 'u', 'tongban:limitDay is not a tongban extension this element takes (misspelt, or on the wrong element)'],
      ['ATTRIBUTE_UNKNOWN', 's', 'tongban:limitDays is not a tongban extension this element takes (misspelt, or on the wrong element)'],
    ]);
  });

  it('refuses unknown tongban: elements whatever prefix the file binds', async () => {
    const xml = definitions(`${START}${userTask('u', '', '<bpmn:extensionElements><tb:formfield key="a" access="hidden"/></bpmn:extensionElements>')}${END}${chain('u')}`).replace(
      'xmlns:tongban=',
      'xmlns:tb="http://tongban.org/schema/bpmn" xmlns:tongban=',
    );
    expect(await findings(xml)).toEqual([['ATTRIBUTE_UNKNOWN', null]]);
  });

  it('needs a process with content', async () => {
    const xml = definitions('').replace(/<bpmn:process[^]*<\/bpmn:process>/, '');
    expect(await findings(xml)).toEqual([['NO_PROCESS', null]]);
    expect(await findings(definitions(''))).toEqual([['NO_PROCESS', null]]);
  });
});

describe('several processes', () => {
  it('runs the executable one and names it and the others', async () => {
    const xml = `<?xml version="1.0"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
  <bpmn:collaboration id="c">
    <bpmn:participant id="pool1" name="申请人" processRef="applicant"/>
    <bpmn:participant id="pool2" name="政务中心" processRef="center"/>
  </bpmn:collaboration>
  <bpmn:process id="applicant" isExecutable="false"><bpmn:startEvent id="a0"/><bpmn:task id="t1"/><bpmn:task id="t2"/><bpmn:endEvent id="a9"/></bpmn:process>
  <bpmn:process id="center" isExecutable="true">${START}${END}${flow('f', 'start', 'end')}</bpmn:process>
</bpmn:definitions>`;
    const result = await allFindings(xml);
    expect(result.map((f) => [f.code, f.elementId])).toEqual([['PROCESS_CHOSEN', 'center']]);
    expect(result[0]!.zh).toContain('center (政务中心)');
    expect(result[0]!.zh).toContain('applicant (申请人)');
  });
});

describe('element types', () => {
  it.each([
    '<bpmn:manualTask id="x"/>',
    '<bpmn:scriptTask id="x"/>',
    '<bpmn:sendTask id="x"/>',
    '<bpmn:businessRuleTask id="x"/>',
    '<bpmn:eventBasedGateway id="x"/>',
    '<bpmn:complexGateway id="x"/>',
    '<bpmn:transaction id="x"/>',
    '<bpmn:adHocSubProcess id="x"/>',
    '<bpmn:subProcess id="x" triggeredByEvent="true"><bpmn:startEvent id="inner"><bpmn:errorEventDefinition/></bpmn:startEvent></bpmn:subProcess>',
  ])('%s → UNSUPPORTED_ELEMENT, without follow-on findings', async (element) => {
    expect(await findings(definitions(`${START}${element}${END}${chain('x')}`))).toEqual([['UNSUPPORTED_ELEMENT', 'x']]);
  });

  it('asks for a type on a plain task', async () => {
    expect(await findings(definitions(`${START}<bpmn:task id="x"/>${END}${chain('x')}`))).toEqual([['UNTYPED_TASK', 'x']]);
  });

  it.each([
    ['<bpmn:startEvent id="x"><bpmn:signalEventDefinition/></bpmn:startEvent>', 'start'],
    ['<bpmn:startEvent id="x"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>', 'start'],
    ['<bpmn:intermediateThrowEvent id="x"/>', 'middle'],
    ['<bpmn:intermediateCatchEvent id="x"><bpmn:linkEventDefinition name="a"/></bpmn:intermediateCatchEvent>', 'middle'],
    ['<bpmn:intermediateCatchEvent id="x"><bpmn:conditionalEventDefinition/></bpmn:intermediateCatchEvent>', 'middle'],
    ['<bpmn:endEvent id="x"><bpmn:escalationEventDefinition/></bpmn:endEvent>', 'end'],
    ['<bpmn:endEvent id="x"><bpmn:terminateEventDefinition/><bpmn:errorEventDefinition/></bpmn:endEvent>', 'end'],
  ])('%s → UNSUPPORTED_EVENT', async (element, position) => {
    const body =
      position === 'start'
        ? `${element}${END}${flow('f', 'x', 'end')}`
        : position === 'end'
          ? `${START}${element}${flow('f', 'start', 'x')}`
          : `${START}${element}${END}${chain('x')}`;
    expect(await findings(definitions(body))).toEqual([['UNSUPPORTED_EVENT', 'x']]);
  });

  it('refuses unsupported boundary events but still follows their path', async () => {
    const body = `${START}${userTask('t')}${END}${chain('t')}
      <bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:signalEventDefinition/></bpmn:boundaryEvent>
      ${userTask('after')}<bpmn:endEvent id="end2"/>${flow('g1', 'b', 'after')}${flow('g2', 'after', 'end2')}`;
    expect(await findings(definitions(body))).toEqual([['UNSUPPORTED_EVENT', 'b']]);
  });

  it('allows message start events only at process level', async () => {
    const body = `${START}<bpmn:subProcess id="sp"><bpmn:startEvent id="s2"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent><bpmn:endEvent id="e2"/>${flow('i', 's2', 'e2')}</bpmn:subProcess>${END}${chain('sp')}`;
    const result = await allFindings(definitions(body, '<bpmn:message id="m" name="paid"/>'));
    // The refused start still counts as the sub-process's start: one wrong element, one finding.
    expect(result.map((f) => [f.code, f.elementId])).toEqual([['UNSUPPORTED_EVENT', 's2']]);
    expect(result[0]!.zh).toBe('不支持子流程中的消息开始事件');
  });

  it.each([
    [userTask('x', '', '<bpmn:standardLoopCharacteristics/>')],
    ['<bpmn:serviceTask id="x" tongban:handler="h"><bpmn:multiInstanceLoopCharacteristics/></bpmn:serviceTask>'],
    ['<bpmn:subProcess id="x"><bpmn:multiInstanceLoopCharacteristics/></bpmn:subProcess>'],
  ])('%s → LOOP_UNSUPPORTED', async (element) => {
    expect(await findings(definitions(`${START}${element}${END}${chain('x')}`))).toEqual([['LOOP_UNSUPPORTED', 'x']]);
  });
});

describe('start events', () => {
  it('needs one, without calling everything unreachable', async () => {
    expect(await findings(definitions(`${userTask('t')}${END}${flow('f', 't', 'end')}`))).toEqual([['NO_START_EVENT', 'p']]);
  });

  it('needs one inside a sub-process, without calling its content unreachable', async () => {
    const body = `${START}<bpmn:subProcess id="sp">${userTask('inner')}<bpmn:endEvent id="e2"/>${flow('i', 'inner', 'e2')}</bpmn:subProcess>${END}${chain('sp')}`;
    expect(await findings(definitions(body))).toEqual([['NO_START_EVENT', 'sp']]);
  });

  it('allows only one none start event per level', async () => {
    const body = `${START}<bpmn:startEvent id="start2"/><bpmn:startEvent id="start3"/>${END}${flow('a', 'start', 'end')}${flow('b', 'start2', 'end')}${flow('c', 'start3', 'end')}`;
    expect(await findings(definitions(body))).toEqual([['SEVERAL_START_EVENTS', 'start2'], ['SEVERAL_START_EVENTS', 'start3']]);
  });

  it('allows a message start beside the none start', async () => {
    const body = `${START}<bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent>${END}${flow('a', 'start', 'end')}${flow('b', 'byMessage', 'end')}`;
    expect(await findings(definitions(body, '<bpmn:message id="m" name="online-application"/>'))).toEqual([]);
  });
});

describe('paths', () => {
  it('reports unreachable elements once, at the outermost', async () => {
    const body = `${START}${END}${chain()}${userTask('orphan')}${flow('o', 'orphan', 'end')}
      <bpmn:subProcess id="island"><bpmn:startEvent id="s2"/><bpmn:endEvent id="e2"/>${flow('i', 's2', 'e2')}</bpmn:subProcess>${flow('x', 'island', 'end')}`;
    expect(await findings(definitions(body))).toEqual([['UNREACHABLE', 'orphan'], ['UNREACHABLE', 'island']]);
  });

  it('reports a step with no way out', async () => {
    const body = `${START}${userTask('a')}${userTask('stuck')}<bpmn:exclusiveGateway id="g" default="f2"/>${END}
      ${flow('f0', 'start', 'a')}${flow('f1', 'a', 'g')}${flow('f2', 'g', 'end')}${flow('f3', 'g', 'stuck', 'amount > 1')}`;
    expect(await findings(definitions(body))).toEqual([['DEAD_END', 'stuck']]);
  });

  it('reports a loop that can never reach an end', async () => {
    const body = `${START}${userTask('a')}${userTask('b')}${flow('f0', 'start', 'a')}${flow('f1', 'a', 'b')}${flow('f2', 'b', 'a')}`;
    expect(await findings(definitions(body))).toEqual([['NO_PATH_TO_END', 'start'], ['NO_PATH_TO_END', 'a'], ['NO_PATH_TO_END', 'b']]);
  });

  it('accepts a loop left through a boundary timer', async () => {
    const body = `${START}${userTask('a')}${userTask('b')}${END}${flow('f0', 'start', 'a')}${flow('f1', 'a', 'b')}${flow('f2', 'b', 'a')}
      <bpmn:boundaryEvent id="late" attachedToRef="b"><bpmn:timerEventDefinition><bpmn:timeDuration>P2WD</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>${flow('f3', 'late', 'end')}`;
    expect(await findings(definitions(body))).toEqual([]);
  });

  it('reports flows whose ends are missing', async () => {
    const body = `${START}${END}${chain()}${flow('broken', 'start', 'nowhere')}${flow('broken2', 'ghost', 'end')}`;
    const result = await allFindings(definitions(body));
    expect(result.map((f) => [f.code, f.elementId])).toEqual([['FLOW_MISSING_END', 'broken'], ['FLOW_MISSING_END', 'broken2']]);
    expect(result[0]!.en).toContain('"nowhere"');
  });

  it('reports flows that cross a sub-process boundary', async () => {
    const body = `${START}<bpmn:subProcess id="sp"><bpmn:startEvent id="s2"/><bpmn:endEvent id="e2"/>${flow('i', 's2', 'e2')}${flow('out', 's2', 'end')}</bpmn:subProcess>${END}${chain('sp')}`;
    expect(await findings(definitions(body))).toEqual([['FLOW_CROSSES_SUBPROCESS', 'out']]);
  });
});

describe('gateways and conditions', () => {
  const split = (gateway: string, flows: string) =>
    definitions(`${START}${gateway}${userTask('a')}${userTask('b')}${END}${flow('in', 'start', 'g')}${flows}${flow('ae', 'a', 'end')}${flow('be', 'b', 'end')}`);

  it('needs a condition or the default on every way out', async () => {
    expect(await findings(split('<bpmn:exclusiveGateway id="g"/>', `${flow('ga', 'g', 'a', 'x > 1')}${flow('gb', 'g', 'b')}`))).toEqual([['FLOW_CONDITION_MISSING', 'gb']]);
    expect(await findings(split('<bpmn:inclusiveGateway id="g"/>', `${flow('ga', 'g', 'a')}${flow('gb', 'g', 'b')}`))).toEqual([
      ['FLOW_CONDITION_MISSING', 'ga'],
      ['FLOW_CONDITION_MISSING', 'gb'],
    ]);
  });

  it('is content with conditions plus a default', async () => {
    expect(await findings(split('<bpmn:exclusiveGateway id="g" default="gb"/>', `${flow('ga', 'g', 'a', '${x > 1}')}${flow('gb', 'g', 'b')}`))).toEqual([]);
  });

  it('warns when every way out is conditional and none is the default', async () => {
    const result = await allFindings(split('<bpmn:exclusiveGateway id="g"/>', `${flow('ga', 'g', 'a', 'x > 1')}${flow('gb', 'g', 'b', 'x <= 1')}`));
    expect(result.map((f) => [f.code, f.severity, f.elementId])).toEqual([['GATEWAY_NO_DEFAULT', 'warning', 'g']]);
  });

  it('rejects a default flow that leaves elsewhere', async () => {
    expect(await findings(split('<bpmn:exclusiveGateway id="g" default="ae"/>', `${flow('ga', 'g', 'a', 'x > 1')}${flow('gb', 'g', 'b', 'x <= 1')}`))).toEqual([
      ['DEFAULT_FLOW_INVALID', 'g'],
      ['GATEWAY_NO_DEFAULT', 'g'],
    ]);
  });

  it('rejects conditions on flows that do not leave a deciding gateway', async () => {
    expect(await findings(split('<bpmn:parallelGateway id="g"/>', `${flow('ga', 'g', 'a', 'x > 1')}${flow('gb', 'g', 'b')}`))).toEqual([['CONDITION_NOT_ON_GATEWAY', 'ga']]);
  });

  it('reports a condition that does not parse, with the spot', async () => {
    const result = await allFindings(split('<bpmn:exclusiveGateway id="g" default="gb"/>', `${flow('ga', 'g', 'a', '${amount >> 1}')}${flow('gb', 'g', 'b')}`));
    expect(result.map((f) => [f.code, f.elementId])).toEqual([['CONDITION_INVALID', 'ga']]);
    expect(result[0]!.en).toBe('The condition "${amount >> 1}" is wrong at character 11: unexpected ">"');
    expect(result[0]!.zh).toBe('条件表达式“${amount >> 1}”第 11 个字符处有误：此处不应出现“>”');
  });
});

describe('timers', () => {
  const timerCatch = (definition: string) =>
    definitions(`${START}<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition>${definition}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>${END}${chain('wait')}`);

  it.each([
    '<bpmn:timeDuration>PT1H</bpmn:timeDuration>',
    '<bpmn:timeDuration>P3D</bpmn:timeDuration>',
    '<bpmn:timeDuration>P5WD</bpmn:timeDuration>',
    '<bpmn:timeDate>2026-12-01T09:00:00+08:00</bpmn:timeDate>',
    '<bpmn:timeCycle>R3/PT1H</bpmn:timeCycle>',
  ])('accepts %s', async (definition) => {
    expect(await findings(timerCatch(definition))).toEqual([]);
  });

  it.each(['', '<bpmn:timeDuration/>', '<bpmn:timeDuration>three days</bpmn:timeDuration>', '<bpmn:timeDate>next monday</bpmn:timeDate>', '<bpmn:timeCycle>every hour</bpmn:timeCycle>'])(
    'rejects %j',
    async (definition) => {
      expect(await findings(timerCatch(definition))).toEqual([['TIMER_INVALID', 'wait']]);
    },
  );
});

describe('service tasks', () => {
  const service = (attributes: string) => definitions(`${START}<bpmn:serviceTask id="s" ${attributes}/>${END}${chain('s')}`);

  it('needs a handler', async () => {
    expect(await findings(service(''))).toEqual([['HANDLER_MISSING', 's']]);
  });

  it('checks the handler against the registered ones when given', async () => {
    expect(await findings(service('tongban:handler="issueLicence"'), ['notifyApplicant'])).toEqual([['HANDLER_UNKNOWN', 's']]);
    expect(await findings(service('tongban:handler="issueLicence"'), ['issueLicence'])).toEqual([]);
    expect(await findings(service('tongban:handler="issueLicence"'))).toEqual([]);
  });
});

describe('user task attributes', () => {
  const task = (attributes: string, content = '') => definitions(`${START}<bpmn:userTask id="u" ${attributes}>${content}</bpmn:userTask>${END}${chain('u')}`);

  it('warns about a user task nobody is assigned to', async () => {
    const result = await allFindings(task(''));
    expect(result.map((f) => [f.code, f.severity, f.elementId])).toEqual([['ASSIGNEE_MISSING', 'warning', 'u']]);
  });

  it.each([
    'tongban:assignee="clerk"',
    'tongban:assigneeKind="boss" tongban:assignee="x"',
    'tongban:assigneeKind="department"',
    'tongban:assigneeKind="expression" tongban:assignee="applicant.district =="',
  ])('rejects the assignee rule %s', async (attributes) => {
    expect(await findings(task(attributes))).toEqual([['ASSIGNEE_INVALID', 'u']]);
  });

  it.each([
    'tongban:assigneeKind="applicantDepartment"',
    'tongban:assigneeKind="user" tongban:assignee="u1, u2"',
    'tongban:assigneeKind="expression" tongban:assignee="${district == &quot;A&quot; and amount > 5}"',
  ])('accepts the assignee rule %s', async (attributes) => {
    expect(await findings(task(attributes))).toEqual([]);
  });

  const assigned = 'tongban:assigneeKind="role" tongban:assignee="approver"';

  it.each([
    'tongban:limitDays="0"',
    'tongban:limitDays="2.5"',
    'tongban:limitDays="five"',
    'tongban:limitDays="3" tongban:timeoutAction="explode"',
    'tongban:limitDays="3" tongban:timeoutAction="escalate"',
  ])('rejects %s', async (attributes) => {
    expect(await findings(task(`${assigned} ${attributes}`))).toEqual([['ATTRIBUTE_INVALID', 'u']]);
  });

  it.each([
    '<tongban:formField key="amount" access="writable"/>',
    '<tongban:formField access="hidden"/>',
    '<tongban:formField key="amount" access="hidden"/><tongban:formField key="amount" access="readonly"/>',
  ])('rejects form access %s', async (fields) => {
    expect(await findings(task(assigned, `<bpmn:extensionElements>${fields}</bpmn:extensionElements>`))).toEqual([['ATTRIBUTE_INVALID', 'u']]);
  });

  it('warns that a timeout action without a time limit never fires', async () => {
    expect(await findings(task(`${assigned} tongban:timeoutAction="remind"`))).toEqual([['TIMEOUT_WITHOUT_LIMIT', 'u']]);
  });

  it.each([
    '<bpmn:multiInstanceLoopCharacteristics tongban:completion="ratio"/>',
    '<bpmn:multiInstanceLoopCharacteristics tongban:completion="ratio" tongban:ratio="0"/>',
    '<bpmn:multiInstanceLoopCharacteristics tongban:completion="ratio" tongban:ratio="1.5"/>',
    '<bpmn:multiInstanceLoopCharacteristics tongban:completion="ratio" tongban:ratio="-0.5"/>',
    '<bpmn:multiInstanceLoopCharacteristics tongban:completion="ratio" tongban:ratio="half"/>',
    '<bpmn:multiInstanceLoopCharacteristics tongban:completion="all" tongban:ratio="0.5"/>',
  ])('rejects the ratio in %s', async (loop) => {
    expect(await findings(task(assigned, loop))).toEqual([['RATIO_INVALID', 'u']]);
  });

  it('rejects an unknown completion mode, an unparsable cardinality and the standard completionCondition', async () => {
    expect(await findings(task(assigned, '<bpmn:multiInstanceLoopCharacteristics tongban:completion="most"/>'))).toEqual([['ATTRIBUTE_INVALID', 'u']]);
    const cardinality = '<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>3 +</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>';
    expect(await findings(task(assigned, cardinality))).toEqual([['ATTRIBUTE_INVALID', 'u']]);
    const condition = '<bpmn:multiInstanceLoopCharacteristics><bpmn:completionCondition>${nrOfCompletedInstances > 2}</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>';
    expect(await findings(task(assigned, condition))).toEqual([['ATTRIBUTE_INVALID', 'u']]);
  });
});

describe('references', () => {
  it('needs the target of a call activity', async () => {
    expect(await findings(definitions(`${START}<bpmn:callActivity id="c"/>${END}${chain('c')}`))).toEqual([['CALL_TARGET_MISSING', 'c']]);
  });

  it.each([
    '<bpmn:receiveTask id="x"/>',
    '<bpmn:receiveTask id="x" messageRef="unknownMessage"/>',
    '<bpmn:intermediateCatchEvent id="x"><bpmn:messageEventDefinition/></bpmn:intermediateCatchEvent>',
  ])('needs the message of %s', async (element) => {
    const result = await findings(definitions(`${START}${element}${END}${chain('x')}`));
    expect(result.filter(([code]) => code !== 'XML_WARNING')).toEqual([['MESSAGE_REF_MISSING', 'x']]);
  });

  it('needs the message of message start and end events', async () => {
    const body = `<bpmn:startEvent id="s"><bpmn:messageEventDefinition/></bpmn:startEvent><bpmn:endEvent id="e"><bpmn:messageEventDefinition/></bpmn:endEvent>${flow('f', 's', 'e')}`;
    expect(await findings(definitions(body))).toEqual([['MESSAGE_REF_MISSING', 's'], ['MESSAGE_REF_MISSING', 'e']]);
  });
});

describe('boundary events', () => {
  const boundary = (attachedTo: string, attributes: string, definition: string) =>
    definitions(`${START}${userTask('t')}<bpmn:exclusiveGateway id="g"/>${END}${flow('f0', 'start', 't')}${flow('f1', 't', 'g')}${flow('f2', 'g', 'end')}
      <bpmn:boundaryEvent id="b" attachedToRef="${attachedTo}" ${attributes}>${definition}</bpmn:boundaryEvent><bpmn:endEvent id="e2"/>${flow('f3', 'b', 'e2')}`);
  const errorDefinition = '<bpmn:errorEventDefinition/>';

  it('needs an activity to sit on', async () => {
    expect((await findings(boundary('missing', '', errorDefinition))).filter(([c]) => c !== 'XML_WARNING')).toEqual([
      ['BOUNDARY_INVALID', 'b'],
      ['UNREACHABLE', 'b'],
      ['UNREACHABLE', 'e2'],
    ]);
    expect(await findings(boundary('g', '', errorDefinition))).toEqual([['BOUNDARY_INVALID', 'b']]);
  });

  it('refuses a non-interrupting error boundary', async () => {
    expect(await findings(boundary('t', 'cancelActivity="false"', errorDefinition))).toEqual([['BOUNDARY_INVALID', 'b']]);
  });
});

describe('the catalogue', () => {
  it('has every code exercised by a test above', () => {
    expect([...exercised].sort()).toEqual(Object.keys(FINDING_SEVERITIES).sort());
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any -- moddle elements are untyped JavaScript */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BpmnModdle } from 'bpmn-moddle';
import { createTestApp, login, type TestApp, requestsTo } from '../../../test/app.ts';
import { factories } from '../../../test/factories.ts';
import { startInstance, terminateProcess } from './engine/index.ts';
import { validate, type ProcessModel } from './definition/index.ts';
import { designerModdleDescriptor } from '../../../../web/src/admin/tongban-descriptor.ts';
import {
  definitionsOf, durationText, eventDefinition, setCardinality, setCondition, setErrorCode, setMessageName, setTimer, type Editor,
} from '../../../../web/src/admin/bpmn/model-edits.ts';

/**
 * The designer's routes beyond deploy / publish (routes.test.ts): the process
 * list with instance counts and binding items, deleting a draft, the
 * expression check; and the round trip of every attribute the properties
 * panel writes (web/src/admin/bpmn/model-edits.ts, run here over bpmn-moddle,
 * the model library bpmn-js edits) through deploy → export → validate.
 */

let t: TestApp;
const f = factories(() => t);
let admin: string;
let manager: string;
let clerk: string;
beforeAll(async () => {
  t = await createTestApp();
  [admin, manager, clerk] = await Promise.all([login(t.app, 'admin'), login(t.app, 'manager'), login(t.app, 'clerk')]);
});
afterAll(() => t.close());

const processXml = (key: string, name = '测试流程') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tongban="http://tongban.org/schema/bpmn" id="defs" targetNamespace="http://tongban.org">
  <bpmn:process id="${key}" name="${name}" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="review" name="审查" tongban:assigneeKind="department" tongban:assignee="SCJG"/>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

const { post, del } = requestsTo(() => t.app);
const list = async (cookie = admin) => (await t.app.inject({ url: '/api/workflow/definitions', headers: { cookie } })).json() as {
  key: string; published: { version: number } | null; draft: { id: string; version: number } | null;
  versions: { id: string; version: number; status: string; openInstances: number; totalInstances: number }[];
  items: { code: string; name: string; enabled: boolean }[];
}[];
const deploy = async (key: string, publish: boolean) => {
  const res = await post('/api/workflow/definitions', admin, { xml: processXml(key), publish });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number };
};
const env = () => ({ db: t.ctx.db, clock: t.ctx.clock });

describe('the process list', () => {
  it('shows per key the published version, the newer draft, instances per version and the items that bind it', async () => {
    const v1 = await deploy('list_counts', true);
    const a = await startInstance(env(), { key: 'list_counts', businessKey: 'A' });
    const b = await startInstance(env(), { key: 'list_counts', businessKey: 'B' });
    const v2 = await deploy('list_counts', true);
    await startInstance(env(), { key: 'list_counts', businessKey: 'C' });
    await terminateProcess(env(), { instanceId: b.instanceId, actor: { id: 'test', role: 'admin' }, reason: 'test' });
    const v3 = await deploy('list_counts', false);

    const entry = (await list(manager)).find((p) => p.key === 'list_counts')!;
    expect(entry.published?.version).toBe(2);
    expect(entry.draft).toMatchObject({ id: v3.id, version: 3 });
    expect(entry.versions.map((v) => [v.version, v.status, v.openInstances, v.totalInstances])).toEqual([
      [3, 'draft', 0, 0], [2, 'published', 1, 1], [1, 'published', 1, 2],
    ]);
    expect(entry.versions[2]!.id).toBe(v1.id);
    expect(entry.versions[1]!.id).toBe(v2.id);
    expect(a.instanceId).toBeTruthy();
    expect(entry.items).toEqual([]);

    // A draft older than the published version is not "the draft".
    const old = await deploy('list_old_draft', false);
    await deploy('list_old_draft', true);
    const oldEntry = (await list()).find((p) => p.key === 'list_old_draft')!;
    expect(oldEntry.draft).toBeNull();
    expect(oldEntry.versions.find((v) => v.id === old.id)?.status).toBe('draft');

    // A published item binds its process.
    const item = await f.item();
    const bound = (await list()).filter((p) => p.items.length > 0);
    expect(bound.length).toBeGreaterThan(0);
    expect(bound.find((p) => p.key === item.processKey)?.items.map((i) => i.code)).toContain(item.code);
  });
});

describe('deleting a draft', () => {
  it('removes a draft with an audited event, never a published version', async () => {
    await deploy('del_me', true);
    const draft = await deploy('del_me', false);
    expect((await del(`/api/workflow/definitions/${draft.id}`, manager)).json().code).toBe('FORBIDDEN');
    expect((await del(`/api/workflow/definitions/${draft.id}`, clerk)).json().code).toBe('FORBIDDEN');
    expect((await del(`/api/workflow/definitions/${draft.id}`)).json().code).toBe('UNAUTHENTICATED');

    const res = await del(`/api/workflow/definitions/${draft.id}`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: draft.id, key: 'del_me', version: 2 });
    const entry = (await list()).find((p) => p.key === 'del_me')!;
    expect(entry.versions.map((v) => v.version)).toEqual([1]);
    expect(entry.draft).toBeNull();
    const events = await t.ctx.db.query<{ payload: Record<string, unknown>; actor_role: string }>(
      "SELECT payload, actor_role FROM events WHERE type = 'process.draft_deleted' AND payload->>'definitionId' = $1", [draft.id]);
    expect(events.rows).toEqual([{ payload: { definitionId: draft.id, key: 'del_me', version: 2 }, actor_role: 'admin' }]);

    const again = await del(`/api/workflow/definitions/${draft.id}`, admin);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('PROCESS_NOT_FOUND');
    expect((await del('/api/workflow/definitions/nope', admin)).json().code).toBe('VALIDATION_FAILED');
  });

  it('refuses a published version with DEFINITION_NOT_DRAFT and changes nothing', async () => {
    const published = await deploy('del_published', true);
    await startInstance(env(), { key: 'del_published', businessKey: 'X' });
    const before = await t.ctx.db.query("SELECT count(*)::int AS n FROM events WHERE type = 'process.draft_deleted'");
    const res = await del(`/api/workflow/definitions/${published.id}`, admin);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DEFINITION_NOT_DRAFT');
    expect((await list()).find((p) => p.key === 'del_published')!.versions).toHaveLength(1);
    const after = await t.ctx.db.query("SELECT count(*)::int AS n FROM events WHERE type = 'process.draft_deleted'");
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('a publish and a delete of one draft at once: exactly one wins', async () => {
    const draft = await deploy('del_race', false);
    const [published, deleted] = await Promise.all([
      post(`/api/workflow/definitions/${draft.id}/publish`, admin, {}),
      del(`/api/workflow/definitions/${draft.id}`, admin),
    ]);
    const codes = [published.statusCode, deleted.statusCode].sort();
    expect(codes[0]).toBe(200);
    expect(codes[1]).toBeGreaterThanOrEqual(404);
    const versions = (await list()).find((p) => p.key === 'del_race')?.versions ?? [];
    if (published.statusCode === 200) {
      expect(deleted.json().code).toBe('DEFINITION_NOT_DRAFT');
      expect(versions.map((v) => v.status)).toEqual(['published']);
    } else {
      expect(published.json().code).toBe('PROCESS_NOT_FOUND');
      expect(versions).toEqual([]);
    }
  });
});

describe('the expression check', () => {
  it('says whether an expression parses, with the position of the mistake', async () => {
    const ok = await post('/api/workflow/expressions/check', admin, { expression: '${amount > 100000 && district == "A"}' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ valid: true });
    const bad = (await post('/api/workflow/expressions/check', admin, { expression: 'amount > ' })).json();
    expect(bad.valid).toBe(false);
    expect(bad.error.position).toBeGreaterThanOrEqual(8);
    expect(bad.error.zh).toMatch(/\S/);
    // JavaScript is not our language: a function call does not parse.
    expect((await post('/api/workflow/expressions/check', admin, { expression: 'process.exit(1)' })).json().valid).toBe(false);
    expect((await post('/api/workflow/expressions/check', manager, { expression: 'a' })).json().code).toBe('FORBIDDEN');
    expect((await post('/api/workflow/expressions/check', admin, { expression: '' })).json().code).toBe('VALIDATION_FAILED');
  });
});

/** The moddle slice this test needs beyond the reader declared in definition/bpmn-moddle.d.ts. */
interface Moddle {
  fromXML(xml: string): Promise<{ rootElement: any }>;
  toXML(element: unknown, options?: { format?: boolean }): Promise<{ xml: string }>;
  create(type: string, attrs?: Record<string, unknown>): any;
}

/**
 * start → 收费确认 (receive) → 金额判断 (xor) ─ amount > 100 → 会签 (multi, cardinality) → end
 *                                         └ default → 等待 (timer) → 等回执 (message catch) → 调用 (call) → 拒绝 (error end)
 * 会签 has a non-interrupting timer boundary → 提醒结束; 调用 has an error boundary → 异常结束.
 */
const PANEL_BASE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tongban="http://tongban.org/schema/bpmn" id="defs" targetNamespace="http://tongban.org">
  <bpmn:process id="panel_round_trip" name="属性面板往返" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:receiveTask id="pay" name="收费确认"/>
    <bpmn:exclusiveGateway id="gw" name="金额判断"/>
    <bpmn:userTask id="sign" name="会签" tongban:assigneeKind="role" tongban:assignee="approver">
      <bpmn:multiInstanceLoopCharacteristics tongban:completion="all"/>
    </bpmn:userTask>
    <bpmn:boundaryEvent id="remind" attachedToRef="sign"><bpmn:timerEventDefinition id="remindTimer"/></bpmn:boundaryEvent>
    <bpmn:endEvent id="remindEnd"/>
    <bpmn:intermediateCatchEvent id="wait" name="等待"><bpmn:timerEventDefinition id="waitTimer"/></bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="receipt" name="等回执"><bpmn:messageEventDefinition id="receiptDef"/></bpmn:intermediateCatchEvent>
    <bpmn:callActivity id="call" name="调用"/>
    <bpmn:boundaryEvent id="callFailed" attachedToRef="call"><bpmn:errorEventDefinition id="callFailedDef"/></bpmn:boundaryEvent>
    <bpmn:endEvent id="refuse" name="拒绝"><bpmn:errorEventDefinition id="refuseDef"/></bpmn:endEvent>
    <bpmn:endEvent id="failedEnd"/>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="pay"/>
    <bpmn:sequenceFlow id="f2" sourceRef="pay" targetRef="gw"/>
    <bpmn:sequenceFlow id="big" sourceRef="gw" targetRef="sign"/>
    <bpmn:sequenceFlow id="small" sourceRef="gw" targetRef="wait"/>
    <bpmn:sequenceFlow id="f3" sourceRef="sign" targetRef="end"/>
    <bpmn:sequenceFlow id="f4" sourceRef="remind" targetRef="remindEnd"/>
    <bpmn:sequenceFlow id="f5" sourceRef="wait" targetRef="receipt"/>
    <bpmn:sequenceFlow id="f6" sourceRef="receipt" targetRef="call"/>
    <bpmn:sequenceFlow id="f7" sourceRef="call" targetRef="refuse"/>
    <bpmn:sequenceFlow id="f8" sourceRef="callFailed" targetRef="failedEnd"/>
  </bpmn:process>
</bpmn:definitions>`;

describe('every attribute the properties panel writes round-trips', () => {
  it('through the panel\'s edit functions, deploy, export and the validator', async () => {
    await deploy('called_child', true);
    const moddle = new BpmnModdle({ tongban: designerModdleDescriptor }) as unknown as Moddle;
    const { rootElement: definitions } = await moddle.fromXML(PANEL_BASE);
    const ed: Editor = { moddle, set: (target, props) => { for (const [k, v] of Object.entries(props)) target.set(k, v); } };
    const process = definitions.rootElements.find((r: any) => r.$type === 'bpmn:Process');
    const el = (id: string) => process.flowElements.find((e: any) => e.id === id);
    expect(definitionsOf(el('pay'))).toBe(definitions);

    // Messages: the receive task and the catch event first share one, then the catch event gets its own,
    // then the receive task's (now its alone) is renamed in place.
    setMessageName(ed, definitions, el('pay'), '缴费确认');
    setMessageName(ed, definitions, eventDefinition(el('receipt'), 'bpmn:MessageEventDefinition'), '缴费确认');
    setMessageName(ed, definitions, eventDefinition(el('receipt'), 'bpmn:MessageEventDefinition'), 'licence-receipt');
    setMessageName(ed, definitions, el('pay'), 'payment-confirmed');
    // Errors: the thrower and the catcher match on one code.
    setErrorCode(ed, definitions, eventDefinition(el('refuse'), 'bpmn:ErrorEventDefinition'), 'E_REFUSED');
    setErrorCode(ed, definitions, eventDefinition(el('callFailed'), 'bpmn:ErrorEventDefinition'), 'E_REFUSED');
    // Timers: working days on the catch event, hours on the non-interrupting boundary.
    setTimer(ed, eventDefinition(el('wait'), 'bpmn:TimerEventDefinition'), durationText(5, 'workingDays'));
    setTimer(ed, eventDefinition(el('remind'), 'bpmn:TimerEventDefinition'), durationText(2, 'hours'));
    ed.set(el('remind'), { cancelActivity: false });
    // The gateway: a condition and a default flow.
    setCondition(ed, el('big'), '${amount > 100}');
    ed.set(el('gw'), { default: el('small') });
    // Multi-instance: cardinality from case data; ratio completion.
    setCardinality(ed, el('sign').loopCharacteristics, 'reviewerCount');
    ed.set(el('sign').loopCharacteristics, { isSequential: true, 'tongban:completion': 'ratio', 'tongban:ratio': '0.5' });
    ed.set(el('call'), { calledElement: 'called_child' });

    const { xml } = await moddle.toXML(definitions, { format: true });
    const checked = (await post('/api/workflow/validate', admin, { xml })).json();
    expect(checked.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);

    const deployed = await post('/api/workflow/definitions', admin, { xml, publish: true });
    expect(deployed.statusCode).toBe(201);
    const exported = (await t.app.inject({ url: `/api/workflow/definitions/${deployed.json().id}/export`, headers: { cookie: admin } })).body;
    expect(exported).toBe(xml);
    const { model, findings } = await validate(exported);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const m = model as ProcessModel;
    const node = <T,>(id: string) => m.nodes[id] as T;

    const messageName = (ref: string | undefined) => (ref ? m.messages[ref]?.name : undefined);
    expect(messageName(node<{ messageRef?: string }>('pay').messageRef)).toBe('payment-confirmed');
    expect(messageName(node<{ messageRef?: string }>('receipt').messageRef)).toBe('licence-receipt');
    expect(Object.values(m.messages).map((x) => x.name).sort()).toEqual(['licence-receipt', 'payment-confirmed']);
    const errorCode = (ref: string | undefined) => (ref ? m.errors[ref]?.code : undefined);
    expect(errorCode(node<{ errorRef?: string }>('refuse').errorRef)).toBe('E_REFUSED');
    expect(node<{ errorRef?: string }>('callFailed').errorRef).toBe(node<{ errorRef?: string }>('refuse').errorRef);
    expect(node<{ timer?: unknown }>('wait').timer).toMatchObject({ kind: 'duration', duration: { unit: 'workingDays', workingDays: 5 } });
    expect(node<{ timer?: unknown; cancelActivity: boolean }>('remind')).toMatchObject({
      cancelActivity: false, timer: { kind: 'duration', duration: { unit: 'calendar', hours: 2 } },
    });
    expect(node<{ cancelActivity: boolean }>('callFailed').cancelActivity).toBe(true);
    expect(m.flows.big?.condition).toBe('${amount > 100}');
    expect(node<{ defaultFlowId?: string }>('gw').defaultFlowId).toBe('small');
    expect(node<{ multiInstance?: unknown }>('sign').multiInstance).toEqual({ sequential: true, completion: 'ratio', ratio: 0.5, cardinality: 'reviewerCount' });
    expect(node<{ calledElement?: string }>('call').calledElement).toBe('called_child');

    // Clearing writes nothing the validator would trip over, and each clearing is seen.
    setMessageName(ed, definitions, el('pay'), '');
    setCondition(ed, el('big'), '');
    setCardinality(ed, el('sign').loopCharacteristics, '');
    setErrorCode(ed, definitions, eventDefinition(el('callFailed'), 'bpmn:ErrorEventDefinition'), '');
    const cleared = await validate((await moddle.toXML(definitions)).xml);
    expect(cleared.findings.map((f) => [f.code, f.elementId])).toEqual(expect.arrayContaining([['MESSAGE_REF_MISSING', 'pay'], ['FLOW_CONDITION_MISSING', 'big']]));
    expect(cleared.model?.nodes.sign).not.toHaveProperty('multiInstance.cardinality');
    expect(cleared.model?.nodes.callFailed).not.toHaveProperty('errorRef');
  });
});

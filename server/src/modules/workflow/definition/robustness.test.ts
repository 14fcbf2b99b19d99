import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { compileBpmn, evaluateExpression, FINDING_SEVERITIES, parseExpression, validate, type Finding } from './index.ts';
import { chain, definitions, END, flow, START, userTask } from './test-support/bpmn-xml.ts';

/**
 * "Never a crash, on any XML": property tests that throw garbage, damaged
 * documents and random graphs at the validator, and random text at the
 * expression language.
 */

function wellFormed(findings: Finding[]): void {
  for (const f of findings) {
    expect(FINDING_SEVERITIES[f.code]).toBe(f.severity);
    expect(f.zh).not.toBe('');
    expect(f.en).not.toBe('');
  }
}

const SAMPLE = definitions(
  `${START}${userTask('a', 'tongban:limitDays="2"')}<bpmn:exclusiveGateway id="g" default="f2"/>${userTask('b')}${END}
   <bpmn:boundaryEvent id="t" attachedToRef="a"><bpmn:timerEventDefinition><bpmn:timeDuration>P1WD</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
   ${flow('f0', 'start', 'a')}${flow('f1', 'a', 'g')}${flow('f2', 'g', 'end')}${flow('f3', 'g', 'b', 'x > 1')}${flow('f4', 'b', 'end')}${flow('f5', 't', 'end')}`,
);

describe('the validator never throws', () => {
  it('on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), async (text) => {
        wellFormed((await validate(text)).findings);
      }),
      { numRuns: 200 },
    );
  });

  it('on damaged documents (a slice cut out, or text spliced in)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(SAMPLE.length), fc.nat(400), fc.constantFrom('', '<', '>', '"', '/>', '<bpmn:task id="a"/>', '&', 'id="f2"'), async (at, length, insert) => {
        const damaged = SAMPLE.slice(0, at) + insert + SAMPLE.slice(at + length);
        wellFormed((await validate(damaged)).findings);
      }),
      { numRuns: 300 },
    );
  });

  const IDS = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'ghost'];
  const element = fc.tuple(
    fc.constantFrom(
      'startEvent',
      'endEvent',
      'userTask',
      'serviceTask',
      'receiveTask',
      'exclusiveGateway',
      'inclusiveGateway',
      'parallelGateway',
      'manualTask',
      'task',
      'callActivity',
      'intermediateCatchEvent',
      'boundaryEvent',
      'subProcess',
    ),
    fc.constantFrom(
      '',
      'tongban:assigneeKind="role" tongban:assignee="x"',
      'tongban:handler="h"',
      'calledElement="other"',
      'default="e0"',
      'attachedToRef="n1"',
      'attachedToRef="ghost"',
      'cancelActivity="false"',
      'tongban:limitDays="x"',
    ),
    fc.constantFrom(
      '',
      '<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>',
      '<bpmn:errorEventDefinition/>',
      '<bpmn:messageEventDefinition/>',
      '<bpmn:terminateEventDefinition/>',
      '<bpmn:signalEventDefinition/>',
      '<bpmn:multiInstanceLoopCharacteristics tongban:completion="ratio" tongban:ratio="0.5"/>',
      '<bpmn:startEvent id="inner"/><bpmn:endEvent id="innerEnd"/>',
    ),
  );
  const graph = fc.record({
    elements: fc.array(element, { maxLength: 6 }),
    flows: fc.array(fc.tuple(fc.constantFrom(...IDS), fc.constantFrom(...IDS), fc.constantFrom(undefined, 'x > 1', 'x >', '${ok}')), { maxLength: 10 }),
  });

  // Random graphs rarely pass; the next property covers the passing side in earnest.
  it('on random graphs, and whatever passes without errors is a sound model', async () => {
    await fc.assert(
      fc.asyncProperty(graph, async ({ elements, flows }) => {
        const body =
          elements.map(([type, attributes, content], i) => `<bpmn:${type} id="n${i}" ${attributes}>${content}</bpmn:${type}>`).join('') +
          flows.map(([source, target, condition], i) => flow(`e${i}`, source, target, condition)).join('');
        const xml = definitions(body);
        const { model, findings } = await validate(xml);
        wellFormed(findings);
        if (findings.some((f) => f.severity === 'error')) return;
        const compiled = await compileBpmn(xml);
        expect(compiled).toEqual(model);
        for (const node of Object.values(compiled.nodes)) {
          expect(node.type).not.toBe('unsupported');
          if (node.type !== 'endEvent') expect(node.outgoing.length).toBeGreaterThan(0);
        }
        for (const f of Object.values(compiled.flows)) {
          expect(compiled.nodes[f.sourceId]).toBeDefined();
          expect(compiled.nodes[f.targetId]).toBeDefined();
          if (f.condition !== undefined) expect(() => parseExpression(f.condition!)).not.toThrow();
        }
      }),
      { numRuns: 300 },
    );
  });

  const STEP = {
    user: userTask('ID'),
    service: '<bpmn:serviceTask id="ID" tongban:handler="h"/>',
    receive: '<bpmn:receiveTask id="ID" messageRef="m"/>',
    exclusive: '<bpmn:exclusiveGateway id="ID"/>',
    inclusive: '<bpmn:inclusiveGateway id="ID"/>',
    parallel: '<bpmn:parallelGateway id="ID"/>',
    timer: '<bpmn:intermediateCatchEvent id="ID"><bpmn:timerEventDefinition><bpmn:timeDuration>P2WD</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
    call: '<bpmn:callActivity id="ID" calledElement="other"/>',
    sub: `<bpmn:subProcess id="ID"><bpmn:startEvent id="ID_s"/><bpmn:endEvent id="ID_e"/>${flow('ID_f', 'ID_s', 'ID_e')}</bpmn:subProcess>`,
    manual: '<bpmn:manualTask id="ID"/>',
  };
  type Step = keyof typeof STEP;
  const chainGraph = fc.record({
    steps: fc.array(fc.constantFrom(...(Object.keys(STEP) as Step[])), { minLength: 1, maxLength: 6 }),
    extra: fc.array(fc.tuple(fc.nat(6), fc.nat(6)), { maxLength: 4 }),
  });

  it('on random chains with extra flows: no errors exactly when nothing unsupported is in them, and then a sound model', async () => {
    let sound = 0;
    await fc.assert(
      fc.asyncProperty(chainGraph, async ({ steps, extra }) => {
        const ids = steps.map((_, i) => `s${i}`);
        const kinds = new Map(steps.map((kind, i) => [`s${i}`, kind]));
        const deciding = (id: string) => kinds.get(id) === 'exclusive' || kinds.get(id) === 'inclusive';
        const edges: [string, string][] = [['start', ids[0]!], ...ids.map((id, i): [string, string] => [id, ids[i + 1] ?? 'end'])];
        for (const [from, to] of extra) edges.push([ids[from % ids.length]!, ids[to % ids.length]!]);
        const body =
          START +
          END +
          steps.map((kind, i) => STEP[kind].replaceAll('ID', `s${i}`)).join('') +
          edges.map(([from, to], i) => flow(`e${i}`, from, to, deciding(from) ? `x > ${i}` : undefined)).join('');
        const xml = definitions(body, '<bpmn:message id="m" name="paid"/>');
        const { model, findings } = await validate(xml);
        wellFormed(findings);
        const errors = findings.filter((f) => f.severity === 'error');
        expect(errors.map((f) => f.code)).toEqual(steps.filter((k) => k === 'manual').map(() => 'UNSUPPORTED_ELEMENT'));
        if (errors.length > 0) return;
        sound++;
        const compiled = await compileBpmn(xml);
        expect(compiled).toEqual(model);
        expect(Object.keys(compiled.flows)).toHaveLength(edges.length + steps.filter((k) => k === 'sub').length);
        for (const node of Object.values(compiled.nodes)) {
          expect(node.type).not.toBe('unsupported');
          if (node.type !== 'endEvent') expect(node.outgoing.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
    expect(sound).toBeGreaterThan(50);
  });

  it('finds nothing wrong with the sample used above', async () => {
    expect((await validate(SAMPLE)).findings).toEqual([]);
    expect((await validate(definitions(`${START}${END}${chain()}`))).findings).toEqual([]);
  });
});

describe('the expression language fails only with its own codes', () => {
  const token = fc.constantFrom('a', 'b.c', '1', '2.5', '"s"', "'t'", 'true', 'null', '[', ']', ',', '(', ')', '+', '-', '*', '/', '%', '==', '!=', '<', '>=', '!', 'and', 'or', 'not', 'in', '&&', '||', '${', '}');
  const data = fc.record({ a: fc.jsonValue(), b: fc.record({ c: fc.jsonValue() }) });

  function expectOwnError(run: () => unknown, code: string): void {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
    }
  }

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (source) => expectOwnError(() => parseExpression(source), 'EXPRESSION_SYNTAX')),
      { numRuns: 1000 },
    );
  });

  it('on token soup, parsed and evaluated over random data', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 14 }), data, (tokens, scope) => {
        const source = tokens.join(' ');
        let parsed = false;
        expectOwnError(() => {
          parseExpression(source);
          parsed = true;
        }, 'EXPRESSION_SYNTAX');
        if (parsed) expectOwnError(() => evaluateExpression(source, scope), 'EXPRESSION_EVALUATION');
      }),
      { numRuns: 2000 },
    );
  });
});

/**
 * A small builder for BPMN 2.0 processes as code (the demo center's, and
 * those the server tests make through server/test/factories.ts): steps in a line,
 * parallel branches (并联) and countersigns (会签), written out as the XML the
 * engine deploys (docs/bpmn-support.md). The designer lays the diagram out
 * itself, so no BPMN DI is written.
 *
 *   bpmnProcess({ key: 'review-decide-zjj', name: '住建局审查决定',
 *     steps: [task('review', '审查', 'ZJJ', 3), task('decide', '决定', 'ZJJ', 2)] })
 */

/** A user task handled by one or more departments (tongban:assigneeKind="department"). */
export interface TaskStep {
  kind: 'task';
  id: string;
  name: string;
  departments: string[];
  limitDays?: number;
  /** A multi-instance step: one signer per department (会签 all / 或签 any). */
  completion?: 'all' | 'any';
  /** What the engine does when the limit passes (docs/bpmn-support.md). */
  timeoutAction?: 'remind' | 'autoApprove' | 'autoReject';
}

/** Branches that run at the same time between a parallel split and its join. */
export interface ParallelStep {
  kind: 'parallel';
  split: { id: string; name: string };
  join: { id: string; name: string };
  branches: Step[][];
}

export type Step = TaskStep | ParallelStep;

/** One department's step, with its time limit in working days (and what happens when it passes). */
export function task(id: string, name: string, department: string, limitDays?: number, timeoutAction?: TaskStep['timeoutAction']): TaskStep {
  return { kind: 'task', id, name, departments: [department], ...(limitDays ? { limitDays } : {}), ...(timeoutAction ? { timeoutAction } : {}) };
}

/** 会签: every department signs (completion all), or the first to sign decides (any). */
export function countersign(id: string, name: string, departments: string[], limitDays?: number, completion: 'all' | 'any' = 'all'): TaskStep {
  if (departments.length < 2) throw new Error(`countersign ${id} needs two departments or more`);
  return { kind: 'task', id, name, departments, completion, ...(limitDays ? { limitDays } : {}) };
}

/** 并联: the branches run side by side; the case moves on when all are done. */
export function parallel(split: { id: string; name: string }, join: { id: string; name: string }, ...branches: Step[][]): ParallelStep {
  if (branches.length < 2 || branches.some((b) => b.length === 0)) throw new Error(`parallel ${split.id} needs two non-empty branches or more`);
  return { kind: 'parallel', split, join, branches };
}

export interface ProcessSpec {
  key: string;
  name: string;
  steps: Step[];
  /** Names of the start and end events; default 受理 and 办结. */
  startName?: string;
  endName?: string;
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:tongban="http://tongban.org/schema/bpmn"
                  id="defs" targetNamespace="http://tongban.org/demo">`;

/** The process as deployable BPMN XML: start → steps → end, flows numbered f1, f2… in order. */
export function bpmnProcess(spec: ProcessSpec): { key: string; xml: string } {
  if (spec.steps.length === 0) throw new Error(`process ${spec.key} has no steps`);
  const nodes: string[] = [];
  const flows: { id: string; from: string; to: string }[] = [];
  const seen = new Set<string>(['start', 'end']);
  const claim = (id: string) => {
    if (seen.has(id)) throw new Error(`process ${spec.key}: node id ${id} used twice`);
    seen.add(id);
  };
  const connect = (from: string, to: string) => flows.push({ id: `f${flows.length + 1}`, from, to });

  /** Writes the steps after `from`; returns the id of the last node. */
  const chain = (from: string, steps: Step[]): string => {
    let last = from;
    for (const step of steps) {
      if (step.kind === 'task') {
        claim(step.id);
        connect(last, step.id);
        nodes.push(taskXml(step));
        last = step.id;
      } else {
        claim(step.split.id);
        claim(step.join.id);
        connect(last, step.split.id);
        nodes.push(`<bpmn:parallelGateway id="${step.split.id}" name="${escapeXml(step.split.name)}"/>`);
        const ends = step.branches.map((b) => chain(step.split.id, b));
        nodes.push(`<bpmn:parallelGateway id="${step.join.id}" name="${escapeXml(step.join.name)}"/>`);
        for (const e of ends) connect(e, step.join.id);
        last = step.join.id;
      }
    }
    return last;
  };
  const last = chain('start', spec.steps);
  connect(last, 'end');

  // Each node lists its incoming and outgoing flows, as BPMN modelers write them.
  const refs = (id: string) =>
    flows.filter((f) => f.to === id).map((f) => `<bpmn:incoming>${f.id}</bpmn:incoming>`).join('') +
    flows.filter((f) => f.from === id).map((f) => `<bpmn:outgoing>${f.id}</bpmn:outgoing>`).join('');
  const withRefs = (xml: string) => xml.replace(/ id="([^"]+)"([^>]*?)(\/>|>)/, (_m, id: string, attrs: string, close: string) =>
    close === '/>' ? ` id="${id}"${attrs}>${refs(id)}</${tagOf(xml)}>` : ` id="${id}"${attrs}>${refs(id)}`);

  const body = [
    withRefs(`<bpmn:startEvent id="start" name="${escapeXml(spec.startName ?? '受理')}"/>`),
    ...nodes.map(withRefs),
    withRefs(`<bpmn:endEvent id="end" name="${escapeXml(spec.endName ?? '办结')}"/>`),
    ...flows.map((f) => `<bpmn:sequenceFlow id="${f.id}" sourceRef="${f.from}" targetRef="${f.to}"/>`),
  ];
  return {
    key: spec.key,
    xml: `${HEADER}
  <bpmn:process id="${spec.key}" name="${escapeXml(spec.name)}" isExecutable="true">
${body.map((line) => `    ${line}`).join('\n')}
  </bpmn:process>
</bpmn:definitions>
`,
  };
}

const tagOf = (xml: string): string => /^<([\w:]+)/.exec(xml)![1]!;

function taskXml(t: TaskStep): string {
  const limit = (t.limitDays ? ` tongban:limitDays="${t.limitDays}"` : '') + (t.timeoutAction ? ` tongban:timeoutAction="${t.timeoutAction}"` : '');
  const open = `<bpmn:userTask id="${t.id}" name="${escapeXml(t.name)}" tongban:assigneeKind="department" tongban:assignee="${t.departments.join(',')}"${limit}`;
  if (!t.completion) return `${open}/>`;
  return `${open}><bpmn:multiInstanceLoopCharacteristics tongban:completion="${t.completion}"/></bpmn:userTask>`;
}

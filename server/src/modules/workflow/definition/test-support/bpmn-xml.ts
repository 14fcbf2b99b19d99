/** Builders for small hand-written BPMN documents in tests. */

const NAMESPACES = [
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
  'xmlns:tongban="http://tongban.org/schema/bpmn"',
].join(' ');

/** A definitions document with one executable process holding `body`; `roots` go beside the process (messages, errors). */
export function definitions(body: string, roots = '', processId = 'p'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="defs" targetNamespace="http://tongban.org/test">
  ${roots}
  <bpmn:process id="${processId}" isExecutable="true">
    ${body}
  </bpmn:process>
</bpmn:definitions>`;
}

export function flow(id: string, source: string, target: string, condition?: string): string {
  if (condition === undefined) return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"/>`;
  const body = condition.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${body}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

/** A user task with a valid assignee rule, so tests about other things stay free of ASSIGNEE_MISSING. */
export function userTask(id: string, attributes = '', content = ''): string {
  return `<bpmn:userTask id="${id}" tongban:assigneeKind="role" tongban:assignee="approver" ${attributes}>${content}</bpmn:userTask>`;
}

/** start → `middle` elements chained by flows → end; ids f0, f1, … */
export function chain(...ids: string[]): string {
  const all = ['start', ...ids, 'end'];
  return all
    .slice(1)
    .map((id, i) => flow(`f${i}`, all[i]!, id))
    .join('\n');
}

export const START = '<bpmn:startEvent id="start"/>';
export const END = '<bpmn:endEvent id="end"/>';

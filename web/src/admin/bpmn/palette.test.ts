import { describe, expect, it } from 'vitest';
import { CONTEXT_APPENDS, contextEntryKept, replaceEntryAllowed } from './palette';
import { translateFor } from './translate-zh';
import { adminMessages } from '../messages';

describe('the designer offers only what executes', () => {
  it('keeps executable change-type targets and drops the rest', () => {
    for (const id of ['user-task', 'service-task', 'receive-task', 'call-activity', 'exclusive-gateway', 'parallel-gateway', 'inclusive-gateway',
      'timer-intermediate-catch', 'message-intermediate-catch', 'timer-boundary', 'non-interrupting-timer-boundary', 'error-boundary', 'terminate-end']) {
      expect(replaceEntryAllowed(`replace-with-${id}`), id).toBe(true);
    }
    for (const id of ['task', 'manual-task', 'script-task', 'send-task', 'rule-task', 'complex-gateway', 'event-based-gateway', 'transaction',
      'event-subprocess', 'ad-hoc-subprocess', 'signal-intermediate-catch', 'message-intermediate-throw', 'timer-start', 'message-boundary', 'escalation-end',
      'conditional-flow', 'none-intermediate-throw']) {
      expect(replaceEntryAllowed(`replace-with-${id}`), id).toBe(false);
    }
  });

  it('the context pad appends only executable elements, each labelled in Chinese', () => {
    for (const id of ['append.append-task', 'append.intermediate-event', 'append.condition-intermediate-event', 'append.signal-intermediate-event',
      'append.compensation-activity']) {
      expect(contextEntryKept(id), id).toBe(false);
      expect(CONTEXT_APPENDS.map((a) => a.id), id).not.toContain(id);
    }
    for (const id of ['delete', 'replace', 'connect', 'append.text-annotation', 'lane-insert-above']) expect(contextEntryKept(id), id).toBe(true);
    const zh = translateFor(() => 'zh');
    for (const a of CONTEXT_APPENDS) {
      expect(['bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:ReceiveTask', 'bpmn:ExclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:InclusiveGateway',
        'bpmn:IntermediateCatchEvent', 'bpmn:EndEvent']).toContain(a.type);
      expect(zh(a.title), a.title).toMatch(/^追加/);
    }
  });

  it('translates bpmn-js labels to Chinese and fills placeholders', () => {
    const zh = translateFor(() => 'zh');
    expect(zh('Create user task')).toBe('人工任务（办理环节）');
    expect(zh('Something new')).toBe('Something new');
    expect(zh('no parent for {element} in {parent}', { element: 'a', parent: 'b' })).toBe('b 中的 a 没有上级元素');
    expect(translateFor(() => 'en')('Create user task')).toBe('Create user task');
  });

  it('has every designer message in English', () => {
    expect(Object.keys(adminMessages.en).sort()).toEqual(Object.keys(adminMessages.zh).sort());
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../platform/events/stream.ts';
import { applyEvent, type ProjectionState } from './projection.ts';

/** The projection's irregular-procedure checks on refusals, event by event, in memory. */
function emptyState(): ProjectionState {
  return { sourceId: 'center', cases: new Map(), steps: new Map(), changedCases: new Set(), changedSteps: new Set(), anomalies: [], attendance: [] };
}

let seq = 0;
function event(caseId: string, type: string, payload: Record<string, unknown>, schemaVersion = 1): StoredEvent {
  seq++;
  return {
    seq, id: randomUUID(), type, schemaVersion, caseId, caseNo: `SC-${caseId.slice(0, 4)}`, departmentId: null, actorId: randomUUID(), actorRole: 'approver',
    occurredAt: new Date(Date.UTC(2026, 8, 24, 2, seq)).toISOString(), payload, prevHash: '0'.repeat(64), hash: '0'.repeat(64),
  };
}

/** A case submitted, accepted and decided at its one step, then concluded by `conclusion`. */
function deniedCase(conclusion: Record<string, unknown>, version: number): ProjectionState {
  const state = emptyState();
  const caseId = randomUUID();
  const taskId = randomUUID();
  const ref = { instanceId: randomUUID(), businessKey: null, taskId, nodeId: 'decide' };
  applyEvent(state, event(caseId, 'case.submitted', { itemId: randomUUID(), itemCode: 'X', itemName: '许可', channel: 'online', noticeDue: '2026-09-30T09:00:00Z' }, 2));
  applyEvent(state, event(caseId, 'case.accepted', { acceptedAt: '2026-09-24T02:10:00Z', due: '2026-10-09T09:00:00Z' }, 2));
  applyEvent(state, event(caseId, 'task.created', { ...ref, name: '审核决定', assignee: null, candidateKind: 'department', candidates: ['SCJG'], dueAt: null, stage: 'approve' }, 2));
  applyEvent(state, event(caseId, 'task.completed', { ...ref, outcome: 'reject', loopIndex: null }, 2));
  applyEvent(state, event(caseId, 'case.concluded', conclusion, version));
  return state;
}

describe('refusals without a reason or a legal basis', () => {
  it('flags a denial (不予许可) whose reason cites no law, or that gives none, on the deciding step', () => {
    const noBasis = deniedCase({ result: 'denied', reason: '经研究，不符合条件' }, 3);
    expect(noBasis.anomalies.map((a) => [a.kind, a.details.refusal, a.details.missing])).toEqual([['refusal_without_basis', 'denied', 'legal_basis']]);
    const decided = [...noBasis.steps.values()].find((s) => s.name === '审核决定')!;
    expect(noBasis.anomalies[0]!.step_id).toBe(decided.step_id);
    const none = deniedCase({ result: 'denied', reason: null }, 3);
    expect(none.anomalies.map((a) => a.details.missing)).toEqual(['reason']);
  });

  it('leaves a founded denial, an approval and an older version (which carries no reason) alone', () => {
    expect(deniedCase({ result: 'denied', reason: '依据《食品经营许可管理办法》第十二条，不予许可' }, 3).anomalies).toEqual([]);
    expect(deniedCase({ result: 'approved', reason: null }, 3).anomalies).toEqual([]);
    expect(deniedCase({ result: 'denied' }, 2).anomalies).toEqual([]);
  });

  it('flags a refusal to accept (不予受理) on its 受理 stage the same way', () => {
    const state = emptyState();
    const caseId = randomUUID();
    applyEvent(state, event(caseId, 'case.submitted', { itemId: randomUUID(), itemCode: 'X', itemName: '许可', channel: 'online', noticeDue: '2026-09-30T09:00:00Z' }, 2));
    applyEvent(state, event(caseId, 'case.refused', { reason: '材料不符合要求' }, 2));
    expect(state.anomalies.map((a) => [a.kind, a.details.refusal, a.details.missing, a.step_id])).toEqual([['refusal_without_basis', 'not_accepted', 'legal_basis', caseId]]);
  });
});

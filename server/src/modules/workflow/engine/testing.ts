import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/pool.ts';
import { createTestDb } from '../../../../test/db.ts';
import { deployDefinition } from './definitions.ts';
import type { HandlerRegistry } from './handlers.ts';
import type { Actor, EngineEnv, TaskRow } from './types.ts';

/** Test kit: a fresh database per test file, a manual clock, BPMN fixtures as small XML strings. */

export interface Kit {
  db: Db;
  url: string;
  clock: ManualClock;
  env: EngineEnv;
  deploy(xml: string): Promise<string>;
  drop(): Promise<void>;
}

export async function engineKit(options: { handlers?: HandlerRegistry } = {}): Promise<Kit> {
  const { db, url, drop } = await createTestDb();
  const clock = new ManualClock('2026-03-02T01:00:00Z');
  const env: EngineEnv = { db, clock, ...(options.handlers ? { handlers: options.handlers } : {}) };
  return {
    db,
    url,
    clock,
    env,
    deploy: async (xml) => (await deployDefinition(env, { xml, publish: true })).key,
    drop,
  };
}

let counter = 0;

/** Wraps flow elements in a bpmn:definitions with a fresh process key; `extra` goes beside the process (messages, errors). */
export function bpmn(body: string, extra = '', key = `p${++counter}_${randomUUID().slice(0, 6)}`): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tongban="http://tongban.org/schema/bpmn" id="d_${key}" targetNamespace="http://tongban.org/test">
  ${extra}
  <bpmn:process id="${key}" isExecutable="true">
${body}
  </bpmn:process>
</bpmn:definitions>`;
}

/** A user task handled by one user. */
export function userTask(id: string, user: string, attrs = '', inner = ''): string {
  return `<bpmn:userTask id="${id}" name="${id}" tongban:assigneeKind="user" tongban:assignee="${user}" ${attrs}>${inner}</bpmn:userTask>`;
}

export function flow(id: string, from: string, to: string, condition?: string): string {
  if (!condition) return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression>${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

/** Chains flows a → b → c … with ids f_a_b. */
export function chain(...ids: string[]): string {
  return ids.slice(1).map((to, i) => flow(`f_${ids[i]}_${to}`, ids[i]!, to)).join('\n');
}

export function person(name: string, extra: Partial<Actor> = {}): Actor {
  return { id: name, role: 'approver', ...extra };
}

export async function openTasks(db: Db, instanceId: string): Promise<TaskRow[]> {
  const { rows } = await db.query<TaskRow>(
    "SELECT * FROM wf_tasks WHERE root_id = (SELECT root_id FROM wf_instances WHERE id = $1) AND status IN ('open','delegated') ORDER BY created_at, loop_index NULLS FIRST, node_id",
    [instanceId],
  );
  return rows;
}

/** The one open task at a node; fails the test if there is not exactly one. */
export async function taskAt(db: Db, instanceId: string, nodeId: string, assignee?: string): Promise<TaskRow> {
  const tasks = (await openTasks(db, instanceId)).filter((t) => t.node_id === nodeId && (assignee === undefined || t.assignee === assignee));
  if (tasks.length !== 1) throw new Error(`expected one open task at ${nodeId}${assignee ? ` for ${assignee}` : ''}, found ${tasks.length}`);
  return tasks[0]!;
}

export async function instanceStatus(db: Db, instanceId: string): Promise<string> {
  const { rows } = await db.query<{ status: string }>('SELECT status FROM wf_instances WHERE id = $1', [instanceId]);
  return rows[0]!.status;
}

/** Expects the promise to reject with an AppError of this code; returns the error's details. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? `uncoded: ${(error as Error).message}`;
  }
  return 'no error';
}

import type { Tx } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { eventsInsert, type NewEvent } from '../../../platform/events/stream.ts';
import type { CompiledModel } from './compiled-model.ts';
import { calendarDayCalculator, type DueDateCalculator } from './due-dates.ts';
import { eventActor, loadModel } from './definitions.ts';
import type { Actor, CompletionEffects, EngineEnv, InstanceRow, TokenRow, Variables } from './types.ts';

/**
 * The state of one command while it runs: the instances it touched (locked
 * through their root), tokens in motion, and what it will write at the end
 * (variables, history rows, events). It lives for one transaction only;
 * nothing in it survives the command.
 */

export interface LoadedInstance {
  row: InstanceRow;
  compiled: CompiledModel;
  /** Working copy; written back once at the end when changed. */
  variables: Variables;
  variablesAtStart: Variables;
  statusAtStart: string;
  dirty: boolean;
}

/** A token between two resting places: never stored. */
export interface Moving {
  instanceId: string;
  nodeId: string;
  scopeId: string | null;
  branch: string[];
  viaFlow: string | null;
}

export interface HistoryEntry {
  instanceId: string;
  taskId?: string | null;
  nodeId?: string | null;
  action: string;
  actorId?: string | null;
  opinion?: string | null;
  fields?: Record<string, { from: unknown; to: unknown }> | null;
  details?: Record<string, unknown> | null;
}

export class RunContext {
  readonly instances = new Map<string, LoadedInstance>();
  readonly queue: Moving[] = [];
  /** Scope tokens cancelled in this run: tokens in motion inside them stop. */
  readonly deadScopes = new Set<string>();
  readonly history: HistoryEntry[] = [];
  readonly events: NewEvent[] = [];
  readonly taskEffects: { taskId: string; effects: CompletionEffects }[] = [];
  /** Node ids passed per instance, written as one 'passed' history row (diagram highlighting). */
  readonly passed = new Map<string, string[]>();
  readonly dueDates: DueDateCalculator;

  // The undo log, read by withdraw (撤回).
  readonly createdTokens = new Map<string, TokenRow>();
  readonly tokensBefore = new Map<string, TokenRow>();
  readonly deletedTokens = new Set<string>();
  /** Tasks opened by this run and still open: id → node and assignee. */
  readonly createdTasks = new Map<string, { id: string; nodeId: string; assignee: string | null }>();
  readonly cancelledTasks = new Set<string>();
  readonly cancelledTimers = new Set<string>();
  irreversible: string | undefined;
  /**
   * The token under the command's task, read with the task. Valid until the
   * run changes a token: take it with `takeTaskToken` before doing so.
   */
  taskToken: TokenRow | null | undefined;

  constructor(
    readonly tx: Tx,
    readonly env: EngineEnv,
    readonly now: Date,
    readonly rootId: string,
    readonly actor: Actor | null,
  ) {
    this.dueDates = env.dueDates ?? calendarDayCalculator;
  }

  instance(id: string): LoadedInstance {
    const loaded = this.instances.get(id);
    if (!loaded) throw new Error(`instance ${id} not loaded in this run`);
    return loaded;
  }

  /** Loads an instance of the locked tree (once per run). */
  async load(id: string): Promise<LoadedInstance> {
    const known = this.instances.get(id);
    if (known) return known;
    const { rows } = await this.tx.query<InstanceRow>('SELECT * FROM wf_instances WHERE id = $1', [id]);
    const row = rows[0];
    if (!row) throw new AppError('INSTANCE_NOT_FOUND', { instanceId: id });
    return this.adopt(row);
  }

  async adopt(row: InstanceRow): Promise<LoadedInstance> {
    const compiled = await loadModel(this.tx, row.definition_id);
    const loaded: LoadedInstance = { row, compiled, variables: { ...row.variables }, variablesAtStart: row.variables, statusAtStart: row.status, dirty: false };
    this.instances.set(row.id, loaded);
    return loaded;
  }

  setVariables(instanceId: string, values: Variables): void {
    const loaded = this.instance(instanceId);
    Object.assign(loaded.variables, values);
    loaded.dirty = true;
  }

  record(entry: HistoryEntry): void {
    this.history.push(entry);
  }

  emit(type: string, instanceId: string, payload: Record<string, unknown>): void {
    const row = this.instance(instanceId).row;
    this.events.push({
      type,
      caseId: row.case_id,
      actor: eventActor(this.actor),
      occurredAt: this.now,
      payload: { instanceId, businessKey: row.business_key, ...payload },
    });
  }

  pass(instanceId: string, nodeId: string): void {
    const list = this.passed.get(instanceId);
    if (list) list.push(nodeId);
    else this.passed.set(instanceId, [nodeId]);
  }

  markIrreversible(why: string): void {
    this.irreversible ??= why;
  }

  /** Remembers a stored token's state before this run first changes it. */
  touch(token: TokenRow): void {
    if (!this.createdTokens.has(token.id) && !this.tokensBefore.has(token.id)) this.tokensBefore.set(token.id, structuredClone(token));
  }

  /** The undo record of this run for the task whose completion started it. */
  effects(instanceId: string, voteTokenId?: string): CompletionEffects {
    const loaded = this.instance(instanceId);
    const before = loaded.variablesAtStart;
    const variablesBefore: Record<string, unknown> = {};
    const variablesAdded: string[] = [];
    for (const [key, value] of Object.entries(loaded.variables)) {
      if (!Object.hasOwn(before, key)) variablesAdded.push(key);
      else if (JSON.stringify(before[key]) !== JSON.stringify(value)) variablesBefore[key] = before[key];
    }
    const effects: CompletionEffects = {
      createdTokens: [...this.createdTokens.values()].map((t) => ({ id: t.id, rev: t.rev })),
      createdTasks: [...this.createdTasks.keys()],
      consumedTokens: [...this.tokensBefore.values()].filter((t) => this.deletedTokens.has(t.id)),
      cancelledTasks: [...this.cancelledTasks],
      cancelledTimers: [...this.cancelledTimers],
      variablesBefore,
      variablesAdded,
    };
    if (voteTokenId) effects.vote = { tokenId: voteTokenId };
    if (this.irreversible) effects.irreversible = this.irreversible;
    return effects;
  }

  /** The token read with the command's task, once; undefined when the task was read otherwise. */
  takeTaskToken(tokenId: string): TokenRow | null | undefined {
    const token = this.taskToken;
    this.taskToken = undefined;
    if (token === undefined || (token !== null && token.id !== tokenId)) return undefined;
    return token;
  }

  /** The undo record of a completed task, written with the rest at the end of the run. */
  keepEffects(taskId: string, effects: CompletionEffects): void {
    this.taskEffects.push({ taskId, effects });
  }

  /**
   * Writes what the run kept in memory — changed variables and statuses, the
   * completed tasks' undo records, history, events — as one statement (one
   * round trip): a step's cost is mostly round trips to the database.
   */
  async flush(): Promise<void> {
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const writes: string[] = [];
    for (const loaded of this.instances.values()) {
      // Unchanged variables are not rewritten: most steps only move tokens.
      const changed = loaded.row.status !== loaded.statusAtStart || JSON.stringify(loaded.variables) !== JSON.stringify(loaded.variablesAtStart);
      if (loaded.dirty && changed) {
        writes.push(`UPDATE wf_instances SET variables = ${p(JSON.stringify(loaded.variables))}::jsonb, status = ${p(loaded.row.status)}::text,
          ended_at = ${p(loaded.row.ended_at)}::timestamptz WHERE id = ${p(loaded.row.id)}::uuid`);
      }
    }
    for (const { taskId, effects } of this.taskEffects) {
      writes.push(`UPDATE wf_tasks SET effects = ${p(JSON.stringify(effects))}::jsonb WHERE id = ${p(taskId)}::uuid`);
    }
    for (const [instanceId, nodes] of this.passed) this.history.push({ instanceId, action: 'passed', details: { nodes } });
    if (this.history.length > 0) writes.push(historyInsert(this.rootId, this.now, this.history, p));
    if (this.events.length > 0) writes.push(eventsInsert(this.events, p));
    if (writes.length === 0) return;
    // Data-modifying CTEs: every part runs once, on different rows, in one statement.
    const last = writes.pop()!;
    const sql = writes.length === 0 ? last : `WITH ${writes.map((w, i) => `w${i} AS (${w})`).join(',\n')}\n${last}`;
    await this.tx.query(sql, params);
  }
}

function historyInsert(rootId: string, at: Date, entries: HistoryEntry[], p: (value: unknown) => string): string {
  const root = p(rootId);
  const when = p(at);
  const values = entries.map((e) =>
    `(${p(e.instanceId)}::uuid, ${root}::uuid, ${p(e.taskId ?? null)}::uuid, ${p(e.nodeId ?? null)}::text, ${p(e.action)}::text, ${p(e.actorId ?? null)}::text, ` +
    `${when}::timestamptz, ${p(e.opinion ?? null)}::text, ${p(e.fields ? JSON.stringify(e.fields) : null)}::jsonb, ${p(e.details ? JSON.stringify(e.details) : null)}::jsonb)`,
  );
  return `INSERT INTO wf_history (instance_id, root_id, task_id, node_id, action, actor_id, at, opinion, fields, details) VALUES ${values.join(', ')}`;
}

import type { Tx } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { appendEvents, type NewEvent } from '../../../platform/events/stream.ts';
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

  /** Writes what the run kept in memory: variables and statuses, history, then the events (last: they lock the chain head). */
  async flush(): Promise<void> {
    for (const loaded of this.instances.values()) {
      // Unchanged variables are not rewritten: most steps only move tokens.
      const changed = loaded.row.status !== loaded.statusAtStart || JSON.stringify(loaded.variables) !== JSON.stringify(loaded.variablesAtStart);
      if (loaded.dirty && changed) {
        await this.tx.query('UPDATE wf_instances SET variables = $2, status = $3, ended_at = $4 WHERE id = $1', [
          loaded.row.id,
          JSON.stringify(loaded.variables),
          loaded.row.status,
          loaded.row.ended_at,
        ]);
      }
    }
    for (const [instanceId, nodes] of this.passed) this.history.push({ instanceId, action: 'passed', details: { nodes } });
    if (this.history.length > 0) await insertHistory(this.tx, this.rootId, this.now, this.history);
    await appendEvents(this.tx, this.events);
  }
}

async function insertHistory(tx: Tx, rootId: string, at: Date, entries: HistoryEntry[]): Promise<void> {
  const values: string[] = [];
  const params: unknown[] = [rootId, at];
  for (const e of entries) {
    const base = params.length;
    params.push(e.instanceId, e.taskId ?? null, e.nodeId ?? null, e.action, e.actorId ?? null, e.opinion ?? null,
      e.fields ? JSON.stringify(e.fields) : null, e.details ? JSON.stringify(e.details) : null);
    values.push(`($${base + 1}, $1, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $2, $${base + 6}, $${base + 7}, $${base + 8})`);
  }
  await tx.query(
    `INSERT INTO wf_history (instance_id, root_id, task_id, node_id, action, actor_id, at, opinion, fields, details) VALUES ${values.join(', ')}`,
    params,
  );
}

import type { Tx } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/errors.ts';
import { eventsInsert, type NewEvent } from '../../../platform/events/stream.ts';
import type { CompiledModel } from './compiled-model.ts';
import { calendarDayCalculator, type DueDateCalculator } from './due-dates.ts';
import { eventActor, loadModel } from './definitions.ts';
import type { Statement } from '../../../platform/db/pipeline.ts';
import type { Actor, CompletionEffects, EngineEnv, InstanceRow, TaskRow, TokenRow, Variables } from './types.ts';

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
  /** The variables and status as stored (a row this run inserts: as it will be inserted). */
  storedVariables: Variables;
  storedStatus: string;
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

/** A task row as inserted (status open; the other columns take their defaults). */
export type NewTaskRow = Pick<
  TaskRow,
  'id' | 'instance_id' | 'root_id' | 'token_id' | 'node_id' | 'name' | 'assignee' | 'candidate_kind' | 'candidate_values' | 'loop_index' | 'due_at' | 'created_at' | 'scope_token_id' | 'branch'
>;

export interface TaskCompletion {
  instanceId: string;
  outcome: string | null;
  opinion: string | null;
  at: Date;
  by: string | null;
}

/** Statements that must see the run's pending writes first. */
const TOUCHES_PENDING = /\bwf_(tokens|tasks)\b/;

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
  readonly taskEffects: { taskId: string; instanceId: string; effects: CompletionEffects }[] = [];
  /** Instances ended by this run: their tasks' undo records are dropped (nothing can be withdrawn any more). */
  private readonly undoDropped = new Set<string>();
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

  // Writes of tokens and tasks not yet sent. A token created and consumed
  // inside one run (gateways, a join that fires) is never written at all; the
  // rest go out together with the next statement that touches wf_tokens or
  // wf_tasks (`tx` sees to it), or with the final flush: one round trip
  // instead of one per row, and every statement still sees the run's writes.
  private readonly tokenInserts = new Map<string, TokenRow>();
  private readonly tokenUpdates = new Map<string, TokenRow>();
  private readonly tokenDeletes = new Set<string>();
  private readonly taskInserts = new Map<string, NewTaskRow>();
  private readonly taskCompletions = new Map<string, TaskCompletion>();
  /** Tasks claimed on the way to an operation (办理即签收): task id → claimer. */
  private readonly taskClaims = new Map<string, string>();
  /** Instance rows created by this run, not yet written; every statement of the run writes them first. */
  private readonly instanceInserts = new Map<string, LoadedInstance>();
  /**
   * Every stored token of an instance, read under the tree lock (or none, for
   * an instance this run creates), kept equal to the table as the run writes:
   * the run's checks on those tokens need no round trip.
   */
  private readonly knownTokens = new Map<string, Map<string, TokenRow>>();
  /** The transaction as given; `tx` wraps it. */
  private readonly raw: Tx;
  /**
   * The run's transaction. Before a statement that names wf_tokens or
   * wf_tasks it writes the pending rows, so no reader — engine code or a
   * service task handler — can see the tables without the run's own writes.
   */
  readonly tx: Tx;
  /**
   * The token under the command's task, read with the task. Valid until the
   * run changes a token: take it with `takeTaskToken` before doing so.
   */
  taskToken: TokenRow | null | undefined;

  constructor(
    tx: Tx,
    readonly env: EngineEnv,
    readonly now: Date,
    readonly rootId: string,
    readonly actor: Actor | null,
  ) {
    this.dueDates = env.dueDates ?? calendarDayCalculator;
    this.raw = tx;
    const query = async (...args: unknown[]) => {
      const first = args[0];
      const sql = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '');
      if (this.instanceInserts.size > 0 || (this.hasPendingWrites() && TOUCHES_PENDING.test(sql))) await this.writePending();
      return (tx.query as (...a: unknown[]) => unknown)(...args);
    };
    this.tx = new Proxy(tx, {
      get: (target, prop) => {
        if (prop === 'query') return query;
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
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
    const loaded: LoadedInstance = {
      row,
      compiled,
      variables: { ...row.variables },
      variablesAtStart: row.variables,
      storedVariables: row.variables,
      storedStatus: row.status,
      dirty: false,
    };
    this.instances.set(row.id, loaded);
    return loaded;
  }

  /** An instance created by this run: loaded now, its row written with the run's next statement; it has no tokens yet. */
  async adoptNew(row: InstanceRow): Promise<LoadedInstance> {
    const loaded = await this.adopt(row);
    this.instanceInserts.set(row.id, loaded);
    this.knownTokens.set(row.id, new Map());
    return loaded;
  }

  /** Every stored token of an instance, as read under the tree lock. */
  knowTokens(instanceId: string, rows: readonly TokenRow[]): void {
    this.knownTokens.set(instanceId, new Map(rows.map((t) => [t.id, t])));
  }

  /** A statement outside the pending writes changed wf_tokens: the known tokens are stale. */
  forgetKnownTokens(): void {
    this.knownTokens.clear();
  }

  /** Nothing can be withdrawn from an ended instance: its tasks' undo records go with the run's last statement. */
  dropUndoRecords(instanceId: string): void {
    this.undoDropped.add(instanceId);
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

  /** A new token, written later (see `writePending`). */
  addToken(row: TokenRow): void {
    this.tokenInserts.set(row.id, row);
  }

  /** A token's new data and rev, written later; a token not yet written carries them itself. */
  changeToken(row: TokenRow): void {
    if (!this.tokenInserts.has(row.id)) this.tokenUpdates.set(row.id, row);
  }

  /** A token gone; one this run created and never wrote is simply forgotten. */
  dropToken(id: string): void {
    if (this.tokenInserts.delete(id)) return;
    this.tokenUpdates.delete(id);
    this.tokenDeletes.add(id);
  }

  /**
   * Tokens as they stand in this run without writing the pending changes
   * first: the stored rows `sql` selects, less those this run deleted, with
   * its changes, plus the run's unwritten tokens `matches` accepts (the same
   * condition as the SQL's). Saves a round trip where a run only looks.
   */
  async tokensAsOfRun(sql: string, params: unknown[], matches: (t: TokenRow) => boolean, instanceId?: string): Promise<TokenRow[]> {
    const known = instanceId === undefined ? undefined : this.knownTokens.get(instanceId);
    const rows = known ? [...known.values()].filter(matches) : (await this.raw.query<TokenRow>(sql, params)).rows;
    const stored = rows
      .filter((t) => !this.tokenDeletes.has(t.id))
      .map((t) => this.tokenUpdates.get(t.id) ?? t);
    const added = [...this.tokenInserts.values()].filter(matches);
    return [...stored, ...added].sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** A new task, written later. */
  addTask(row: NewTaskRow): void {
    this.taskInserts.set(row.id, row);
  }

  /** A claim on the way to an operation, written later (with the completion, when the operation completes the task). */
  claimTask(id: string, by: string): void {
    this.taskClaims.set(id, by);
  }

  /** A task's completion, written later (with its undo record when the run keeps one). */
  completeTask(id: string, c: TaskCompletion): void {
    this.taskCompletions.set(id, c);
  }

  private hasPendingWrites(): boolean {
    return (
      this.instanceInserts.size + this.tokenDeletes.size + this.tokenUpdates.size + this.tokenInserts.size + this.taskInserts.size + this.taskCompletions.size + this.taskClaims.size > 0
    );
  }

  /** Writes the pending token and task changes now, in one statement. */
  private async writePending(): Promise<void> {
    const params: unknown[] = [];
    const writes = this.pendingWrites((value) => `$${params.push(value)}`, new Map());
    if (writes.length === 0) return;
    await this.raw.query(writes.length === 1 ? writes[0]! : `WITH ${writes.slice(0, -1).map((w, i) => `t${i} AS (${w})`).join(', ')} ${writes.at(-1)!}`, params);
  }

  /**
   * The pending changes as statements — each on rows no other one touches, so
   * they can run as parts of one statement — and forgets them. A completion
   * and the undo record of the same task become one UPDATE.
   */
  private pendingWrites(p: (value: unknown) => string, effectsOf: Map<string, CompletionEffects>): string[] {
    const writes: string[] = [];
    if (this.instanceInserts.size > 0) {
      // Written as they stand now; the final UPDATE of variables and status compares with this.
      const values = [...this.instanceInserts.values()].map(({ row, variables }) =>
        `(${p(row.id)}::uuid, ${p(row.definition_id)}::uuid, ${p(row.root_id)}::uuid, ${p(row.parent_id)}::uuid, ${p(row.parent_token_id)}::uuid, ` +
        `${p(row.business_key)}::text, ${p(row.case_id)}::uuid, ${p(row.status)}::text, ${p(JSON.stringify(variables))}::jsonb, ${p(row.started_by)}::text, ` +
        `${p(row.started_at)}::timestamptz, ${p(row.ended_at)}::timestamptz)`);
      writes.push(`INSERT INTO wf_instances (id, definition_id, root_id, parent_id, parent_token_id, business_key, case_id, status, variables, started_by, started_at, ended_at)
        VALUES ${values.join(', ')}`);
      for (const loaded of this.instanceInserts.values()) {
        loaded.storedVariables = structuredClone(loaded.variables);
        loaded.storedStatus = loaded.row.status;
      }
      this.instanceInserts.clear();
    }
    for (const [id, c] of this.taskCompletions) {
      const effects = effectsOf.get(id);
      effectsOf.delete(id);
      const undo = this.undoDropped.has(c.instanceId) ? ', effects = NULL' : effects ? `, effects = ${p(JSON.stringify(effects))}::jsonb` : '';
      // A claim on the way and the completion: one UPDATE, two revisions as before.
      const claimer = this.taskClaims.get(id);
      this.taskClaims.delete(id);
      const claim = claimer === undefined ? 'rev = rev + 1' : `claimed_by = ${p(claimer)}::text, rev = rev + 2`;
      writes.push(`UPDATE wf_tasks SET status = 'completed', outcome = ${p(c.outcome)}::text, opinion = ${p(c.opinion)}::text, completed_at = ${p(c.at)}::timestamptz,
        completed_by = ${p(c.by)}::text, ${claim}${undo} WHERE id = ${p(id)}::uuid`);
    }
    for (const [id, by] of this.taskClaims) writes.push(`UPDATE wf_tasks SET claimed_by = ${p(by)}::text, rev = rev + 1 WHERE id = ${p(id)}::uuid`);
    this.taskClaims.clear();
    if (this.taskInserts.size > 0) {
      const values = [...this.taskInserts.values()].map((t) =>
        `(${p(t.id)}::uuid, ${p(t.instance_id)}::uuid, ${p(t.root_id)}::uuid, ${p(t.token_id)}::uuid, ${p(t.node_id)}::text, ${p(t.name)}::text, 'open', ` +
        `${p(t.assignee)}::text, ${p(t.candidate_kind)}::text, ${p(t.candidate_values)}::text[], ${p(t.loop_index)}::int, ${p(t.due_at)}::timestamptz, ` +
        `${p(t.created_at)}::timestamptz, ${p(t.scope_token_id)}::uuid, ${p(t.branch)}::text[])`);
      writes.push(`INSERT INTO wf_tasks (id, instance_id, root_id, token_id, node_id, name, status, assignee, candidate_kind, candidate_values, loop_index, due_at, created_at, scope_token_id, branch)
        VALUES ${values.join(', ')}`);
    }
    if (this.tokenDeletes.size > 0) writes.push(`DELETE FROM wf_tokens WHERE id = ANY(${p([...this.tokenDeletes])}::uuid[])`);
    for (const t of this.tokenUpdates.values()) {
      writes.push(`UPDATE wf_tokens SET data = ${p(t.data ? JSON.stringify(t.data) : null)}::jsonb, rev = ${p(t.rev)}::int WHERE id = ${p(t.id)}::uuid`);
    }
    if (this.tokenInserts.size > 0) {
      const values = [...this.tokenInserts.values()].map((t) =>
        `(${p(t.id)}::uuid, ${p(t.instance_id)}::uuid, ${p(t.node_id)}::text, ${p(t.scope_id)}::uuid, ${p(t.state)}::text, ${p(t.via_flow)}::text, ` +
        `${p(t.branch)}::text[], ${p(t.data ? JSON.stringify(t.data) : null)}::jsonb, ${p(t.rev)}::int, ${p(t.created_at)}::timestamptz)`);
      writes.push(`INSERT INTO wf_tokens (id, instance_id, node_id, scope_id, state, via_flow, branch, data, rev, created_at) VALUES ${values.join(', ')}`);
    }
    // The known tokens follow the table.
    for (const known of this.knownTokens.values()) for (const id of this.tokenDeletes) known.delete(id);
    for (const t of [...this.tokenUpdates.values(), ...this.tokenInserts.values()]) this.knownTokens.get(t.instance_id)?.set(t.id, t);
    this.tokenDeletes.clear();
    this.tokenUpdates.clear();
    this.tokenInserts.clear();
    this.taskInserts.clear();
    this.taskCompletions.clear();
    return writes;
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
  keepEffects(taskId: string, instanceId: string, effects: CompletionEffects): void {
    this.taskEffects.push({ taskId, instanceId, effects });
  }

  /**
   * Writes what the run kept in memory — token moves, changed variables and
   * statuses, the completed tasks' undo records, history, events — as one statement (one
   * round trip): a step's cost is mostly round trips to the database.
   */
  async flush(): Promise<void> {
    const statement = this.finalStatement();
    if (statement) await this.raw.query(statement.text, [...statement.values]);
  }

  /** The statement `flush` sends, for the command to send with its COMMIT instead; null when there is nothing to write. */
  finalStatement(): Statement | null {
    const values: unknown[] = [];
    const text = this.finalWrites((value) => `$${values.push(value)}`);
    return text === null ? null : { text, values };
  }

  private finalWrites(p: (value: unknown) => string): string | null {
    const effectsOf = new Map(this.taskEffects.filter((e) => !this.undoDropped.has(e.instanceId)).map((e) => [e.taskId, e.effects] as const));
    // Task rows this statement updates anyway: no other part of it may touch them.
    const updatedNow = [...this.taskCompletions.keys(), ...this.taskClaims.keys()];
    const writes: string[] = this.pendingWrites(p, effectsOf);
    for (const loaded of this.instances.values()) {
      // Unchanged variables are not rewritten: most steps only move tokens.
      const changed = loaded.row.status !== loaded.storedStatus || JSON.stringify(loaded.variables) !== JSON.stringify(loaded.storedVariables);
      if (loaded.dirty && changed) {
        writes.push(`UPDATE wf_instances SET variables = ${p(JSON.stringify(loaded.variables))}::jsonb, status = ${p(loaded.row.status)}::text,
          ended_at = ${p(loaded.row.ended_at)}::timestamptz WHERE id = ${p(loaded.row.id)}::uuid`);
      }
    }
    // Undo records of tasks whose completion was already written mid-run.
    for (const [taskId, effects] of effectsOf) {
      writes.push(`UPDATE wf_tasks SET effects = ${p(JSON.stringify(effects))}::jsonb WHERE id = ${p(taskId)}::uuid`);
    }
    // Undo records of ended instances (the completions above clear their own).
    for (const instanceId of this.undoDropped) {
      writes.push(`UPDATE wf_tasks SET effects = NULL WHERE instance_id = ${p(instanceId)}::uuid AND effects IS NOT NULL AND id <> ALL(${p(updatedNow)}::uuid[])`);
    }
    this.undoDropped.clear();
    for (const [instanceId, nodes] of this.passed) this.history.push({ instanceId, action: 'passed', details: { nodes } });
    this.passed.clear();
    if (this.history.length > 0) writes.push(historyInsert(this.rootId, this.now, this.history, p));
    if (this.events.length > 0) writes.push(eventsInsert(this.events, p));
    if (writes.length === 0) return null;
    // Data-modifying CTEs: every part runs once, on different rows, in one statement.
    const last = writes.pop()!;
    return writes.length === 0 ? last : `WITH ${writes.map((w, i) => `w${i} AS (${w})`).join(',\n')}\n${last}`;
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

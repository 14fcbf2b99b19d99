import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors.ts';
import { createInstance, startAtNoneStart } from './activities.ts';
import { lockTree } from './command.ts';
import { RunContext } from './context.ts';
import { latestPublishedSql, loadModel, type DefinitionSummary } from './definitions.ts';
import { drain, moveOn } from './run.ts';
import { getToken } from './store.ts';
import { inCommandTx, inTx } from './tx.ts';
import type { Actor, EngineEnv, OpenedTask, Variables } from './types.ts';

export interface StartInput {
  /** Process key: the latest published version runs. */
  key: string;
  businessKey?: string | null;
  caseId?: string | null;
  variables?: Variables;
  actor?: Actor | null;
}

export interface StartResult {
  instanceId: string;
  status: string;
  /** Tasks open after the start (the first steps). */
  openedTasks: OpenedTask[];
}

/** Starts an instance of the latest published version of a process at its none start event and runs it until every token rests. */
export async function startInstance(env: EngineEnv, input: StartInput): Promise<StartResult> {
  // BEGIN and the definition's lookup go out as one message; the instance row, its first tokens and tasks, history and events with COMMIT.
  return inCommandTx(env, [latestPublishedSql(input.key)], async (tx, [found]) => {
    const definition = found!.rows[0] as DefinitionSummary | undefined;
    if (!definition) throw new AppError('PROCESS_NOT_FOUND', { key: input.key });
    const id = randomUUID();
    const ctx = new RunContext(tx, env, env.clock.now(), id, input.actor ?? null);
    const row = await createInstance(ctx, {
      id,
      definitionId: definition.id,
      parentId: null,
      parentTokenId: null,
      businessKey: input.businessKey ?? null,
      caseId: input.caseId ?? null,
      variables: input.variables ?? {},
      startedBy: input.actor?.id ?? null,
    });
    await startAtNoneStart(ctx, row);
    await drain(ctx);
    const value = { instanceId: id, status: ctx.instance(id).row.status, openedTasks: [...ctx.createdTasks.values()] };
    return { value, last: ctx.finalStatement() };
  });
}

export interface CorrelateInput {
  messageName: string;
  businessKey?: string | null;
  variables?: Variables;
  actor?: Actor | null;
}

/**
 * Delivers a message from outside (an external system's answer): the oldest
 * receive task or message catch event waiting for this name and business key
 * moves on with the given variables. With no waiter, a published process
 * with a message start event of that name is started. Otherwise
 * MESSAGE_NOT_CORRELATED.
 */
export async function correlateMessage(env: EngineEnv, input: CorrelateInput): Promise<{ instanceId: string; started: boolean }> {
  return inTx(env, async (tx) => {
    const businessKey = input.businessKey ?? null;
    const find = () =>
      tx.query<{ id: string; root_id: string; token_id: string; instance_id: string }>(
        'SELECT id, root_id, token_id, instance_id FROM wf_subscriptions WHERE message_name = $1 AND business_key IS NOT DISTINCT FROM $2 ORDER BY created_at, id LIMIT 1',
        [input.messageName, businessKey],
      );
    // Lock the process, then look again: a concurrent delivery may have taken the subscription.
    for (let attempt = 0; attempt < 3; attempt++) {
      const candidate = (await find()).rows[0];
      if (!candidate) break;
      const ctx = await lockTree(tx, env, candidate.root_id, input.actor ?? null);
      const again = (await find()).rows[0];
      if (!again || again.id !== candidate.id) continue;
      const loaded = await ctx.load(again.instance_id);
      if (loaded.row.status !== 'running') throw new AppError(loaded.row.status === 'suspended' ? 'INSTANCE_SUSPENDED' : 'INSTANCE_NOT_RUNNING', { instanceId: loaded.row.id });
      const token = await getToken(ctx, again.token_id);
      if (!token) continue;
      if (input.variables) ctx.setVariables(loaded.row.id, input.variables);
      ctx.record({ instanceId: loaded.row.id, nodeId: token.node_id, action: 'messageReceived', actorId: input.actor?.id ?? null, details: { messageName: input.messageName } });
      ctx.emit('process.message_correlated', loaded.row.id, { nodeId: token.node_id, messageName: input.messageName });
      await moveOn(ctx, token);
      await drain(ctx);
      await ctx.flush();
      return { instanceId: loaded.row.id, started: false };
    }
    return startByMessage(env, tx, input);
  });
}

async function startByMessage(env: EngineEnv, tx: import('../../../platform/db/pool.ts').Tx, input: CorrelateInput): Promise<{ instanceId: string; started: boolean }> {
  const { rows } = await tx.query<{ id: string; key: string }>(
    "SELECT DISTINCT ON (key) id, key FROM wf_definitions WHERE status = 'published' ORDER BY key, version DESC",
  );
  for (const definition of rows) {
    const compiled = await loadModel(tx, definition.id);
    const model = compiled.model;
    const start = model.startNodeIds.find((id) => {
      const node = model.nodes[id];
      return node?.type === 'startEvent' && node.trigger === 'message' && node.messageRef !== undefined && (model.messages[node.messageRef]?.name ?? node.messageRef) === input.messageName;
    });
    if (!start) continue;
    const id = randomUUID();
    const ctx = new RunContext(tx, env, env.clock.now(), id, input.actor ?? null);
    const row = await createInstance(ctx, {
      id,
      definitionId: definition.id,
      parentId: null,
      parentTokenId: null,
      businessKey: input.businessKey ?? null,
      caseId: null,
      variables: input.variables ?? {},
      startedBy: input.actor?.id ?? null,
    });
    await startAtNoneStart(ctx, row, start);
    await drain(ctx);
    await ctx.flush();
    return { instanceId: id, started: true };
  }
  throw new AppError('MESSAGE_NOT_CORRELATED', { messageName: input.messageName, businessKey: input.businessKey ?? null });
}

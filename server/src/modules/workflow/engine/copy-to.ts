import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors.ts';
import { instanceCommand } from './command.ts';
import { inTx } from './tx.ts';
import type { Actor, EngineEnv } from './types.ts';

/** 抄送: read-only copies of a process (optionally of one task's step) to people; a person receives one copy per step. */
export async function copyTo(env: EngineEnv, input: { instanceId: string; taskId?: string; actor: Actor; users: string[] }): Promise<{ copyIds: string[] }> {
  return instanceCommand(env, input.instanceId, input.actor, async (ctx, loaded) => {
    let nodeId: string | null = null;
    if (input.taskId) {
      const { rows } = await ctx.tx.query<{ node_id: string }>('SELECT node_id FROM wf_tasks WHERE id = $1 AND instance_id = $2', [input.taskId, loaded.row.id]);
      if (!rows[0]) throw new AppError('TASK_NOT_FOUND', { taskId: input.taskId });
      nodeId = rows[0].node_id;
    }
    const copyIds: string[] = [];
    for (const user of new Set(input.users)) {
      const { rows } = await ctx.tx.query<{ id: string }>(
        `INSERT INTO wf_copies (id, instance_id, task_id, node_id, user_id, sent_by, sent_at) VALUES ($1,$2,$3,$4,$5,$6,$7)
         ON CONFLICT DO NOTHING RETURNING id`,
        [randomUUID(), loaded.row.id, input.taskId ?? null, nodeId, user, input.actor.id, ctx.now],
      );
      if (rows[0]) copyIds.push(rows[0].id);
    }
    if (copyIds.length > 0) {
      ctx.record({ instanceId: loaded.row.id, taskId: input.taskId ?? null, nodeId, action: 'copied', actorId: input.actor.id, details: { users: [...new Set(input.users)] } });
      ctx.emit('task.copied', loaded.row.id, { taskId: input.taskId ?? null, nodeId, users: [...new Set(input.users)] });
    }
    return { copyIds };
  });
}

/** The read receipt of a copy: only its recipient; the first read counts, later ones change nothing. */
export async function markCopyRead(env: EngineEnv, input: { copyId: string; actor: Actor }): Promise<{ readAt: Date }> {
  return inTx(env, async (tx) => {
    const { rows } = await tx.query<{ instance_id: string; user_id: string; read_at: Date | null; node_id: string | null; task_id: string | null; root_id: string }>(
      'SELECT c.instance_id, c.user_id, c.read_at, c.node_id, c.task_id, i.root_id FROM wf_copies c JOIN wf_instances i ON i.id = c.instance_id WHERE c.id = $1',
      [input.copyId],
    );
    const copy = rows[0];
    // Someone else's copy is reported as missing: its existence is not theirs to learn.
    if (!copy || copy.user_id !== input.actor.id) throw new AppError('COPY_NOT_FOUND', { copyId: input.copyId });
    if (copy.read_at) return { readAt: copy.read_at };
    const now = env.clock.now();
    const updated = await tx.query<{ read_at: Date }>('UPDATE wf_copies SET read_at = $2 WHERE id = $1 AND read_at IS NULL RETURNING read_at', [input.copyId, now]);
    if (!updated.rows[0]) return { readAt: copy.read_at ?? now };
    await instanceCommand({ ...env, tx }, copy.instance_id, input.actor, async (ctx) => {
      ctx.record({ instanceId: copy.instance_id, taskId: copy.task_id, nodeId: copy.node_id, action: 'copyRead', actorId: input.actor.id });
      ctx.emit('task.copy_read', copy.instance_id, { copyId: input.copyId });
    });
    return { readAt: now };
  });
}

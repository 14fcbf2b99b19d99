import type { GatewayNode } from './compiled-model.ts';
import type { Moving, RunContext } from './context.ts';
import { split } from './run.ts';
import { deleteToken, insertToken, readTokens } from './store.ts';
import type { TokenRow } from './types.ts';

/**
 * Converging gateways. A parallel join fires when a token has arrived over
 * every incoming flow (in the same scope). An inclusive join fires when no
 * other token of its scope rests at a node from which it could still arrive
 * (checked once the run has nothing else to move). The merged token's branch
 * is the common prefix of the arrivals' branches: the fork is closed.
 */

export async function arriveAtJoin(ctx: RunContext, m: Moving, node: GatewayNode): Promise<void> {
  if (node.type === 'inclusiveGateway') {
    await insertToken(ctx, { instanceId: m.instanceId, nodeId: node.id, scopeId: m.scopeId, state: 'joining', viaFlow: m.viaFlow, branch: m.branch });
    return;
  }
  const rows = await ctx.tokensAsOfRun(
    `SELECT * FROM wf_tokens WHERE instance_id = $1 AND node_id = $2 AND state = 'joining' AND scope_id IS NOT DISTINCT FROM $3`,
    [m.instanceId, node.id, m.scopeId],
    (t) => t.instance_id === m.instanceId && t.node_id === node.id && t.state === 'joining' && t.scope_id === m.scopeId,
    m.instanceId,
  );
  const picked = new Map<string, TokenRow>();
  for (const token of rows) if (token.via_flow !== m.viaFlow && !picked.has(token.via_flow ?? '')) picked.set(token.via_flow ?? '', token);
  const missing = node.incoming.filter((flow) => flow !== m.viaFlow && !picked.has(flow));
  if (missing.length > 0) {
    await insertToken(ctx, { instanceId: m.instanceId, nodeId: node.id, scopeId: m.scopeId, state: 'joining', viaFlow: m.viaFlow, branch: m.branch });
    return;
  }
  for (const token of picked.values()) await deleteToken(ctx, token);
  const branch = commonPrefix([m.branch, ...[...picked.values()].map((t) => t.branch)]);
  split(ctx, { ...m, branch, viaFlow: null }, node);
}

/** Fires every inclusive join of the touched instances that nothing can reach any more; true when one fired. */
export async function fireReadyInclusiveJoins(ctx: RunContext): Promise<boolean> {
  const ids = [...ctx.instances.values()].filter((l) => l.compiled.inclusiveFeeders.size > 0 && l.row.status === 'running').map((l) => l.row.id);
  if (ids.length === 0) return false;
  const rows = await readTokens(ctx, 'SELECT * FROM wf_tokens WHERE instance_id = ANY($1) ORDER BY created_at, id', [ids]);
  let fired = false;
  const groups = new Map<string, TokenRow[]>();
  for (const token of rows) {
    const feeders = ctx.instance(token.instance_id).compiled.inclusiveFeeders;
    if (token.state !== 'joining' || !feeders.has(token.node_id)) continue;
    const key = `${token.instance_id}|${token.scope_id ?? ''}|${token.node_id}`;
    groups.set(key, [...(groups.get(key) ?? []), token]);
  }
  for (const arrived of groups.values()) {
    const first = arrived[0]!;
    const feeders = ctx.instance(first.instance_id).compiled.inclusiveFeeders.get(first.node_id)!;
    const blocked = rows.some((t) => t.instance_id === first.instance_id && t.scope_id === first.scope_id && t.node_id !== first.node_id && feeders.has(t.node_id));
    if (blocked) continue;
    for (const token of arrived) await deleteToken(ctx, token);
    const node = ctx.instance(first.instance_id).compiled.node(first.node_id) as GatewayNode;
    split(ctx, { instanceId: first.instance_id, nodeId: node.id, scopeId: first.scope_id, branch: commonPrefix(arrived.map((t) => t.branch)), viaFlow: null }, node);
    fired = true;
  }
  return fired;
}

export function commonPrefix(branches: string[][]): string[] {
  const [first, ...rest] = branches;
  if (!first) return [];
  let length = first.length;
  for (const b of rest) {
    let i = 0;
    while (i < length && i < b.length && b[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length);
}

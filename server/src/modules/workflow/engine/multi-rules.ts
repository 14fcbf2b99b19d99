import type { MultiData, Outcome, Signer } from './types.ts';

/**
 * The counting rules of a multi-instance step (会签 / 或签 / 比例), pure.
 * Removed signers do not count. With `total` signers:
 *   all   — required = total (one rejection decides "reject");
 *   any   — required = 1 (decided "reject" only when everybody rejected);
 *   ratio — required = ceil(ratio × total).
 * The step is decided "approve" once approvals ≥ required, and "reject" as
 * soon as approvals + pending < required (it can no longer pass).
 */

export function activeSigners(data: MultiData): Signer[] {
  return data.signers.filter((s) => s.state !== 'removed');
}

export function requiredApprovals(data: MultiData): number {
  const total = activeSigners(data).length;
  if (data.completion === 'all') return total;
  if (data.completion === 'any') return Math.min(1, total);
  // Guard against 0.1 × 30 = 3.0000000000000004 rounding up to 4.
  return Math.ceil((data.ratio ?? 1) * total - 1e-9);
}

export function tally(data: MultiData): { approvals: number; rejections: number; pending: number; required: number } {
  const active = activeSigners(data);
  return {
    approvals: active.filter((s) => s.state === 'approve').length,
    rejections: active.filter((s) => s.state === 'reject').length,
    pending: active.filter((s) => s.state === 'pending').length,
    required: requiredApprovals(data),
  };
}

/** The step's result once it is decided, else undefined. */
export function decide(data: MultiData): Outcome | undefined {
  const { approvals, pending, required } = tally(data);
  if (approvals >= required) return 'approve';
  if (approvals + pending < required) return 'reject';
  return undefined;
}

/** In a sequential step, the signer whose turn it is. */
export function nextPending(data: MultiData): Signer | undefined {
  return data.signers.find((s) => s.state === 'pending');
}

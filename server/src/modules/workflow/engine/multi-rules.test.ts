import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, requiredApprovals, tally } from './multi-rules.ts';
import type { MultiData, Signer } from './types.ts';

const step = (completion: MultiData['completion'], states: Signer['state'][], ratio?: number): MultiData => ({
  sequential: false,
  completion,
  ...(ratio === undefined ? {} : { ratio }),
  signers: states.map((state, index) => ({ index, kind: 'user', value: `u${index}`, state })),
});

describe('counting a multi-instance step', () => {
  it('all: every signer must approve; one rejection decides', () => {
    expect(decide(step('all', ['approve', 'approve', 'pending']))).toBeUndefined();
    expect(decide(step('all', ['approve', 'approve', 'approve']))).toBe('approve');
    expect(decide(step('all', ['pending', 'reject', 'pending']))).toBe('reject');
  });

  it('any: one approval decides; rejection only when nobody is left', () => {
    expect(decide(step('any', ['reject', 'approve', 'pending']))).toBe('approve');
    expect(decide(step('any', ['reject', 'reject', 'pending']))).toBeUndefined();
    expect(decide(step('any', ['reject', 'reject', 'reject']))).toBe('reject');
  });

  it('ratio: ceil(ratio × total), without floating-point surprises', () => {
    expect(requiredApprovals(step('ratio', Array(30).fill('pending'), 0.1))).toBe(3);
    expect(requiredApprovals(step('ratio', Array(5).fill('pending'), 0.5))).toBe(3);
    expect(decide(step('ratio', ['approve', 'approve', 'reject', 'pending', 'pending'], 0.6))).toBeUndefined();
    expect(decide(step('ratio', ['approve', 'approve', 'reject', 'approve', 'pending'], 0.6))).toBe('approve');
  });

  it('removed signers do not count', () => {
    expect(tally(step('all', ['approve', 'removed', 'approve']))).toEqual({ approvals: 2, rejections: 0, pending: 0, required: 2 });
    expect(decide(step('all', ['approve', 'removed', 'approve']))).toBe('approve');
  });

  it('is decided exactly when the outcome no longer depends on the pending votes', () => {
    const states = fc.array(fc.constantFrom<Signer['state']>('pending', 'approve', 'reject', 'removed'), { minLength: 1, maxLength: 8 });
    const mode = fc.constantFrom<MultiData['completion']>('all', 'any', 'ratio');
    fc.assert(
      fc.property(states, mode, fc.double({ min: 0.05, max: 1, noNaN: true }), (s, completion, ratio) => {
        const data = step(completion, s, ratio);
        if (!data.signers.some((x) => x.state !== 'removed')) return;
        const pendingIdx = data.signers.filter((x) => x.state === 'pending').map((x) => x.index);
        const outcomes = new Set<string>();
        // Every way the pending signers could still vote.
        for (let mask = 0; mask < 1 << pendingIdx.length; mask++) {
          const filled = structuredClone(data);
          pendingIdx.forEach((idx, bit) => (filled.signers[idx]!.state = mask & (1 << bit) ? 'approve' : 'reject'));
          outcomes.add(decide(filled)!);
        }
        const decided = decide(data);
        if (decided) expect([...outcomes]).toEqual([decided]);
        else expect(outcomes.size).toBe(2);
      }),
    );
  });
});

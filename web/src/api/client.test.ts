import { afterEach, describe, expect, it, vi } from 'vitest';
import { toApiError } from './client';
import { newIdempotencyKey } from '../ui/idempotency';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('toApiError', () => {
  it('falls back to a generic error for bodies without a code', () => {
    expect(toApiError(500, 'oops', 'fallback')).toMatchObject({ code: 'BAD_RESPONSE', message: 'fallback', status: 500 });
  });
});

describe('newIdempotencyKey', () => {
  it('returns distinct v4 UUIDs', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it('still works where crypto.randomUUID is missing (plain HTTP on a LAN)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) });
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

import { withTx, type Tx } from '../../../platform/db/pool.ts';
import type { EngineEnv } from './types.ts';

/** Runs `fn` in the caller's transaction when the env carries one, else in a new one. */
export function inTx<T>(env: EngineEnv, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return env.tx ? fn(env.tx) : withTx(env.db, fn);
}

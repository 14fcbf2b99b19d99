/**
 * A background loop of a process: `round` every `intervalMs`, never two at
 * once (a round longer than the interval delays the next). Its failure goes
 * to `onError` and the loop goes on. Returns a stop function that waits for
 * the round in progress.
 */
export function every(intervalMs: number, round: () => Promise<unknown>, onError: (err: Error) => void): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = round().catch(onError).finally(() => { running = null; });
  }, intervalMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}

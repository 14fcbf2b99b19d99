import type { Locator, Page } from 'playwright-core';

export type { Page, Locator };

/**
 * A small retrying `expect` for playwright-core (which has no test runner):
 * each check polls until it holds or 45 s pass, then throws with what it saw.
 * 45 s, not less: on a two-core machine running the unit tests beside two
 * browser shards (each with its own server), a submission has been seen to
 * take over 20 s. A check that holds returns at once, so this costs nothing
 * when all is well.
 */
const TIMEOUT = 45_000;

async function poll(what: string, check: () => Promise<boolean>, describe: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`expected ${what}; saw ${await describe().catch((e: Error) => e.message)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function expect(target: Locator) {
  const seen = async () => `${await target.count()} match(es): ${(await target.allInnerTexts()).join(' | ').slice(0, 300)}`;
  return {
    toBeVisible: () => poll(`${target} to be visible`, () => target.first().isVisible(), seen),
    toBeHidden: () => poll(`${target} to be hidden`, async () => (await target.count()) === 0 || !(await target.first().isVisible()), seen),
    toContainText: (text: string | RegExp) =>
      poll(`${target} to contain ${text}`, async () => {
        const all = (await target.allInnerTexts()).join('\n');
        return typeof text === 'string' ? all.includes(text) : text.test(all);
      }, seen),
    toHaveCount: (n: number) => poll(`${target} to have ${n} match(es)`, async () => (await target.count()) === n, seen),
  };
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

import { z } from 'zod';
import type { Api } from '../http/app.ts';
import type { AppContext } from '../http/context.ts';
import { consumerLag } from '../events/consumer.ts';

const lagSchema = z.object({
  name: z.string(),
  lastSeq: z.number().int(),
  headSeq: z.number().int(),
  lag: z.number().int(),
  handled: z.number().int(),
  failures: z.number().int(),
  lastError: z.string().nullable(),
  retryAt: z.string().nullable(),
  updatedAt: z.string(),
});

/** What the platform itself shows its administrators: the event consumers and how far behind each is. */
export function registerOpsRoutes(app: Api, ctx: AppContext): void {
  app.get('/api/admin/consumers', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['admin'], summary: '事件消费者的进度与积压（每个消费者的游标、落后事件数、最近一次失败）',
      response: { 200: z.object({ items: z.array(lagSchema) }) },
    },
  }, async () => {
    return { items: await consumerLag(ctx.db) };
  });
}

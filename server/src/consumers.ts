import type { AppContext } from './platform/http/context.ts';
import type { EventConsumer } from './platform/events/consumer.ts';
import { calendarDeadlineConsumer } from './modules/cases/index.ts';
import { notifyConsumer, notifySettings } from './modules/notify/index.ts';
import { ssoLogoutConsumer } from './modules/sso/index.ts';
import { supervisionPublisher, type PublishTarget } from './platform/events/publisher.ts';

/**
 * Every durable follower of the event stream in this process, each with its
 * own cursor (platform/events/consumer.ts). A module offers its consumer
 * through its index.ts; the composition root decides which ones run here.
 */
export function appConsumers(ctx: AppContext, log: (line: string) => void, publishTo?: PublishTarget): EventConsumer[] {
  return [
    // The event stream to the supervision platform, over its ingest door (platform/events/publisher.ts).
    ...(publishTo ? [supervisionPublisher(() => publishTo)] : []),
    calendarDeadlineConsumer((jobs) => log(`日历变更：已登记 ${jobs} 个期限重算任务`)),
    notifyConsumer(notifySettings, () => ctx.clock.now()),
    // A Tongban session that ends ends the single sign-on sessions riding on it (docs/sso.md).
    ssoLogoutConsumer(() => ctx.clock.now()),
  ];
}

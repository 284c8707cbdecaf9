import type { AreaModule } from '@samsyn/area';
import { watchChangeMetrics } from './change.metrics';
import { changesConfigOf } from './changes.config';
import { ChangeFeedResolver } from './feed/feed.resolver';
import { ChangeFeed1764000002000 } from './migrations/1764000002000-ChangeFeed';
import { ChangeNotify1764000003000 } from './migrations/1764000003000-ChangeNotify';
import { changeRetention, webhookDispatcher } from './webhooks/webhook.dispatcher';
import { webhookResolvers } from './webhooks/webhook.resolver';

/**
 * What changed in an area, told: the outbox (`recordChange`, written by the other modules in their own
 * transactions), the change feed, webhook subscriptions and the dispatcher that delivers them.
 */
export const changesModule: AreaModule = {
  migrations: [ChangeFeed1764000002000, ChangeNotify1764000003000],
  resolvers: (types) => [ChangeFeedResolver, ...webhookResolvers(types)],
  background: (context) => {
    // At start-up, before the database opens: a bad setting stops the service here, not at its first webhook.
    const settings = changesConfigOf(context.config);
    watchChangeMetrics(context);
    return [webhookDispatcher(context, settings), changeRetention(context, settings)];
  },
};

import type { BackgroundContext } from '@samsyn/core';

/** A number from PostgreSQL (count, numeric) as a JavaScript number. */
const num = (value: unknown): number => Number(value ?? 0);

/**
 * What can go wrong silently with the outbox, the change feed and webhooks, read from the database on each scrape of
 * `/metrics` (one short statement each): subscriptions by state, the oldest event a live subscription still waits
 * for, and events committed but held back from the feed by an older transaction, with that transaction's age. The
 * feed shows an event only once every older writing transaction of the server has ended (see the ChangeFeed
 * migration), so one long transaction anywhere on the server holds back every area's feed and webhooks.
 */
export function watchChangeMetrics({ db, metrics }: BackgroundContext): void {
  if (!metrics) return;
  metrics.watchGauges([
    {
      name: 'samsyn_webhook_subscriptions',
      help: 'Webhook subscriptions by status (ACTIVE, FAILING: failing for longer than WEBHOOK_RETRY_HOURS).',
      labelNames: ['status'],
      async read() {
        const rows = await db.query<{ status: string; n: string }[]>(
          `SELECT status, count(*) AS n FROM webhook_subscription WHERE status <> 'UNSUBSCRIBED' GROUP BY status`,
        );
        const counts: Record<string, number> = { ACTIVE: 0, FAILING: 0 };
        for (const row of rows) counts[row.status] = num(row.n);
        return Object.entries(counts).map(([status, value]) => ({ labels: { status }, value }));
      },
    },
    {
      name: 'samsyn_webhook_oldest_undelivered_event_age_seconds',
      help: 'Age of the oldest event the feed shows that a live webhook subscription has not been delivered yet (0: none).',
      async read() {
        const [row] = await db.query<{ age: string | null }[]>(
          `SELECT extract(epoch FROM now() - min(e.occurred_at)) AS age
           FROM webhook_subscription s
           CROSS JOIN LATERAL (
             SELECT e.occurred_at FROM change_event e
             WHERE (e.tx, e.position) > (s.delivered_tx, s.delivered_position)
               AND e.tx < pg_snapshot_xmin(pg_current_snapshot()) AND e.type = ANY(s.types)
               AND NOT pg_visible_in_snapshot(e.tx, s.start_snapshot)
               AND (s.district_code IS NULL OR e.district_code IS NULL OR e.district_code = s.district_code)
             ORDER BY e.tx, e.position LIMIT 1) e
           WHERE s.status <> 'UNSUBSCRIBED'`,
        );
        return [{ value: Math.max(0, num(row?.age)) }];
      },
    },
    {
      name: 'samsyn_change_feed_held_back_events',
      help: 'Events committed to the outbox that the change feed does not show yet: an older transaction is still running.',
      async read() {
        const [row] = await db.query<{ n: string }[]>(
          `SELECT count(*) AS n FROM change_event WHERE tx >= pg_snapshot_xmin(pg_current_snapshot())`,
        );
        return [{ value: num(row?.n) }];
      },
    },
    {
      name: 'samsyn_change_feed_oldest_held_back_event_age_seconds',
      help: 'Age of the oldest event committed to the outbox but held back from the change feed (0: none).',
      async read() {
        const [row] = await db.query<{ age: string | null }[]>(
          `SELECT extract(epoch FROM now() - min(occurred_at)) AS age FROM change_event WHERE tx >= pg_snapshot_xmin(pg_current_snapshot())`,
        );
        return [{ value: Math.max(0, num(row?.age)) }];
      },
    },
    {
      name: 'samsyn_change_feed_blocking_transaction_age_seconds',
      help:
        'Age (pg_stat_activity.xact_start) of the oldest writing transaction on the PostgreSQL server, which holds back ' +
        'every event committed after it from the change feed and webhooks (0: none).',
      async read() {
        const [row] = await db.query<{ age: string | null }[]>(
          `SELECT extract(epoch FROM now() - min(xact_start)) AS age FROM pg_stat_activity
           WHERE backend_xid = xid(pg_snapshot_xmin(pg_current_snapshot()))`,
        );
        return [{ value: Math.max(0, num(row?.age)) }];
      },
    },
  ]);
}

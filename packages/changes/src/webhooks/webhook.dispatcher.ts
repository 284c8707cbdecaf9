import { listenForNotifications, updatedRows, type BackgroundContext, type BackgroundTask, type Db } from '@samsyn/core';
import type { ChangesConfig } from '../changes.config';
import type { ChangeType } from '../change.types';
import { eventsAfter, type FeedEvent } from '../feed/feed.service';
import { signatureHeader, unseal } from './webhook.secrets';
import { send, type SendOutcome } from './webhook.sender';

/** Events one claim delivers before the subscription goes back to the queue (fairness between receivers). */
const EVENTS_PER_CLAIM = 100;
/** After a commit's notification, the feed is looked at again this long after it (ms): see `wakeOn`. */
const LOOKS_AFTER_MS = [250, 1000, 2000, 4000, 8000, 16_000];
/** Retry delays: 1 s, 2 s, 4 s, … up to an hour, each with up to half of it as random jitter. */
const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 60 * 60 * 1000;

interface Claimed {
  id: string;
  url: string;
  types: ChangeType[];
  district_code: string | null;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  delivered_tx: string;
  delivered_position: string;
  start_snapshot: string;
  lease_id: string;
}

/** The delay before retry number `failures` (1 = after the first failure): exponential, capped, jittered. */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(failures - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The body of a delivery: Standard Webhooks' `{ type, timestamp, data }`. */
export function deliveryBody(entry: FeedEvent): string {
  const { event } = entry;
  return JSON.stringify({
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    data: { id: event.id, area: event.area, subjectIds: event.subjectIds, districtCode: event.districtCode, ...event.payload },
  });
}

/**
 * The webhook dispatcher of one area subgraph process. It keeps up to `concurrency` deliveries in flight, each for
 * another subscription, and claims the next due subscription whenever a delivery ends, a commit wakes it or the poll
 * comes round: a receiver that holds its call holds one slot, and nobody else's turn. A claim takes the owner with the
 * fewest deliveries in flight first, then healthy receivers before failing ones, then the one waiting longest
 * (`FOR UPDATE SKIP LOCKED`, so replicas never claim the same one); an owner (a district system) has at most
 * `concurrencyPerOwner` in flight over all replicas, so its hanging receivers cannot fill the slots. A claim leases the
 * subscription for as long as one delivery may take: no transaction stays open during the HTTP call, and a replica
 * that dies mid-delivery leaves a lease that simply runs out. A subscription's events go out one at a time, in feed
 * order; its cursor moves only after a 2xx, so a lost acknowledgement means the same event again (same webhook-id):
 * at least once, in order.
 */
export function webhookDispatcher({ db, logger, metrics }: BackgroundContext, changes: ChangesConfig): BackgroundTask {
  const attempts = metrics?.counter(
    'samsyn_webhook_delivery_attempts_total',
    'Webhook deliveries attempted (each HTTP call to a receiver).',
  );
  const failures = metrics?.counter(
    'samsyn_webhook_delivery_failures_total',
    'Webhook deliveries that failed: an answer other than 2xx or 410, a timeout, or no connection. Each is retried later.',
  );
  const leaseSeconds = Math.ceil(changes.timeoutMs / 1000) + 5;

  const claim = async (): Promise<Claimed | undefined> => {
    const [row] = await updatedRows<Claimed>(
      db,
      `WITH due AS (
         SELECT s.id FROM webhook_subscription s
         CROSS JOIN LATERAL (SELECT count(*) AS held FROM webhook_subscription o
                             WHERE o.owner_id = s.owner_id AND o.lease_until >= now()) owner
         WHERE s.status <> 'UNSUBSCRIBED' AND s.next_attempt_at <= now() AND (s.lease_until IS NULL OR s.lease_until < now())
           AND owner.held < $2
           AND EXISTS (SELECT 1 FROM change_event e
                       WHERE (e.tx, e.position) > (s.delivered_tx, s.delivered_position)
                         AND e.tx < pg_snapshot_xmin(pg_current_snapshot()) AND e.type = ANY(s.types)
                         AND NOT pg_visible_in_snapshot(e.tx, s.start_snapshot)
                         AND (s.district_code IS NULL OR e.district_code IS NULL OR e.district_code = s.district_code))
         ORDER BY owner.held, s.failed_attempts > 0, s.next_attempt_at LIMIT 1 FOR UPDATE OF s SKIP LOCKED)
       UPDATE webhook_subscription s SET lease_id = gen_random_uuid(), lease_until = now() + make_interval(secs => $1)
       FROM due WHERE s.id = due.id
       RETURNING s.id, s.url, s.types, s.district_code, s.delivered_tx::text AS delivered_tx, s.delivered_position, s.lease_id,
         s.start_snapshot::text AS start_snapshot,
         s.secret_sealed, CASE WHEN s.previous_secret_until > now() THEN s.previous_secret_sealed END AS previous_secret_sealed`,
      [leaseSeconds, changes.concurrencyPerOwner],
    );
    return row;
  };

  const attempt = (sub: Claimed, entry: FeedEvent, outcome: SendOutcome, next: Date | null) => {
    attempts?.inc();
    const status = outcome.error ? undefined : outcome.status;
    if (status === undefined || (status !== 410 && (status < 200 || status >= 300))) failures?.inc();
    return db.query(
      `INSERT INTO webhook_attempt (subscription_id, event_id, attempted_at, status_code, error, duration_ms, next_attempt_at)
       VALUES ($1, $2, now() - make_interval(secs => $5::int / 1000.0), $3, $4, $5, $6)`,
      [sub.id, entry.event.id, outcome.status ?? null, outcome.error ?? null, outcome.durationMs, next],
    );
  };

  /** Hands a claimed subscription back (if the lease is still this claim's): the next round may claim it at once. */
  const releaseLease = (sub: Claimed) =>
    db.query(`UPDATE webhook_subscription SET lease_id = NULL, lease_until = NULL WHERE id = $1 AND lease_id = $2`, [sub.id, sub.lease_id]);

  /** Delivers a claimed subscription's due events until one fails, none is left, or the claim's share is done. */
  const deliver = async (sub: Claimed, stopping: AbortSignal): Promise<void> => {
    const key = changes.webhookSecretKey;
    if (!key) return;
    const secrets = [sub.secret_sealed, sub.previous_secret_sealed].filter((s): s is string => s !== null).map((s) => unseal(s, key));
    let at = { tx: sub.delivered_tx, position: sub.delivered_position };
    for (let sent = 0; sent < EVENTS_PER_CLAIM && !stopping.aborted; sent++) {
      const [entry] = await eventsAfter(db.manager, at, {
        types: sub.types,
        district: sub.district_code,
        limit: 1,
        committedAfter: sub.start_snapshot,
      });
      if (!entry) break;
      const body = deliveryBody(entry);
      const timestamp = Math.floor(Date.now() / 1000);
      const outcome = await send(
        sub.url,
        {
          'webhook-id': entry.event.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signatureHeader(secrets, entry.event.id, timestamp, body),
        },
        body,
        changes,
        stopping,
      );
      const ok = outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300 && !outcome.error;
      // Stopped mid-call: not the receiver's failure. The lease goes back (below) and whoever claims next sends the
      // event again, with the same webhook-id.
      if (!ok && stopping.aborted) break;
      if (ok) {
        const moved = await updatedRows(
          db,
          `UPDATE webhook_subscription SET delivered_tx = $3::xid8, delivered_position = $4, failed_attempts = 0, failing_since = NULL,
             status = 'ACTIVE', next_attempt_at = now(), lease_until = now() + make_interval(secs => $5)
           WHERE id = $1 AND lease_id = $2 AND status <> 'UNSUBSCRIBED' RETURNING id`,
          [sub.id, sub.lease_id, entry.tx, entry.position, leaseSeconds],
        );
        await attempt(sub, entry, outcome, null);
        // The lease ran out meanwhile and another replica has the subscription now: it goes on from there.
        if (moved.length === 0) return;
        at = entry;
        continue;
      }
      if (outcome.status === 410) {
        await db.query(
          `UPDATE webhook_subscription SET status = 'UNSUBSCRIBED', lease_id = NULL, lease_until = NULL WHERE id = $1 AND lease_id = $2`,
          [sub.id, sub.lease_id],
        );
        await attempt(sub, entry, outcome, null);
        logger.info({ subscription: sub.id }, 'webhook receiver answered 410 Gone: unsubscribed');
        return;
      }
      const [failed] = await updatedRows<{ failed_attempts: number }>(
        db,
        `UPDATE webhook_subscription SET failed_attempts = failed_attempts + 1, failing_since = coalesce(failing_since, now()) WHERE id = $1 AND lease_id = $2
         RETURNING failed_attempts`,
        [sub.id, sub.lease_id],
      );
      if (!failed) return;
      const next = new Date(Date.now() + retryDelayMs(failed.failed_attempts));
      await db.query(
        `UPDATE webhook_subscription SET next_attempt_at = $3, lease_id = NULL, lease_until = NULL,
           status = CASE WHEN failing_since < now() - make_interval(hours => $4) THEN 'FAILING' ELSE status END
         WHERE id = $1 AND lease_id = $2`,
        [sub.id, sub.lease_id, next, changes.retryHours],
      );
      await attempt(sub, entry, outcome, next);
      return;
    }
    await releaseLease(sub);
  };

  /** Deliveries in flight in this process. */
  const inFlight = new Set<Promise<void>>();
  /** Something may have become claimable (a delivery ended, a commit was notified) since the round last looked. */
  let poked = false;
  let pokeRound: (() => void) | undefined;
  const poke = () => {
    poked = true;
    pokeRound?.();
  };
  /** Waits until a poke, the poll interval or the stop; returns at once when poked meanwhile. */
  const nextLook = (stopping: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (poked || stopping.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        stopping.removeEventListener('abort', done);
        pokeRound = undefined;
        resolve();
      };
      const timer = setTimeout(done, changes.pollIntervalMs);
      stopping.addEventListener('abort', done, { once: true });
      pokeRound = done;
    });

  return {
    name: 'webhooks',
    intervalMs: changes.pollIntervalMs,
    /**
     * A round lasts while deliveries are in flight: it fills every free slot with a due subscription, then waits for a
     * delivery to end, a commit's notification or the poll, and fills again. A stop aborts the calls in flight and
     * waits only for their leases to go back; the first failure of ours is then reported.
     */
    async tick(stopping) {
      if (!changes.webhookSecretKey) return;
      const failures: unknown[] = [];
      try {
        while (!stopping.aborted) {
          poked = false;
          // One claim at a time: each sees the leases of the one before, so an owner's limit holds within the process.
          while (inFlight.size < changes.concurrency && !stopping.aborted) {
            const claimed = await claim();
            if (!claimed) break;
            const delivery: Promise<void> = deliver(claimed, stopping)
              .catch(async (error: unknown) => {
                // A failure of ours (the database, a secret the key no longer opens): the lease goes back at once.
                await releaseLease(claimed).catch(() => undefined);
                failures.push(error);
              })
              .finally(() => {
                inFlight.delete(delivery);
                poke();
              });
            inFlight.add(delivery);
          }
          if (inFlight.size === 0) break;
          await nextLook(stopping);
        }
      } catch (error) {
        failures.push(error);
      }
      // The round ends with its deliveries, so that a stop waits for their leases to go back.
      await Promise.all(inFlight);
      if (failures.length > 0) throw failures[0];
    },
    // A commit that wrote events (ChangeNotify migration) starts a round at once: delivery within milliseconds
    // instead of half a poll interval. Polling stays, for retries that come due and a lost LISTEN connection.
    async wakeOn(wakeRound) {
      if (!changes.webhookSecretKey) return async () => undefined;
      // A round under way (deliveries in flight) claims at once too, into its free slots.
      const wake = () => {
        wakeRound();
        poke();
      };
      const [{ schema }] = await db.query<{ schema: string }[]>(`SELECT current_schema() AS schema`);
      // The feed shows a commit only once every older writing transaction of the server has ended (see the
      // ChangeFeed migration): a commit beside a longer transaction becomes deliverable after its notification, so
      // look again a few times, later and later (one statement each), before leaving it to the poll. One chain
      // of looks, begun again by each notification: under a stream of writes each commit is one look, not seven.
      let timer: NodeJS.Timeout | undefined;
      const lookAfter = (step: number) => {
        if (step >= LOOKS_AFTER_MS.length) return;
        timer = setTimeout(
          () => {
            timer = undefined;
            wake();
            lookAfter(step + 1);
          },
          LOOKS_AFTER_MS[step] - (LOOKS_AFTER_MS[step - 1] ?? 0),
        );
        timer.unref();
      };
      const stop = await listenForNotifications(
        db,
        'samsyn_change_event',
        schema,
        () => {
          wake();
          clearTimeout(timer);
          lookAfter(0);
        },
        logger,
      );
      return async () => {
        clearTimeout(timer);
        await stop();
      };
    },
  };
}

/** Keeps the feed to its retention: older events go once no live subscription still waits for them; old attempts go too. */
export function changeRetention({ db }: BackgroundContext, changes: ChangesConfig): BackgroundTask {
  return {
    name: 'change-retention',
    intervalMs: 60 * 60 * 1000,
    async tick() {
      await prune(db.manager, changes.retentionDays);
    },
  };
}

export async function prune(db: Db, retentionDays: number): Promise<void> {
  await db.query(
    `DELETE FROM change_event e WHERE e.occurred_at < now() - make_interval(days => $1)
       AND NOT EXISTS (SELECT 1 FROM webhook_subscription s
                       WHERE s.status <> 'UNSUBSCRIBED' AND (s.delivered_tx, s.delivered_position) < (e.tx, e.position)
                         AND e.type = ANY(s.types) AND (s.district_code IS NULL OR e.district_code IS NULL OR e.district_code = s.district_code))`,
    [retentionDays],
  );
  await db.query(`DELETE FROM webhook_attempt WHERE attempted_at < now() - make_interval(days => $1)`, [retentionDays]);
}

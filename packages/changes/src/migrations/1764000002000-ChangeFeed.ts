import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox of an area (`change_event`), webhook subscriptions and their delivery attempts.
 *
 * `tx` is the writing transaction's id. The feed is ordered by (tx, position) and shows only events of
 * transactions older than every transaction still running: positions come from a sequence, and a transaction
 * that took position 5 may commit after one that took 6, so a reader ordered by position alone could pass 5
 * for good. No event can later appear before a cursor the feed has handed out.
 *
 * A subscription starts after the newest event the feed shows as it is made, and its `start_snapshot` (the
 * snapshot it was made in) leaves out the events just past that whose transactions had already committed: it
 * gets exactly the changes committed after it, never older ones that the feed was still holding back.
 */
export class ChangeFeed1764000002000 implements MigrationInterface {
  name = 'ChangeFeed1764000002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE change_event (
        position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
        id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        type text NOT NULL,
        area text NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        subject_ids text[] NOT NULL,
        district_code text,
        payload jsonb NOT NULL,
        once_key text UNIQUE
      )`);
    await db.query(`CREATE INDEX change_event_order_idx ON change_event (tx, position)`);
    await db.query(`CREATE INDEX change_event_occurred_idx ON change_event (occurred_at)`);
    await db.query(
      `COMMENT ON COLUMN change_event.once_key IS 'events recorded once whoever notices them first (a version coming into force)'`,
    );
    // The keys of events recorded once, kept when the events are pruned: a condition that lasts (a review date
    // long past) is not told again after its event has gone.
    await db.query(`CREATE TABLE change_once (once_key text PRIMARY KEY, recorded_at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`
      CREATE TABLE webhook_subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id text NOT NULL,
        district_code text,
        url text NOT NULL,
        types text[] NOT NULL,
        secret_sealed text NOT NULL,
        previous_secret_sealed text,
        previous_secret_until timestamptz,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'FAILING', 'UNSUBSCRIBED')),
        delivered_tx xid8 NOT NULL,
        delivered_position bigint NOT NULL,
        start_snapshot pg_snapshot NOT NULL DEFAULT pg_current_snapshot(),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        failing_since timestamptz,
        failed_attempts int NOT NULL DEFAULT 0,
        lease_id uuid,
        lease_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL
      )`);
    await db.query(`CREATE INDEX webhook_subscription_due_idx ON webhook_subscription (next_attempt_at) WHERE status <> 'UNSUBSCRIBED'`);
    await db.query(`
      CREATE TABLE webhook_attempt (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now(),
        status_code int,
        error text,
        duration_ms int NOT NULL,
        next_attempt_at timestamptz
      )`);
    await db.query(`CREATE INDEX webhook_attempt_subscription_idx ON webhook_attempt (subscription_id, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_attempt`);
    await db.query(`DROP TABLE webhook_subscription`);
    await db.query(`DROP TABLE change_once`);
    await db.query(`DROP TABLE change_event`);
  }
}

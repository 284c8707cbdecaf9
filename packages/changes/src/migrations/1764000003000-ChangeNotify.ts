import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A NOTIFY on `samsyn_change_event` (payload: the area's schema) with every transaction that writes events:
 * PostgreSQL sends it at the commit, never for a rollback, once however many events the transaction wrote. The
 * webhook dispatchers LISTEN for it and deliver at once instead of at their next poll.
 */
export class ChangeNotify1764000003000 implements MigrationInterface {
  name = 'ChangeNotify1764000003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION change_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('samsyn_change_event', TG_TABLE_SCHEMA);
        RETURN NULL;
      END $$`);
    await db.query(
      `CREATE TRIGGER change_event_notify AFTER INSERT ON change_event FOR EACH STATEMENT EXECUTE FUNCTION change_event_notify()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER change_event_notify ON change_event`);
    await db.query(`DROP FUNCTION change_event_notify()`);
  }
}

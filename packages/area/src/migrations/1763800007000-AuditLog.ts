import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only audit log of an area. Until the log had a package of its own, the documents
 * migration (KnowledgeDocuments1763800001000) created it, with the subject in a column `actor`;
 * a database that ran that migration already has the table, so every step here is safe to run on
 * it: the table and its index are created only if missing, `actor` becomes `actor_id`, and the
 * trigger is created afresh.
 */
export class AuditLog1763800007000 implements MigrationInterface {
  name = 'AuditLog1763800007000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE IF NOT EXISTS audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id text NOT NULL,
        actor_name text NOT NULL,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        document_id uuid,
        before jsonb,
        after jsonb,
        request_id text
      )`);
    // The subject was called `actor`, beside `actor_name`: two meanings of one word.
    await db.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_schema = current_schema() AND table_name = 'audit_log' AND column_name = 'actor') THEN
          ALTER TABLE audit_log RENAME COLUMN actor TO actor_id;
        END IF;
      END $$`);
    await db.query(`CREATE INDEX IF NOT EXISTS audit_log_document_idx ON audit_log (document_id, id)`);
    await db.query(`
      CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await db.query(`DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log`);
    await db.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
    await db.query(`DROP FUNCTION audit_log_is_append_only()`);
  }
}

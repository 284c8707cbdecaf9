import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A document's owner (ägare) by token subject and name, instead of `owner_id uuid`, which only took subjects that
 * are UUIDs: documents created through the API got no owner at all. `owner_sub` is the owner's identity (the
 * token subject; in production the process leader directory's id), `owner_name` what readers see.
 *
 * Existing rows: the owner stays `owner_id` where one was set (demo documents; their seed fills in the name), and
 * is otherwise the creator, named as the createDocument audit entry names them. The demo seeder
 * ('samsyn-demo-data') is nobody's name and owns nothing.
 */
export class DocumentOwner1764100003000 implements MigrationInterface {
  name = 'DocumentOwner1764100003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE document ADD COLUMN owner_sub text, ADD COLUMN owner_name text`);
    await db.query(`
      UPDATE document d SET
        owner_sub = coalesce(d.owner_id::text, nullif(d.created_by, 'samsyn-demo-data')),
        owner_name = CASE WHEN d.owner_id IS NULL THEN (
          SELECT a.actor_name FROM audit_log a
          WHERE a.document_id = d.id AND a.action = 'createDocument' AND a.actor_id = d.created_by ORDER BY a.id LIMIT 1
        ) END`);
    await db.query(`ALTER TABLE document DROP COLUMN owner_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE document ADD COLUMN owner_id uuid`);
    await db.query(
      `UPDATE document SET owner_id = owner_sub::uuid WHERE owner_sub ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`,
    );
    await db.query(`ALTER TABLE document DROP COLUMN owner_sub, DROP COLUMN owner_name`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `document_version.edited_by`: the token subjects of everyone who wrote or changed a version's text (its creator
 * and every updateDraft), so that four eyes bind all of them, not only whoever pressed submit.
 *
 * Existing rows are filled from what the database knows: `created_by` and the actors of the version's
 * createDraft/updateDraft audit entries. Not `updated_by`: submitForReview, returnToDraft and publish set it too,
 * and a reviewer who returned a version did not write it. Demo versions (created_by 'samsyn-demo-data') have no
 * audit entries and keep only that name, which no person signs in with.
 */
export class VersionEditors1764100001000 implements MigrationInterface {
  name = 'VersionEditors1764100001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE document_version ADD COLUMN edited_by text[] NOT NULL DEFAULT '{}'`);
    await db.query(`
      UPDATE document_version v SET edited_by = ARRAY(
        SELECT DISTINCT editor FROM (
          SELECT v.created_by AS editor
          UNION ALL
          SELECT a.actor_id FROM audit_log a
          WHERE a.entity = 'version' AND a.entity_id = v.id::text AND a.action IN ('createDraft', 'updateDraft')
        ) AS editors ORDER BY editor
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE document_version DROP COLUMN edited_by`);
  }
}

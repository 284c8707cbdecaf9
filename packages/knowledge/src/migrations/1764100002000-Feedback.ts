import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Synpunkter: feedback on a published version from a district system (`district` set) or a signed-in person,
 * answered by the area's process leaders and possibly linked to the draft that addresses it
 * (`addressed_by_version_id`, a later version of the same document). Who left it and who answered are kept by
 * token subject (for access) and name (for display). The returner of a version gets a name too
 * (`document_version.returned_by_name`), so that "returned to me" shows who sent it back.
 */
export class Feedback1764100002000 implements MigrationInterface {
  name = 'Feedback1764100002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES document (id),
        version_id uuid NOT NULL REFERENCES document_version (id),
        section text,
        text text NOT NULL CHECK (length(text) > 0),
        district text,
        author_sub text NOT NULL,
        author_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        answer text,
        answered_at timestamptz,
        answered_by_sub text,
        answered_by_name text,
        addressed_by_version_id uuid REFERENCES document_version (id),
        CHECK ((answer IS NULL) = (answered_at IS NULL))
      )`);
    await db.query(`CREATE INDEX feedback_document_idx ON feedback (document_id, created_at DESC)`);
    await db.query(`CREATE INDEX feedback_open_idx ON feedback (created_at) WHERE answer IS NULL`);
    await db.query(`CREATE INDEX feedback_district_idx ON feedback (district) WHERE district IS NOT NULL`);
    await db.query(`ALTER TABLE document_version ADD COLUMN returned_by_name text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE document_version DROP COLUMN returned_by_name`);
    await db.query(`DROP TABLE feedback`);
  }
}

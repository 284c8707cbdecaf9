import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which districts have acknowledged or implemented which document versions. */
export class Adoption1763800002000 implements MigrationInterface {
  name = 'Adoption1763800002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE adoption (
        version_id uuid NOT NULL REFERENCES document_version (id),
        document_id uuid NOT NULL REFERENCES document (id),
        district text NOT NULL,
        status text NOT NULL CHECK (status IN ('ACKNOWLEDGED', 'IMPLEMENTED')),
        acknowledged_at timestamptz NOT NULL,
        implemented_at timestamptz,
        updated_by text NOT NULL,
        PRIMARY KEY (version_id, district),
        CHECK ((status = 'IMPLEMENTED') = (implemented_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX adoption_district_idx ON adoption (district, document_id)`);
    await db.query(`CREATE INDEX adoption_document_idx ON adoption (document_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE adoption`);
  }
}

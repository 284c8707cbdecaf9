import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a published version is an editorial change (redaktionell: districts' acknowledgements carry over) or a
 * substantive one (saklig: districts acknowledge again), and since when its requirements hold:
 * `requirements_number` / `requirements_since` are the number and validFrom of the latest substantive version up
 * to it (its own for a substantive one). A district meets a version when it has acknowledged one from that
 * number on, and lags from that day. Versions published before are substantive, as they were treated.
 */
export class ChangeKind1764100004000 implements MigrationInterface {
  name = 'ChangeKind1764100004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE document_version
        ADD COLUMN change_kind text CHECK (change_kind IN ('EDITORIAL', 'SUBSTANTIVE')),
        ADD COLUMN requirements_number integer,
        ADD COLUMN requirements_since date`);
    await db.query(`
      UPDATE document_version SET change_kind = 'SUBSTANTIVE', requirements_number = number, requirements_since = valid_from
      WHERE published_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE document_version DROP COLUMN change_kind, DROP COLUMN requirements_number, DROP COLUMN requirements_since`);
  }
}

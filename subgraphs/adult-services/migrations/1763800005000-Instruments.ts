import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The catalogue of assessment instruments and methods, and which districts use them with how many trained staff. */
export class Instruments1763800005000 implements MigrationInterface {
  name = 'Instruments1763800005000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE instrument (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]+$'),
        position integer NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('SCREENING', 'ASSESSMENT', 'INTERVENTION', 'CONVERSATION')),
        purpose text NOT NULL,
        target_group text NOT NULL,
        method_document text
      )`);
    await db.query(`
      CREATE TABLE instrument_use (
        instrument_code text NOT NULL REFERENCES instrument (code),
        district text NOT NULL,
        implemented boolean NOT NULL,
        trained_staff integer NOT NULL CHECK (trained_staff >= 0),
        reported_at timestamptz NOT NULL DEFAULT now(),
        reported_by text NOT NULL,
        PRIMARY KEY (instrument_code, district)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE instrument_use`);
    await db.query(`DROP TABLE instrument`);
  }
}

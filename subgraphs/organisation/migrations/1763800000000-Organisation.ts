import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Districts with their validity and merges, and the process leader directory. */
export class Organisation1763800000000 implements MigrationInterface {
  name = 'Organisation1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE district (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]+$'),
        name text NOT NULL,
        population integer CHECK (population >= 0),
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
        merged_into_id uuid REFERENCES district (id)
      )`);
    await db.query(`CREATE INDEX district_merged_into_idx ON district (merged_into_id)`);
    await db.query(`
      CREATE TABLE process_leader (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        title text NOT NULL,
        email text NOT NULL UNIQUE,
        phone text,
        areas text[] NOT NULL CHECK (areas <@ ARRAY['CHILD_SERVICES','ADULT_SERVICES','DISABILITY','INCOME_SUPPORT'])
      )`);
    await db.query(`CREATE INDEX process_leader_areas_idx ON process_leader USING gin (areas)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE process_leader`);
    await db.query(`DROP TABLE district`);
  }
}

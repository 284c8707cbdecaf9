import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The catalogue of LSS and SoL interventions, and decisions not carried out within three months per intervention. */
export class Interventions1763800004000 implements MigrationInterface {
  name = 'Interventions1763800004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE intervention (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]+$'),
        law text NOT NULL CHECK (law IN ('LSS', 'SOL')),
        position integer NOT NULL,
        provision text NOT NULL,
        name text NOT NULL,
        description text NOT NULL,
        guideline text,
        UNIQUE (law, position)
      )`);
    await db.query(`
      CREATE TABLE decision_not_carried_out (
        intervention_code text NOT NULL REFERENCES intervention (code),
        district text NOT NULL,
        period text NOT NULL CHECK (period ~ '^[0-9]{4}-Q[1-4]$'),
        decisions integer NOT NULL CHECK (decisions >= 0),
        not_carried_out integer NOT NULL CHECK (not_carried_out >= 0 AND not_carried_out <= decisions),
        reported_at timestamptz NOT NULL DEFAULT now(),
        reported_by text NOT NULL,
        PRIMARY KEY (intervention_code, district, period)
      )`);
    await db.query(`CREATE INDEX decision_not_carried_out_period_idx ON decision_not_carried_out (period)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE decision_not_carried_out`);
    await db.query(`DROP TABLE intervention`);
  }
}

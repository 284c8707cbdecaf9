import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indicators of the area and the aggregated figures district systems report for them: counts only, never people. */
export class Equality1763800003000 implements MigrationInterface {
  name = 'Equality1763800003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE indicator (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]+$'),
        area text NOT NULL,
        name text NOT NULL,
        description text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PROPORTION', 'RATE', 'MEDIAN', 'MEAN')),
        unit text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'NEITHER')),
        periodicity text NOT NULL CHECK (periodicity IN ('YEAR', 'QUARTER', 'MONTH')),
        rate_per integer CHECK (rate_per > 0),
        kolada_kpi text,
        rule_document text,
        CHECK ((kind = 'RATE') = (rate_per IS NOT NULL))
      )`);
    await db.query(`
      CREATE TABLE observation (
        indicator_code text NOT NULL REFERENCES indicator (code),
        district text NOT NULL,
        period text NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'),
        numerator integer CHECK (numerator >= 0),
        denominator integer CHECK (denominator >= 0),
        value double precision CHECK (value >= 0),
        reported_at timestamptz NOT NULL DEFAULT now(),
        reported_by text NOT NULL,
        PRIMARY KEY (indicator_code, district, period),
        CHECK (numerator IS NULL OR denominator IS NULL OR numerator <= denominator),
        CHECK ((value IS NULL) <> (numerator IS NULL))
      )`);
    await db.query(`CREATE INDEX observation_period_idx ON observation (period)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE observation`);
    await db.query(`DROP TABLE indicator`);
  }
}

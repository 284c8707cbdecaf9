import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { Area } from '@samsyn/area';
import { storeComparisons } from '../comparisons/comparison.snapshots';

/**
 * Comparisons computed when figures change (comparison_snapshot, beside disclosure_cell under the same period
 * key), and the version of each period's figures they were computed from (figures_version, bumped by triggers
 * on observation and disclosure_cell in the writing transaction). A snapshot whose window's versions are no
 * longer current (figures written past the service, by SQL) is not used: the comparison is computed instead.
 */
export class ComparisonSnapshots1764000001000 implements MigrationInterface {
  name = 'ComparisonSnapshots1764000001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE figures_version (period text PRIMARY KEY, version bigint NOT NULL)`);
    await db.query(`
      CREATE FUNCTION figures_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        EXECUTE format('INSERT INTO %I.figures_version AS v (period, version)
                        SELECT DISTINCT period, 1 FROM changed ORDER BY period
                        ON CONFLICT (period) DO UPDATE SET version = v.version + 1', TG_TABLE_SCHEMA);
        RETURN NULL;
      END $$`);
    for (const table of ['observation', 'disclosure_cell']) {
      // One event per trigger: PostgreSQL allows transition tables only so.
      await db.query(`CREATE TRIGGER ${table}_figures_inserted AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed
                      FOR EACH STATEMENT EXECUTE FUNCTION figures_version_bump()`);
      await db.query(`CREATE TRIGGER ${table}_figures_updated AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS changed
                      FOR EACH STATEMENT EXECUTE FUNCTION figures_version_bump()`);
      await db.query(`CREATE TRIGGER ${table}_figures_deleted AFTER DELETE ON ${table} REFERENCING OLD TABLE AS changed
                      FOR EACH STATEMENT EXECUTE FUNCTION figures_version_bump()`);
    }
    await db.query(`
      CREATE TABLE comparison_snapshot (
        period text NOT NULL REFERENCES disclosure_period (period) ON DELETE CASCADE,
        indicator_code text NOT NULL REFERENCES indicator (code),
        computed_from jsonb NOT NULL,
        comparison jsonb NOT NULL,
        PRIMARY KEY (period, indicator_code)
      )`);
    await db.query(
      `COMMENT ON COLUMN comparison_snapshot.computed_from IS 'figures_version of each period of the trend window, and the indicator as it was'`,
    );
    // Figures stored before: compared now, once.
    const periods = (await db.query(`SELECT period FROM disclosure_period`)) as { period: string }[];
    const areas = (await db.query(`SELECT DISTINCT area FROM indicator ORDER BY area`)) as { area: Area }[];
    for (const { area } of areas)
      await storeComparisons(
        db.manager,
        area,
        periods.map((row) => row.period),
      );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE comparison_snapshot`);
    for (const table of ['observation', 'disclosure_cell'])
      for (const event of ['inserted', 'updated', 'deleted']) await db.query(`DROP TRIGGER ${table}_figures_${event} ON ${table}`);
    await db.query(`DROP FUNCTION figures_version_bump()`);
    await db.query(`DROP TABLE figures_version`);
  }
}

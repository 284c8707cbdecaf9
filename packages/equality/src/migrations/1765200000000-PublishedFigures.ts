import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each protected cell keeps the figure it was published with (`figure`: its counts), so that a later report can be told
 * to change it: a published total stays hidden once a new or changed figure in it ends hidden (the differencing rule,
 * docs/statistics.md). The indicators' own figures are filled from the stored figures, which are those the protection
 * was computed from (both are written in one transaction); breakdown cells are filled by the next report of their
 * period (until then they count as unchanged).
 */
export class PublishedFigures1765200000000 implements MigrationInterface {
  name = 'PublishedFigures1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE disclosure_cell ADD COLUMN figure text`);
    await db.query(
      `COMMENT ON COLUMN disclosure_cell.figure IS 'the counts the cell was published with (numerator/denominator); empty for a city total, NULL when not known'`,
    );
    await db.query(
      `UPDATE disclosure_cell c SET figure = coalesce(o.numerator::text, '') || '/' || coalesce(o.denominator::text, '')
       FROM observation o
       WHERE c.part = '' AND c.district <> '' AND (o.period, o.indicator_code, o.district) = (c.period, c.indicator_code, c.district)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE disclosure_cell DROP COLUMN figure`);
  }
}

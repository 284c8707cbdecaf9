import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { FigureBreakdown } from '../disclosure/disclosure.service';
import { protectUnprotectedPeriods } from '../figures/figures.writer';

/**
 * The disclosure protection of each period's published figures, computed when figures change: one row
 * per published cell (an indicator's district figure or city total, or a breakdown cell) saying whether
 * it is hidden and why. Stored comparisons can be kept beside it, keyed by the same period.
 */
export function disclosureProtection1763800006000(breakdowns: readonly FigureBreakdown[]): new () => MigrationInterface {
  return class DisclosureProtection1763800006000 implements MigrationInterface {
    name = 'DisclosureProtection1763800006000';

    async up(db: QueryRunner): Promise<void> {
      await db.query(`
      CREATE TABLE disclosure_period (
        period text PRIMARY KEY CHECK (period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'),
        protected_at timestamptz NOT NULL DEFAULT now()
      )`);
      await db.query(`
      CREATE TABLE disclosure_cell (
        period text NOT NULL REFERENCES disclosure_period (period) ON DELETE CASCADE,
        indicator_code text NOT NULL REFERENCES indicator (code),
        district text NOT NULL,
        part text NOT NULL,
        hidden boolean NOT NULL,
        reason text CHECK (reason IN ('SMALL_COUNT', 'SECONDARY')),
        PRIMARY KEY (period, indicator_code, district, part),
        CHECK (hidden = (reason IS NOT NULL))
      )`);
      await db.query(`COMMENT ON COLUMN disclosure_cell.district IS 'district code; empty for the city total'`);
      await db.query(
        `COMMENT ON COLUMN disclosure_cell.part IS 'empty for the indicator''s own figure; a category code (intervention) for a breakdown cell'`,
      );
      // Figures stored before this migration would stay hidden (never protected) until their period is reported again.
      await protectUnprotectedPeriods(db.manager, breakdowns);
    }

    async down(db: QueryRunner): Promise<void> {
      await db.query(`DROP TABLE disclosure_cell`);
      await db.query(`DROP TABLE disclosure_period`);
    }
  };
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { Area } from '@samsyn/area';
import { storeComparisons } from '../comparisons/comparison.snapshots';

/**
 * The stored comparisons computed again by the current statistical methods (COMPARISON_METHOD 2: P(Y ≥ y) and its upper limit,
 * φ̂ unbiased at every k and tested, spread bands for medians, rank intervals). Without this they would be computed on every
 * read until their period's figures are written again (their fingerprint names the older method).
 */
export class ComparisonMethod1765100000000 implements MigrationInterface {
  name = 'ComparisonMethod1765100000000';

  async up(db: QueryRunner): Promise<void> {
    const periods = (await db.query(`SELECT period FROM disclosure_period`)) as { period: string }[];
    const areas = (await db.query(`SELECT DISTINCT area FROM indicator ORDER BY area`)) as { area: Area }[];
    for (const { area } of areas)
      await storeComparisons(
        db.manager,
        area,
        periods.map((row) => row.period),
      );
  }

  async down(): Promise<void> {
    // The comparisons stay as computed: the older method reads them as stale and computes its own on read.
  }
}

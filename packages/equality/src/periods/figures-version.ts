import type { Db } from '@samsyn/core';

/** Each period's figures_version as the caller's transaction sees it (0: no figures written yet), for every period asked. */
export async function figuresVersions(db: Db, periods: readonly string[]): Promise<Map<string, number>> {
  const rows: { period: string; version: number }[] = await db.query(`SELECT period, version FROM figures_version WHERE period = ANY($1)`, [
    periods,
  ]);
  return versionOfEach(periods, rows);
}

/** The version of each period asked, 0 for one without a row. */
function versionOfEach(periods: readonly string[], rows: readonly { period: string; version: number }[]): Map<string, number> {
  const found = new Map(rows.map((row) => [row.period, row.version]));
  return new Map(periods.map((period) => [period, found.get(period) ?? 0]));
}

/**
 * Locks the periods' figures_version rows (made at version 0 where missing) in period order until the caller's
 * transaction ends, and returns their versions: one statement. Writers of figures take it first, so they queue
 * per period in one order, and no other write to those periods can commit between this read and their commit.
 */
export async function lockFiguresVersions(em: Db, periods: readonly string[]): Promise<Map<string, number>> {
  const rows: { period: string; version: number }[] = await em.query(
    `INSERT INTO figures_version AS f (period, version) SELECT p, 0 FROM unnest($1::text[]) AS p ORDER BY p
     ON CONFLICT (period) DO UPDATE SET version = f.version RETURNING period, version`,
    [[...periods].sort()],
  );
  return versionOfEach(periods, rows);
}

import { inTransaction, policy, type Db, type Principal } from '@samsyn/core';
import { recordAudit, type Area } from '@samsyn/area';
import { indicatorsOfArea, toIndicator, type IndicatorRow } from '../indicators/indicator.service';
import type { Indicator } from '../indicators/indicator.types';
import { storeComparisons, type AffectedIndicators } from '../comparisons/comparison.snapshots';
import { protectPeriods, type FigureBreakdown } from '../disclosure/disclosure.service';
import { Republication } from '../disclosure/disclosure.types';
import { lockFiguresVersions } from '../periods/figures-version';

/**
 * What every writer of figures does before it commits, in one place: protect the periods it wrote (disclosure control),
 * then store the comparisons that use them. Disclosure control and comparisons know nothing of each other; this runs
 * the one after the other.
 */

/**
 * Protects the given periods of an area and stores their comparisons, in the caller's transaction: every writer of
 * figures calls this once before committing. With `report`, the protection and the comparisons recomputed are those of the
 * reported indicators; the others stay as stored. Without it, every indicator of the periods is protected and compared.
 */
export async function protectFigures(
  em: Db,
  area: Area,
  periods: readonly string[],
  breakdowns: readonly FigureBreakdown[],
  report?: AffectedIndicators,
  known?: readonly Indicator[],
): Promise<void> {
  const wanted = [...new Set(periods)].sort();
  // A report's indicators alone: no other indicator's protection depends on their figures.
  const written = await protectPeriods(em, area, wanted, breakdowns, known, report?.indicators);
  // Protected by an earlier migration, before comparisons are stored: compared when they are.
  if (!written?.compared) return;
  // Comparisons are computed here, when figures change, in the same transaction: reads are lookups.
  await storeComparisons(
    em,
    area,
    wanted,
    report && { indicators: new Set([...report.indicators, ...written.changed]), versionsBefore: report.versionsBefore },
    { indicators: written.indicators, periods: written.periods },
  );
}

/**
 * Recomputes the protection of every period and area the given figures touch: the writer of
 * `observation` calls this once, in its transaction, after storing them.
 */
export async function protectReported(
  em: Db,
  figures: readonly { indicator: string; period: string }[],
  versionsBefore: ReadonlyMap<string, number>,
  breakdowns: readonly FigureBreakdown[],
): Promise<void> {
  if (figures.length === 0) return;
  const indicators = new Set(figures.map((f) => f.indicator));
  // Every indicator of the areas the figures belong to: one statement.
  const rows: IndicatorRow[] = await em.query(
    `SELECT * FROM indicator WHERE area IN (SELECT area FROM indicator WHERE code = ANY($1)) ORDER BY area, code`,
    [[...indicators]],
  );
  const byArea = new Map<Area, Indicator[]>();
  for (const indicator of rows.map(toIndicator)) byArea.set(indicator.area, [...(byArea.get(indicator.area) ?? []), indicator]);
  const periods = [...new Set(figures.map((f) => f.period))];
  for (const [area, known] of byArea) await protectFigures(em, area, periods, breakdowns, { indicators, versionsBefore }, known);
}

/**
 * Republishes an area's figures of one period with their protection computed afresh from the figures alone, forgetting
 * what the period hid before: a cell hidden before may be shown now. That is what a period's protection otherwise never
 * does (a report that could show what was hidden would let its district read a neighbour's figure), so only an admin may,
 * deliberately, once the period's figures are final; the act is in the audit log with the hidden cells before and after.
 */
export async function republishPeriod(
  db: Db,
  principal: Principal | null,
  area: Area,
  period: string,
  breakdowns: readonly FigureBreakdown[],
): Promise<Republication> {
  const caller = policy.requireAdmin(principal, "republish a period's figures");
  return inTransaction(db, async (tx) => {
    // Reports of the period wait for this to commit (they lock the same row first).
    await lockFiguresVersions(tx, [period]);
    const indicators = await indicatorsOfArea(tx, area);
    const codes = indicators.map((indicator) => indicator.code);
    const [{ hidden: hiddenBefore }]: { hidden: number }[] = await tx.query(
      `WITH gone AS (DELETE FROM disclosure_cell WHERE period = $1 AND indicator_code = ANY($2) RETURNING hidden)
       SELECT count(*) FILTER (WHERE hidden)::int AS hidden FROM gone`,
      [period, codes],
    );
    await protectFigures(tx, area, [period], breakdowns, undefined, indicators);
    const [{ hidden: hiddenAfter }]: { hidden: number }[] = await tx.query(
      `SELECT count(*) FILTER (WHERE hidden)::int AS hidden FROM disclosure_cell WHERE period = $1 AND indicator_code = ANY($2)`,
      [period, codes],
    );
    const result = Object.assign(new Republication(), { period, hiddenBefore, hiddenAfter });
    await recordAudit(tx, caller, {
      action: 'republishFigures',
      entity: 'disclosure_period',
      entityId: `${area}/${period}`,
      before: { hidden: hiddenBefore },
      after: { hidden: hiddenAfter },
    });
    return result;
  });
}

/** Periods with figures but no protection yet (figures stored before protection existed): protected now, once. */
export async function protectUnprotectedPeriods(em: Db, breakdowns: readonly FigureBreakdown[], area?: Area): Promise<void> {
  const rows: { area: Area; period: string }[] = await em.query(
    `SELECT DISTINCT i.area, o.period FROM observation o JOIN indicator i ON i.code = o.indicator_code
     WHERE ($1::text IS NULL OR i.area = $1) AND NOT EXISTS (SELECT 1 FROM disclosure_period p WHERE p.period = o.period)`,
    [area ?? null],
  );
  for (const each of new Set(rows.map((row) => row.area))) {
    await protectFigures(
      em,
      each,
      rows.filter((row) => row.area === each).map((row) => row.period),
      breakdowns,
    );
  }
}

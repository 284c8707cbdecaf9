import type { Db } from '@samsyn/core';
import type { Area } from '@samsyn/area';
import { indicatorsOfArea } from '../indicators/indicator.service';
import type { Indicator } from '../indicators/indicator.types';
import type { ObservationRow } from '../observations/observation.row';
import type { ProtectionRow } from './protection.reader';
import { protectPeriod, type BreakdownCell } from './disclosure.rules';

/**
 * A breakdown of an indicator's figures by category, declared by the module that owns its table: its
 * cells add up to the indicator's district figures, so disclosure control must see them together.
 */
export interface FigureBreakdown {
  indicator: string;
  /** The cells of the given periods, read in the caller's transaction. */
  cells(em: Db, periods: readonly string[]): Promise<(BreakdownCell & { period: string })[]>;
}

/** What `protectPeriods` found and changed, for the comparisons to recompute after it. */
export interface ProtectionWritten {
  /** The area's indicators (all of them, also when only some were protected). */
  indicators: readonly Indicator[];
  /** Every period protected so far (the periods just protected among them). */
  periods: readonly string[];
  /** The indicators any cell of whose protection changed. */
  changed: ReadonlySet<string>;
  /** Whether comparisons are stored yet (false while an earlier migration protects figures stored before protection existed). */
  compared: boolean;
}

/**
 * Recomputes the disclosure protection of the given periods of an area from its stored figures and stores it, in the
 * caller's transaction (the figures' writer runs this, then stores the comparisons: `protectFigures` does both).
 * Locking the periods' rows first makes concurrent reports for one period take turns, so the last to commit has seen the
 * others' figures. `breakdowns` are the breakdowns of the area's figures that other modules publish (declared where the
 * area's modules are put together: `equalityModule`).
 *
 * With `only`, the protection of those indicators alone is recomputed (a report's): an indicator's figures, city total and
 * breakdown form tables of their own, which no other indicator's figure is part of (`protectPeriod`), so the others'
 * stored protection stays true. At a thousand districts that is a thousand figures read instead of twenty thousand.
 */
export async function protectPeriods(
  em: Db,
  area: Area,
  periods: readonly string[],
  breakdowns: readonly FigureBreakdown[],
  known?: readonly Indicator[],
  only?: ReadonlySet<string>,
): Promise<ProtectionWritten | null> {
  const wanted = [...new Set(periods)].sort();
  if (wanted.length === 0) return null;
  // Marks the periods protected and reads every protected period (for the comparisons to recompute), in one
  // statement: a report holds its periods' lock until it commits, so each round trip in it is a wait for the next.
  const [marked]: { compared: boolean; figures: boolean; periods: string[] }[] = await em.query(
    `WITH marked AS (
       INSERT INTO disclosure_period (period) SELECT unnest($1::text[]) ON CONFLICT (period) DO UPDATE SET protected_at = now()
       RETURNING period)
     SELECT to_regclass('comparison_snapshot') IS NOT NULL AS compared,
            EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'disclosure_cell'::regclass AND attname = 'figure' AND NOT attisdropped) AS figures,
            ARRAY(SELECT period FROM disclosure_period UNION SELECT period FROM marked) AS periods`,
    [wanted],
  );
  const indicators = known ?? (await indicatorsOfArea(em, area));
  const protecting = only ? indicators.filter((indicator) => only.has(indicator.code)) : indicators;
  const { rows, before } = await figuresAndProtection(em, wanted, marked.figures, only && protecting.map((indicator) => indicator.code));
  const cells = new Map<string, (BreakdownCell & { period: string })[]>();
  for (const indicator of protecting) {
    const breakdown = breakdowns.find((each) => each.indicator === indicator.code);
    if (breakdown) cells.set(indicator.code, await breakdown.cells(em, wanted));
  }
  const protectedCells = wanted.flatMap((period) => {
    const inPeriod = new Map([...cells].map(([code, all]) => [code, all.filter((cell) => cell.period === period)]));
    // What the period has published stays hidden (its protection only grows).
    return protectPeriod(
      protecting,
      rows.filter((row) => row.period === period),
      inPeriod,
      before.filter((cell) => cell.period === period),
    ).map((cell) => ({ ...cell, period }));
  });
  // Only the cells whose protection changed are written: at a thousand districts a period has tens of thousands
  // of cells, and a report changes a few (each row written also fires the version triggers).
  const changes = cellChanges(before, protectedCells);
  if (changes.gone.length > 0) {
    await em.query(
      `DELETE FROM disclosure_cell c USING unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS k (period, indicator_code, district, part)
       WHERE (c.period, c.indicator_code, c.district, c.part) = (k.period, k.indicator_code, k.district, k.part)`,
      [
        changes.gone.map((cell) => cell.period),
        changes.gone.map((cell) => cell.indicator),
        changes.gone.map((cell) => cell.district),
        changes.gone.map((cell) => cell.part),
      ],
    );
  }
  if (changes.written.length > 0) {
    const columns = [
      changes.written.map((cell) => cell.period),
      changes.written.map((cell) => cell.indicator),
      changes.written.map((cell) => cell.district),
      changes.written.map((cell) => cell.part),
      changes.written.map((cell) => cell.hidden),
      changes.written.map((cell) => cell.reason),
    ];
    // Before the migration that adds `figure` (an earlier migration protects figures stored before protection existed).
    await em.query(
      marked.figures
        ? `INSERT INTO disclosure_cell (period, indicator_code, district, part, hidden, reason, figure)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[])
           ON CONFLICT (period, indicator_code, district, part) DO UPDATE SET hidden = excluded.hidden, reason = excluded.reason, figure = excluded.figure`
        : `INSERT INTO disclosure_cell (period, indicator_code, district, part, hidden, reason)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[])
           ON CONFLICT (period, indicator_code, district, part) DO UPDATE SET hidden = excluded.hidden, reason = excluded.reason`,
      marked.figures ? [...columns, changes.written.map((cell) => cell.figure)] : columns,
    );
  }
  return { indicators, periods: marked.periods, changed: changes.indicators, compared: marked.compared };
}

/**
 * The figures and the stored protection of the given periods (of the given indicators only, when named), in one statement
 * (as JSON: two tables' rows in one answer).
 */
async function figuresAndProtection(
  em: Db,
  periods: readonly string[],
  figures: boolean,
  indicators?: readonly string[],
): Promise<{ rows: ObservationRow[]; before: StoredCell[] }> {
  const [answer]: { rows: ObservationRow[]; before: StoredCell[] }[] = await em.query(
    `SELECT
       (SELECT coalesce(json_agg(o ORDER BY o.district), '[]') FROM (
          SELECT indicator_code, district, period, numerator, denominator, value FROM observation
          WHERE period = ANY($1) AND ($2::text[] IS NULL OR indicator_code = ANY($2))) o) AS rows,
       (SELECT coalesce(json_agg(c), '[]') FROM (
          SELECT period, indicator_code AS indicator, district, part, hidden, reason, ${figures ? 'figure' : 'NULL::text AS figure'}
          FROM disclosure_cell WHERE period = ANY($1) AND ($2::text[] IS NULL OR indicator_code = ANY($2))) c) AS before`,
    [periods, indicators ?? null],
  );
  return answer;
}

/** A cell's protection as stored (`disclosure_cell`), with its period and the figure it was published with. */
type StoredCell = ProtectionRow & { period: string; figure?: string | null };

/**
 * How a protection differs from the stored one of the same periods: the cells to delete (no longer in it), the
 * cells to write (new, or hidden otherwise), and the indicators any of those belong to.
 */
export function cellChanges(
  before: readonly StoredCell[],
  after: readonly StoredCell[],
): { gone: StoredCell[]; written: StoredCell[]; indicators: Set<string> } {
  // One map per (period, indicator), keyed by district and part: short keys (a period at scale has ~20,000 cells).
  const groups = new Map<string, Map<string, StoredCell>>();
  const groupOf = (cell: StoredCell) => {
    const name = `${cell.period}\u0000${cell.indicator}`;
    let group = groups.get(name);
    if (!group) groups.set(name, (group = new Map<string, StoredCell>()));
    return group;
  };
  const keyOf = (cell: StoredCell) => (cell.part === '' ? cell.district : `${cell.district}\u0000${cell.part}`);
  for (const cell of before) groupOf(cell).set(keyOf(cell), cell);
  const written: StoredCell[] = [];
  for (const cell of after) {
    const group = groupOf(cell);
    const key = keyOf(cell);
    const old = group.get(key);
    group.delete(key);
    if (
      !old ||
      old.hidden !== cell.hidden ||
      (old.reason ?? null) !== (cell.reason ?? null) ||
      (old.figure ?? null) !== (cell.figure ?? null)
    )
      written.push(cell);
  }
  const gone = [...groups.values()].flatMap((group) => [...group.values()]);
  return { gone, written, indicators: new Set([...written, ...gone].map((cell) => cell.indicator)) };
}

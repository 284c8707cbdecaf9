import { inTransaction, policy, type Db, type Principal } from '@samsyn/core';
import { recordAudit, type Area } from '@samsyn/area';
import { indicatorsOfArea, toIndicator, type IndicatorRow } from '../indicators/indicator.service';
import type { Indicator } from '../indicators/indicator.types';
import { lockFiguresVersions, storeComparisons, type AffectedIndicators } from '../comparisons/comparison.snapshots';
import type { ObservationRow } from '../observations/observation.service';
import { Republication } from './disclosure.types';
import { CITY, protectPeriod, WHOLE, type BreakdownCell, type HiddenReason, type ProtectedCell } from './disclosure.rules';

/**
 * A breakdown of an indicator's figures by category, declared by the module that owns its table: its
 * cells add up to the indicator's district figures, so disclosure control must see them together.
 */
export interface FigureBreakdown {
  indicator: string;
  /** The cells of the given periods, read in the caller's transaction. */
  cells(em: Db, periods: readonly string[]): Promise<(BreakdownCell & { period: string })[]>;
}

// Indicator codes are unique across areas, so one process may hold every area's breakdowns.
const breakdowns = new Map<string, FigureBreakdown>();

/** Declares a breakdown (done once, where the area's modules are put together). */
export function registerBreakdown(breakdown: FigureBreakdown): void {
  breakdowns.set(breakdown.indicator, breakdown);
}

/**
 * Recomputes the disclosure protection of the given periods of an area from its stored figures and
 * stores it, in the caller's transaction: every writer of figures calls this once before committing.
 * Locking the periods' rows first makes concurrent reports for one period take turns, so the last to
 * commit has seen the others' figures. With `report`, the comparisons recomputed are those of the
 * reported indicators and of any indicator whose protection changed (secondary suppression reaches across
 * a period's table); the others stay as stored. Without it, every comparison of the periods is recomputed.
 */
export async function protectFigures(
  em: Db,
  area: Area,
  periods: readonly string[],
  report?: AffectedIndicators,
  known?: readonly Indicator[],
): Promise<void> {
  const wanted = [...new Set(periods)].sort();
  if (wanted.length === 0) return;
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
  const { rows, before } = await figuresAndProtection(em, wanted, marked.figures);
  const cells = new Map<string, (BreakdownCell & { period: string })[]>();
  for (const indicator of indicators) {
    const breakdown = breakdowns.get(indicator.code);
    if (breakdown) cells.set(indicator.code, await breakdown.cells(em, wanted));
  }
  const protectedCells = wanted.flatMap((period) => {
    const inPeriod = new Map([...cells].map(([code, all]) => [code, all.filter((cell) => cell.period === period)]));
    // What the period has published stays hidden (its protection only grows).
    return protectPeriod(
      indicators,
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
  // Comparisons are computed here, when figures change, in the same transaction: reads are lookups.
  if (!marked.compared) return; // protected by an earlier migration, before comparisons are stored: compared when they are
  await storeComparisons(
    em,
    area,
    wanted,
    report && {
      indicators: new Set([...report.indicators, ...changes.indicators]),
      versionsBefore: report.versionsBefore,
    },
    { indicators, periods: marked.periods },
  );
}

/**
 * The figures and the stored protection of the given periods, in one statement (as JSON: two tables' rows in
 * one answer).
 */
async function figuresAndProtection(
  em: Db,
  periods: readonly string[],
  figures: boolean,
): Promise<{ rows: ObservationRow[]; before: StoredCell[] }> {
  const [answer]: { rows: ObservationRow[]; before: StoredCell[] }[] = await em.query(
    `SELECT
       (SELECT coalesce(json_agg(o ORDER BY o.district), '[]') FROM (
          SELECT indicator_code, district, period, numerator, denominator, value FROM observation WHERE period = ANY($1)) o) AS rows,
       (SELECT coalesce(json_agg(c), '[]') FROM (
          SELECT period, indicator_code AS indicator, district, part, hidden, reason, ${figures ? 'figure' : 'NULL::text AS figure'}
          FROM disclosure_cell WHERE period = ANY($1)) c) AS before`,
    [periods],
  );
  return answer;
}

/** A cell's protection as stored (`disclosure_cell`), without its period and with it. */
type ProtectionRow = Pick<ProtectedCell, 'indicator' | 'district' | 'part' | 'hidden' | 'reason'>;
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

/**
 * Recomputes the protection of every period and area the given figures touch: the writer of
 * `observation` calls this once, in its transaction, after storing them.
 */
export async function protectReported(
  em: Db,
  figures: readonly { indicator: string; period: string }[],
  versionsBefore: ReadonlyMap<string, number>,
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
  for (const [area, known] of byArea) await protectFigures(em, area, periods, { indicators, versionsBefore }, known);
}

/**
 * Republishes an area's figures of one period with their protection computed afresh from the figures alone, forgetting
 * what the period hid before: a cell hidden before may be shown now. That is what a period's protection otherwise never
 * does (a report that could show what was hidden would let its district read a neighbour's figure), so only an admin may,
 * deliberately, once the period's figures are final; the act is in the audit log with the hidden cells before and after.
 */
export async function republishPeriod(db: Db, principal: Principal | null, area: Area, period: string): Promise<Republication> {
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
    await protectFigures(tx, area, [period], undefined, indicators);
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
export async function protectUnprotectedPeriods(em: Db, area?: Area): Promise<void> {
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
    );
  }
}

/**
 * Whether a published cell is hidden, as published: `PROTECTED` for every hidden cell whatever made it hidden (a
 * small count, or a figure hidden so that a small one cannot be worked out: telling which would tell the small one),
 * `PENDING` when its figures were stored without protection (then it is hidden too).
 */
export type CellProtection = { hidden: false; reason: null } | { hidden: true; reason: 'PROTECTED' | 'PENDING' };

const PROTECTED: CellProtection = { hidden: true, reason: 'PROTECTED' };
const SHOWN: CellProtection = { hidden: false, reason: null };

const PENDING: CellProtection = { hidden: true, reason: 'PENDING' };

/** The stored protection of one period, looked up cell by cell. */
export class PeriodProtection {
  private readonly cells = new Map<string, CellProtection>();

  constructor(rows: ProtectionRow[]) {
    for (const row of rows) this.cells.set(`${row.indicator}\u0000${row.district}\u0000${row.part}`, row.hidden ? PROTECTED : SHOWN);
  }

  /** A cell's protection; a cell never protected is hidden (fail closed). */
  cell(indicator: string, district: string = CITY, part: string = WHOLE): CellProtection {
    return this.cells.get(`${indicator}\u0000${district}\u0000${part}`) ?? PENDING;
  }
}

/** The stored protection of the given periods: one statement. */
export async function storedProtection(db: Db, periods: readonly string[]): Promise<Map<string, PeriodProtection>> {
  const rows: { period: string; indicator: string; district: string; part: string; hidden: boolean; reason: HiddenReason | null }[] =
    await db.query(
      `SELECT period, indicator_code AS indicator, district, part, hidden, reason FROM disclosure_cell WHERE period = ANY($1)`,
      [periods],
    );
  const byPeriod = new Map<string, typeof rows>();
  for (const row of rows) {
    const group = byPeriod.get(row.period);
    if (group) group.push(row);
    else byPeriod.set(row.period, [row]);
  }
  return new Map(periods.map((period) => [period, new PeriodProtection(byPeriod.get(period) ?? [])]));
}

/** A period's figures with their stored protection. */
export interface ProtectedFigures {
  rows: ObservationRow[];
  protection: PeriodProtection;
}

/**
 * Every figure of the given periods (of the given indicators only, when named) with the stored protection of
 * its district cell and city total: one statement, so a comparison costs no more statements than before
 * protection was stored.
 */
export async function protectedFiguresInPeriods(
  db: Db,
  periods: readonly string[],
  indicators?: readonly string[],
): Promise<Map<string, ProtectedFigures>> {
  const rows: (ObservationRow & {
    hidden: boolean | null;
    reason: HiddenReason | null;
    city_hidden: boolean | null;
    city_reason: HiddenReason | null;
  })[] = await db.query(
    `SELECT o.indicator_code, o.district, o.period, o.numerator, o.denominator, o.value,
            c.hidden, c.reason, t.hidden AS city_hidden, t.reason AS city_reason
     FROM observation o
     LEFT JOIN disclosure_cell c ON (c.period, c.indicator_code, c.district, c.part) = (o.period, o.indicator_code, o.district, '')
     LEFT JOIN disclosure_cell t ON (t.period, t.indicator_code, t.district, t.part) = (o.period, o.indicator_code, '', '')
     WHERE o.period = ANY($1) AND ($2::text[] IS NULL OR o.indicator_code = ANY($2)) ORDER BY o.district`,
    [periods, indicators ?? null],
  );
  const result = new Map(periods.map((period) => [period, { rows: [] as ObservationRow[], cells: [] as ProtectionRow[] }]));
  const cities = new Set<string>();
  for (const row of rows) {
    const target = result.get(row.period);
    if (!target) continue;
    target.rows.push({
      indicator_code: row.indicator_code,
      district: row.district,
      period: row.period,
      numerator: row.numerator,
      denominator: row.denominator,
      value: row.value,
    });
    // A missing cell stays missing, so that PeriodProtection hides it as never protected.
    if (row.hidden !== null)
      target.cells.push({ indicator: row.indicator_code, district: row.district, part: WHOLE, hidden: row.hidden, reason: row.reason });
    if (row.city_hidden !== null && !cities.has(`${row.period}\u0000${row.indicator_code}`)) {
      cities.add(`${row.period}\u0000${row.indicator_code}`);
      target.cells.push({ indicator: row.indicator_code, district: CITY, part: WHOLE, hidden: row.city_hidden, reason: row.city_reason });
    }
  }
  return new Map([...result].map(([period, { rows: own, cells }]) => [period, { rows: own, protection: new PeriodProtection(cells) }]));
}

import type { Db } from '@samsyn/core';
import type { ObservationRow } from '../observations/observation.row';
import { CITY, WHOLE, type HiddenReason, type ProtectedCell } from './disclosure.rules';

/** A cell's protection as stored (`disclosure_cell`), without its period. */
export type ProtectionRow = Pick<ProtectedCell, 'indicator' | 'district' | 'part' | 'hidden' | 'reason'>;

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

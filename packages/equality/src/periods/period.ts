/** Reporting periods: a year (`2026`), a quarter (`2026-Q3`) or a month (`2026-09`). */
export type PeriodKind = 'YEAR' | 'QUARTER' | 'MONTH';

const PATTERNS: Record<PeriodKind, RegExp> = {
  YEAR: /^(\d{4})$/,
  QUARTER: /^(\d{4})-Q([1-4])$/,
  MONTH: /^(\d{4})-(0[1-9]|1[0-2])$/,
};
const PER_YEAR: Record<PeriodKind, number> = { YEAR: 1, QUARTER: 4, MONTH: 12 };

/** The years a period may fall in, as for dates: figures from outside them are typing mistakes. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;

/**
 * No figure can be older than this: the indicators measure the social services of today's law
 * (SoL 2001:453 came into force in 2002), so a period like 1700-Q1 is a typing error, not history.
 */
export const FIRST_PERIOD_YEAR = 2000;

/** The calendar year a period lies in. */
export function yearOf(period: string): number {
  return Number(period.slice(0, 4));
}

/** The periodicity a period is written in, or null when it is not a period (of a year from FIRST_YEAR to LAST_YEAR). */
export function periodicityOf(period: string): PeriodKind | null {
  for (const [periodicity, pattern] of Object.entries(PATTERNS) as [PeriodKind, RegExp][]) {
    const match = pattern.exec(period);
    if (match) return Number(match[1]) >= FIRST_YEAR && Number(match[1]) <= LAST_YEAR ? periodicity : null;
  }
  return null;
}

/** A period as a count of periods since year 0, so that periods can be compared and stepped. */
function ordinal(period: string, periodicity: PeriodKind): number {
  const match = PATTERNS[periodicity].exec(period);
  if (!match) throw new Error(`${period} is not a ${periodicity.toLowerCase()} period`);
  return Number(match[1]) * PER_YEAR[periodicity] + (match[2] ? Number(match[2]) - 1 : 0);
}

function fromOrdinal(n: number, periodicity: PeriodKind): string {
  const year = String(Math.floor(n / PER_YEAR[periodicity])).padStart(4, '0');
  const index = (n % PER_YEAR[periodicity]) + 1;
  if (periodicity === 'YEAR') return year;
  if (periodicity === 'QUARTER') return `${year}-Q${index}`;
  return `${year}-${String(index).padStart(2, '0')}`;
}

/** The `count` periods ending with `period`, oldest first. */
export function periodsEndingWith(period: string, count: number): string[] {
  const periodicity = periodicityOf(period);
  if (!periodicity) throw new Error(`${period} is not a period`);
  const end = ordinal(period, periodicity);
  return Array.from({ length: count }, (_, i) => fromOrdinal(end - count + 1 + i, periodicity));
}

/** Every period from `from` to `to`, both included (same periodicity), oldest first; at most `limit`. */
export function periodRange(from: string, to: string, limit = 240): string[] {
  const periodicity = periodicityOf(from);
  if (!periodicity || periodicityOf(to) !== periodicity) throw new Error(`${from} and ${to} are not periods of the same kind`);
  const start = ordinal(from, periodicity);
  const end = ordinal(to, periodicity);
  if (end < start) return [];
  const count = Math.min(end - start + 1, limit);
  return Array.from({ length: count }, (_, i) => fromOrdinal(start + i, periodicity));
}

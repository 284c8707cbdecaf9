import type { Periodicity } from '../gql/graphql';

const PER_YEAR: Record<Periodicity, number> = { YEAR: 1, QUARTER: 4, MONTH: 12 };

function label(ordinal: number, periodicity: Periodicity): string {
  const year = Math.floor(ordinal / PER_YEAR[periodicity]);
  const index = (ordinal % PER_YEAR[periodicity]) + 1;
  if (periodicity === 'YEAR') return String(year);
  if (periodicity === 'QUARTER') return `${year}-Q${index}`;
  return `${year}-${String(index).padStart(2, '0')}`;
}

/** The period of the given periodicity that contains `today`. */
export function currentPeriod(periodicity: Periodicity, today = new Date()): string {
  const month = today.getUTCMonth();
  const index = periodicity === 'YEAR' ? 0 : periodicity === 'QUARTER' ? Math.floor(month / 3) : month;
  return label(today.getUTCFullYear() * PER_YEAR[periodicity] + index, periodicity);
}

/** The period `back` periods before `period`. */
export function periodBefore(period: string, periodicity: Periodicity, back: number): string {
  const match = /^(\d{4})(?:-Q(\d)|-(\d{2}))?$/.exec(period);
  if (!match) return period;
  const index = Number(match[2] ?? match[3] ?? 1) - 1;
  return label(Number(match[1]) * PER_YEAR[periodicity] + index - back, periodicity);
}

/** How a period reads in Swedish: "2026 kv. 3", "september 2026", "2026". */
export function periodName(period: string): string {
  const quarter = /^(\d{4})-Q(\d)$/.exec(period);
  if (quarter) return `${quarter[1]} kvartal ${quarter[2]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month)
    return `${new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)).toLocaleDateString('sv-SE', { month: 'long', timeZone: 'UTC' })} ${month[1]}`;
  return period;
}

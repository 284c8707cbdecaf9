import { IndicatorKind, type Indicator } from '../indicators/indicator.types';

/**
 * Disclosure control for everything an area publishes about one period, as statistical offices do it
 * (Hundepool et al., Statistical Disclosure Control, 2012; Socialstyrelsen's rule of hiding counts
 * 1–4 and complements under 5): primary suppression of small counts, then secondary suppression chosen
 * so that no hidden count can be worked out from the published totals.
 *
 * The published figures of a period form tables with sums: each indicator's districts add up to the
 * city, and a breakdown's cells (decisions per intervention) add up to their district's figure and,
 * across districts, to the city's figure per category. A count is protected when, over all
 * non-negative whole numbers that agree with what is shown, it can take more than one value and can
 * reach 5: an attacker can neither pin it nor conclude "under 5".
 */

/** Counts under this are never shown, nor may a hidden count be known to be under it. */
export const MIN_SHOWN_COUNT = 5;

/** The district key of a city-wide cell. */
export const CITY = '';
/** The part key of an indicator's own figure (as opposed to a cell of its breakdown). */
export const WHOLE = '';

export type HiddenReason = 'SMALL_COUNT' | 'SECONDARY';

/** One published figure of a period and whether disclosure control hides it. */
export interface ProtectedCell {
  indicator: string;
  /** A district code, or CITY for the city total. */
  district: string;
  /** WHOLE for the indicator's figure, or a category code (an intervention) for a breakdown cell. */
  part: string;
  hidden: boolean;
  reason: HiddenReason | null;
}

/** A reported figure as disclosure control needs it. */
export interface FigureRow {
  indicator_code: string;
  district: string;
  numerator: number | null;
  denominator: number | null;
}

/** One cell of an indicator's breakdown by category in one district (counts add up to the district's figure). */
export interface BreakdownCell {
  district: string;
  part: string;
  numerator: number;
  denominator: number;
}

interface LineCell {
  key: string;
  /** The counts a small-number rule protects: cases with and without the outcome, or the cases of a median; null when unknown. */
  counts: number[] | null;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

const isSmall = (counts: number[]) => counts.some((count) => count < MIN_SHOWN_COUNT);
const sizeOf = (cell: LineCell) => (cell.counts ?? []).reduce((sum, count) => sum + count, 0);

/**
 * The counts of a figure that must not be small: for proportions and rates the cases with the outcome
 * and those without (10 of 12 discloses the 2 without; 0 of 60 discloses all 60), for medians and
 * means the number of cases (unknown when not reported: such a figure is always hidden).
 */
export function protectedCounts(indicator: Indicator, row: Pick<FigureRow, 'numerator' | 'denominator'>): number[] | null {
  if (indicator.kind === IndicatorKind.PROPORTION || indicator.kind === IndicatorKind.RATE) {
    if (row.numerator === null || row.denominator === null) return null;
    return [row.numerator, row.denominator - row.numerator];
  }
  return row.denominator === null ? null : [row.denominator];
}

/**
 * Protects one sum: cells that add up to a total. Small cells are hidden (primary); when hidden cells
 * are in the sum, at least two must be, and together they must hold at least 5 of every count, else
 * the next smallest shown cell is hidden as well (secondary). With `total: 'free'` the total itself is
 * hidden when it is small, or when no shown cell is left to hide.
 */
function protectSum(cells: LineCell[], total: 'free' | 'shown'): { hidden: Map<string, HiddenReason>; total: HiddenReason | null } {
  const hidden = new Map<string, HiddenReason>();
  for (const cell of cells) if (!cell.counts || isSmall(cell.counts)) hidden.set(cell.key, 'SMALL_COUNT');
  // Figures without counts are hidden but take no part in the sum.
  const members = cells.filter((cell): cell is LineCell & { counts: number[] } => cell.counts !== null);
  if (members.length === 0) return { hidden, total: null };
  const width = members[0].counts.length;
  const sums = (of: { counts: number[] }[]) => Array.from({ length: width }, (_, i) => of.reduce((sum, cell) => sum + cell.counts[i], 0));
  if (total === 'free' && isSmall(sums(members))) return { hidden, total: 'SMALL_COUNT' };
  const candidates = members.filter((cell) => !hidden.has(cell.key)).sort((a, b) => sizeOf(a) - sizeOf(b) || a.key.localeCompare(b.key));
  for (;;) {
    const inSum = members.filter((cell) => hidden.has(cell.key));
    if (inSum.length === 0 || (inSum.length >= 2 && !isSmall(sums(inSum)))) return { hidden, total: null };
    const next = candidates.shift();
    if (!next) return { hidden, total: 'SECONDARY' };
    hidden.set(next.key, 'SECONDARY');
  }
}

/**
 * Protects every published figure of one period of an area: each indicator's district figures and
 * city total, and each breakdown's cells and city-wide category totals.
 *
 * Breakdown rule: a district whose figure is hidden has its whole breakdown hidden; a shown district's
 * breakdown is protected as a sum adding up to its (shown) figure; a city-wide category total is shown
 * only when every district cell of the category is, so hidden cells meet no second sum that could pin
 * them.
 */
export function protectPeriod(
  indicators: readonly Indicator[],
  rows: readonly FigureRow[],
  breakdowns: ReadonlyMap<string, BreakdownCell[]> = new Map(),
): ProtectedCell[] {
  const result: ProtectedCell[] = [];
  const push = (indicator: string, district: string, part: string, reason: HiddenReason | null) =>
    result.push({ indicator, district, part, hidden: reason !== null, reason });
  const byIndicator = groupBy(rows, (row) => row.indicator_code);

  for (const indicator of indicators) {
    const own = byIndicator.get(indicator.code) ?? [];
    if (own.length === 0) continue;
    const line = protectSum(
      own.map((row) => ({ key: row.district, counts: protectedCounts(indicator, row) })),
      'free',
    );
    for (const row of own) push(indicator.code, row.district, WHOLE, line.hidden.get(row.district) ?? null);
    push(indicator.code, CITY, WHOLE, line.total);

    const cells = breakdowns.get(indicator.code);
    if (!cells || cells.length === 0) continue;
    const shownDistricts = new Set(own.filter((row) => !line.hidden.has(row.district)).map((row) => row.district));
    const hiddenCells = new Map<string, HiddenReason>();
    const cellKey = (cell: BreakdownCell) => `${cell.district}\u0000${cell.part}`;
    const countsOf = (cell: { numerator: number; denominator: number }) => [cell.numerator, cell.denominator - cell.numerator];
    for (const [district, own] of groupBy(cells, (cell) => cell.district)) {
      if (!shownDistricts.has(district)) {
        for (const cell of own) hiddenCells.set(cellKey(cell), isSmall(countsOf(cell)) ? 'SMALL_COUNT' : 'SECONDARY');
        continue;
      }
      const row = protectSum(
        own.map((cell) => ({ key: cellKey(cell), counts: countsOf(cell) })),
        'shown',
      );
      for (const [key, reason] of row.hidden) hiddenCells.set(key, reason);
    }
    for (const cell of cells) push(indicator.code, cell.district, cell.part, hiddenCells.get(cellKey(cell)) ?? null);
    for (const [part, column] of groupBy(cells, (cell) => cell.part)) {
      const counts = countsOf({
        numerator: column.reduce((s, c) => s + c.numerator, 0),
        denominator: column.reduce((s, c) => s + c.denominator, 0),
      });
      const reason = isSmall(counts)
        ? 'SMALL_COUNT'
        : column.some((cell) => hiddenCells.has(cellKey(cell))) || line.total
          ? 'SECONDARY'
          : null;
      push(indicator.code, CITY, part, reason);
    }
  }
  return result;
}

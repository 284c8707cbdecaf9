import { IndicatorKind, type Indicator } from '../indicators/indicator.types';

/**
 * Disclosure control for everything an area publishes about one period, as statistical offices do it
 * (Hundepool et al., Statistical Disclosure Control, 2012; Socialstyrelsen's rule of hiding counts
 * 1–4 and complements under 5): primary suppression of small counts, then secondary suppression chosen
 * so that no hidden count can be worked out from the published totals, not even by a district system
 * that also knows its own district's figures.
 *
 * The published figures of a period form tables with sums: each indicator's districts add up to the
 * city, and a breakdown's cells (decisions per intervention) add up to their district's figure and,
 * across districts, to the city's figure per category. A count is protected when, over all
 * non-negative whole numbers that agree with what is shown and with any one district's own figures,
 * its possible values span at least 5: no one can pin it, narrow it below a range of 5, or conclude
 * "under 5".
 *
 * The rule for a sum whose total is shown: when it holds hidden cells, it holds at least three, and
 * with any one of them taken out (the one a district system knows) the others still hold at least 5 of
 * every count between them. A breakdown's row belongs to one district, so two hidden cells with 5 of
 * every count between them protect it from everyone else.
 *
 * A period's protection only grows: a cell (or total) hidden in what the period has published stays
 * hidden when the period's figures change, so no one can report a figure, read, and report again to
 * see a neighbour's figure that the first pattern hid (`previous`). Only an admin's republication
 * starts a period's protection afresh.
 *
 * Protection also holds over time, against someone who keeps every state a period has published (the
 * differencing rule). A published total that was shown and is shown again differs by exactly what changed
 * among its members; when a member that is new (a late report) or whose figure changed (a correction) ends
 * hidden, that difference would tell its figure, or its change. So such a total is hidden from then on: the
 * city total of the indicator (both its counts, numerator and denominator of a ratio), and, for a breakdown
 * cell of a breakdown the period had published, its district's figure (the row's total), which as a changed hidden
 * member of the line hides the city total in turn. A city-wide category total is shown only when every cell of its category is (above), so it
 * needs no more. A change among shown members only, that leaves the hidden ones as they were, hides nothing
 * more: the difference is the shown change, and no new secondary cell is needed (the hidden cells and their
 * counts are those that were protected before). To compare, each cell stores the figure it was published with
 * (`figure` in `ProtectedCell`, `previous`).
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
  /**
   * The figure the cell was protected with (`figureKey`): what the period published of it, kept so that a later change
   * can be told from it; null for a city total.
   */
  figure: string | null;
}

/** The cell of a period's protection as published before: `figure` null or absent when not known (stored before figures were). */
export type PublishedCell = Pick<ProtectedCell, 'indicator' | 'district' | 'part' | 'hidden'> & { figure?: string | null };

/** What of a figure its cell's protection depends on: its counts (a change of these changes the sums it is part of). */
export const figureKey = (figure: { numerator: number | null; denominator: number | null }): string =>
  `${figure.numerator ?? ''}/${figure.denominator ?? ''}`;

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

/** How many hidden cells a sum with hidden cells holds at least, and whether one of them may be known to the attacker. */
export type SumRule = { insider: boolean };

/**
 * Whether the hidden cells of a sum protect each other: none, or at least two (three when one of them may be
 * known to a district system, `insider`) with at least 5 of every count between those left when any one is taken
 * out. Cells hidden without counts take no part in the sum.
 */
export function sumProtected(hidden: readonly { counts: number[] }[], rule: SumRule): boolean {
  if (hidden.length === 0) return true;
  if (hidden.length < (rule.insider ? 3 : 2)) return false;
  const width = hidden[0].counts.length;
  for (let i = 0; i < width; i++) {
    const total = hidden.reduce((sum, cell) => sum + cell.counts[i], 0);
    const largest = rule.insider ? Math.max(...hidden.map((cell) => cell.counts[i])) : 0;
    if (total - largest < MIN_SHOWN_COUNT) return false;
  }
  return true;
}

/**
 * Protects one sum: cells that add up to a total. Small cells and cells hidden before (`sticky`) are hidden
 * (primary); then the smallest shown cells are hidden as well (secondary) until `sumProtected` holds. With
 * `total: 'free'` the total itself is hidden when it is small, was hidden before (`totalSticky`), or when no
 * shown cell is left to hide; a hidden total leaves nothing to subtract from.
 */
function protectSum(
  cells: LineCell[],
  total: 'free' | 'shown',
  rule: SumRule,
  sticky: ReadonlySet<string> = new Set(),
  totalSticky = false,
): { hidden: Map<string, HiddenReason>; total: HiddenReason | null } {
  const hidden = new Map<string, HiddenReason>();
  for (const cell of cells) {
    if (!cell.counts || isSmall(cell.counts)) hidden.set(cell.key, 'SMALL_COUNT');
    else if (sticky.has(cell.key)) hidden.set(cell.key, 'SECONDARY');
  }
  // Figures without counts are hidden but take no part in the sum.
  const members = cells.filter((cell): cell is LineCell & { counts: number[] } => cell.counts !== null);
  if (members.length === 0) return { hidden, total: totalSticky ? 'SECONDARY' : null };
  const width = members[0].counts.length;
  const sums = (of: { counts: number[] }[]) => Array.from({ length: width }, (_, i) => of.reduce((sum, cell) => sum + cell.counts[i], 0));
  if (total === 'free' && isSmall(sums(members))) return { hidden, total: 'SMALL_COUNT' };
  if (total === 'free' && totalSticky) return { hidden, total: 'SECONDARY' };
  const primary = new Map(hidden);
  const candidates = members.filter((cell) => !hidden.has(cell.key)).sort((a, b) => sizeOf(a) - sizeOf(b) || a.key.localeCompare(b.key));
  for (;;) {
    if (
      sumProtected(
        members.filter((cell) => hidden.has(cell.key)),
        rule,
      )
    )
      return { hidden, total: null };
    const next = candidates.shift();
    // Nothing left to hide: the total is hidden instead, and with nothing to subtract from, the shown cells give nothing away.
    if (!next) return { hidden: total === 'free' ? primary : hidden, total: 'SECONDARY' };
    hidden.set(next.key, 'SECONDARY');
  }
}

/**
 * Protects every published figure of one period of an area: each indicator's district figures and
 * city total, and each breakdown's cells and city-wide category totals.
 *
 * Line rule: an indicator's district figures are a sum adding up to the city total, protected against a
 * district system (`SumRule.insider`). Breakdown rule: a district whose figure is hidden has its whole
 * breakdown hidden; a shown district's breakdown is protected as a sum adding up to its (shown) figure,
 * its cells all its own; a city-wide category total is shown only when every district cell of the
 * category is, so hidden cells meet no second sum that could pin them.
 *
 * `previous` is the period's protection as published so far: whatever it hides stays hidden.
 */
export function protectPeriod(
  indicators: readonly Indicator[],
  rows: readonly FigureRow[],
  breakdowns: ReadonlyMap<string, BreakdownCell[]> = new Map(),
  previous: readonly PublishedCell[] = [],
): ProtectedCell[] {
  const keyOf = (indicator: string, district: string, part: string) => `${indicator}\u0000${district}\u0000${part}`;
  const before = new Map(previous.map((cell) => [keyOf(cell.indicator, cell.district, cell.part), cell]));
  // The (indicator, district) rows of a breakdown the period has published.
  const rowsBefore = new Set(previous.filter((cell) => cell.part !== WHOLE).map((cell) => `${cell.indicator}\u0000${cell.district}`));
  const wasHidden = (indicator: string, district: string, part: string) => before.get(keyOf(indicator, district, part))?.hidden === true;
  const wasShown = (indicator: string, district: string, part: string) => before.get(keyOf(indicator, district, part))?.hidden === false;
  /** Whether a figure is new to what the period published, or published with other counts (unknown counts: taken as unchanged). */
  const changed = (indicator: string, district: string, part: string, figure: string) => {
    const cell = before.get(keyOf(indicator, district, part));
    return !cell || (cell.figure != null && cell.figure !== figure);
  };
  const result: ProtectedCell[] = [];
  const push = (indicator: string, district: string, part: string, reason: HiddenReason | null, figure: string | null) =>
    result.push({ indicator, district, part, hidden: reason !== null, reason, figure });
  const byIndicator = groupBy(rows, (row) => row.indicator_code);
  const cellKey = (cell: BreakdownCell) => `${cell.district}\u0000${cell.part}`;
  const countsOf = (cell: { numerator: number; denominator: number }) => [cell.numerator, cell.denominator - cell.numerator];
  /** A shown district's breakdown: a sum adding up to its figure, its cells all its own. */
  const protectRow = (indicator: string, own: BreakdownCell[]) =>
    protectSum(
      own.map((cell) => ({ key: cellKey(cell), counts: countsOf(cell) })),
      'shown',
      { insider: false },
      new Set(own.filter((cell) => wasHidden(indicator, cell.district, cell.part)).map(cellKey)),
    );

  for (const indicator of indicators) {
    const own = byIndicator.get(indicator.code) ?? [];
    if (own.length === 0) continue;
    const cells = breakdowns.get(indicator.code) ?? [];
    const rowsByDistrict = groupBy(cells, (cell) => cell.district);
    // Differencing over time, breakdowns: a district whose shown figure and breakdown the period published, and whose
    // breakdown has a new or changed cell that ends hidden, is hidden from now on (the change of its figure would be that
    // cell's). A breakdown published for the first time beside its figure is a sum like any other: nothing to subtract.
    const rowChanged = new Set(
      [...rowsByDistrict]
        .filter(([district, row]) => {
          if (!wasShown(indicator.code, district, WHOLE) || !rowsBefore.has(`${indicator.code}\u0000${district}`)) return false;
          const hidden = protectRow(indicator.code, row).hidden;
          return row.some((cell) => hidden.has(cellKey(cell)) && changed(indicator.code, district, cell.part, figureKey(cell)));
        })
        .map(([district]) => district),
    );
    const members = own.map((row) => ({ key: row.district, counts: protectedCounts(indicator, row) }));
    const sticky = new Set(
      own.filter((row) => wasHidden(indicator.code, row.district, WHOLE) || rowChanged.has(row.district)).map((row) => row.district),
    );
    let line = protectSum(members, 'free', { insider: true }, sticky, wasHidden(indicator.code, CITY, WHOLE));
    // Differencing over time, the line: a city total the period published stays hidden from the report on that adds or
    // changes a figure that ends hidden (the new total minus the old would be that figure, or its change).
    if (
      !line.total &&
      wasShown(indicator.code, CITY, WHOLE) &&
      own.some(
        (row) =>
          line.hidden.has(row.district) && (rowChanged.has(row.district) || changed(indicator.code, row.district, WHOLE, figureKey(row))),
      )
    )
      line = protectSum(members, 'free', { insider: true }, sticky, true);
    for (const row of own) push(indicator.code, row.district, WHOLE, line.hidden.get(row.district) ?? null, figureKey(row));
    push(indicator.code, CITY, WHOLE, line.total, null);

    if (cells.length === 0) continue;
    const shownDistricts = new Set(own.filter((row) => !line.hidden.has(row.district)).map((row) => row.district));
    const hiddenCells = new Map<string, HiddenReason>();
    for (const [district, own] of rowsByDistrict) {
      if (!shownDistricts.has(district)) {
        for (const cell of own) hiddenCells.set(cellKey(cell), isSmall(countsOf(cell)) ? 'SMALL_COUNT' : 'SECONDARY');
        continue;
      }
      for (const [key, reason] of protectRow(indicator.code, own).hidden) hiddenCells.set(key, reason);
    }
    for (const cell of cells) push(indicator.code, cell.district, cell.part, hiddenCells.get(cellKey(cell)) ?? null, figureKey(cell));
    for (const [part, column] of groupBy(cells, (cell) => cell.part)) {
      const counts = countsOf({
        numerator: column.reduce((s, c) => s + c.numerator, 0),
        denominator: column.reduce((s, c) => s + c.denominator, 0),
      });
      const reason = isSmall(counts)
        ? 'SMALL_COUNT'
        : column.some((cell) => hiddenCells.has(cellKey(cell))) || line.total || wasHidden(indicator.code, CITY, part)
          ? 'SECONDARY'
          : null;
      push(indicator.code, CITY, part, reason, null);
    }
  }
  return result;
}

import {
  CITY,
  Direction,
  IndicatorKind,
  PeriodProtection,
  protectPeriod,
  sumProtected,
  WHOLE,
  type BreakdownCell,
  type FigureRow,
  type Indicator,
  type ProtectedCell,
} from '@samsyn/equality';

const indicator = (code = 'X', kind = IndicatorKind.PROPORTION): Indicator =>
  ({
    code,
    area: 'CHILD_SERVICES',
    name: code,
    description: '',
    kind,
    unit: 'andel',
    direction: Direction.HIGHER_IS_BETTER,
    periodicity: 'QUARTER',
    ratePer: null,
  }) as unknown as Indicator;

const row = (district: string, numerator: number, denominator: number, code = 'X'): FigureRow => ({
  indicator_code: code,
  district,
  numerator,
  denominator,
});

const hiddenOf = (cells: ProtectedCell[], part = WHOLE) =>
  cells
    .filter((cell) => cell.hidden && cell.part === part && cell.district !== CITY)
    .map((cell) => cell.district)
    .sort();
const cityOf = (cells: ProtectedCell[], code = 'X') =>
  cells.find((cell) => cell.indicator === code && cell.district === CITY && cell.part === WHOLE);

/** A small deterministic generator (mulberry32), so that the random lines are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The rule checked from its definition: with the city total shown, for any district taken out (its system knows its own
 * figure) or none, every other hidden figure shares the sum with at least one more, and those left hold at least 5 with
 * and 5 without the outcome: each can lie anywhere in a range of at least 5.
 */
function insiderSafe(rows: FigureRow[], cells: ProtectedCell[]): boolean {
  if (cityOf(cells)?.hidden) return true;
  const hidden = rows.filter((r) => hiddenOf(cells).includes(r.district));
  for (const insider of [null, ...rows.map((r) => r.district)]) {
    const left = hidden.filter((r) => r.district !== insider);
    if (left.length === 0) continue;
    const withOutcome = left.reduce((s, r) => s + (r.numerator as number), 0);
    const without = left.reduce((s, r) => s + (r.denominator as number) - (r.numerator as number), 0);
    if (left.length < 2 || withOutcome < 5 || without < 5) return false;
  }
  return true;
}

describe('the rule for a sum with hidden cells', () => {
  it('asks for three hidden cells that hold 5 of every count between them with any one taken out, when one may be known', () => {
    const cells = (...counts: [number, number][]) => counts.map((c) => ({ counts: c }));
    expect(sumProtected([], { insider: true })).toBe(true);
    expect(sumProtected(cells([2, 38], [28, 12]), { insider: false })).toBe(true);
    // The case the API gave away: lundby knows its own 28/40 and subtracts it.
    expect(sumProtected(cells([2, 38], [28, 12]), { insider: true })).toBe(false);
    expect(sumProtected(cells([2, 38], [28, 12], [30, 20]), { insider: true })).toBe(true);
    // Three, but without the largest only 2 + 1 with the outcome are left.
    expect(sumProtected(cells([2, 38], [1, 40], [30, 20]), { insider: true })).toBe(false);
  });

  it('holds on every line of 2 to 12 districts with random figures: no district learns a hidden neighbour below a range of 5', () => {
    const next = random(27);
    let lines = 0;
    let hiddenLines = 0;
    for (let i = 0; i < 2000; i++) {
      const districts = 2 + Math.floor(next() * 11);
      const rows = Array.from({ length: districts }, (_, d) => {
        const denominator = Math.floor(next() * (next() < 0.3 ? 12 : 80));
        const numerator = Math.floor(next() * (denominator + 1));
        return row(`d${d}`, numerator, denominator);
      });
      const cells = protectPeriod([indicator()], rows);
      lines += 1;
      if (hiddenOf(cells).length > 0) hiddenLines += 1;
      // Every small count is hidden, and what is hidden is protected.
      for (const r of rows) {
        const small = (r.numerator as number) < 5 || (r.denominator as number) - (r.numerator as number) < 5;
        if (small) expect(hiddenOf(cells)).toContain(r.district);
      }
      if (!insiderSafe(rows, cells)) throw new Error(`not protected: ${JSON.stringify(rows)} → ${JSON.stringify(cells)}`);
    }
    expect(lines).toBe(2000);
    expect(hiddenLines).toBeGreaterThan(1000);
  });

  it('hides a third figure where two hidden ones would give each other away to either district', () => {
    // CS-INV4M 2026-Q3 as the demo data had it: västra-hisingen small, lundby hidden with it; lundby's system got 53/55.
    const rows = [
      row('angered', 44, 61),
      row('lundby', 28, 40),
      row('vastra-hisingen', 2, 57),
      row('centrum', 50, 70),
      row('majorna', 60, 80),
    ];
    const cells = protectPeriod([indicator()], rows);
    expect(hiddenOf(cells)).toEqual(['angered', 'lundby', 'vastra-hisingen']);
    expect(cityOf(cells)?.hidden).toBe(false);
    expect(insiderSafe(rows, cells)).toBe(true);
  });

  it('hides the city total instead when a line has too few districts to hide three, and then shows the others', () => {
    const cells = protectPeriod([indicator()], [row('angered', 30, 50), row('lundby', 2, 60)]);
    expect(hiddenOf(cells)).toEqual(['lundby']);
    expect(cityOf(cells)?.hidden).toBe(true);
  });
});

describe('a period that has published', () => {
  const rows = [row('a', 40, 50), row('b', 30, 50), row('c', 35, 60), row('d', 90, 100), row('e', 45, 70)];

  it('keeps hidden what it hid, though the figures no longer ask for it', () => {
    const first = protectPeriod([indicator()], [...rows.slice(0, 4), row('e', 3, 70)]);
    expect(hiddenOf(first)).toEqual(['a', 'b', 'e']);
    // e reports its true figure again: nothing shown before is shown now, so the two patterns tell nothing together.
    const again = protectPeriod([indicator()], rows, new Map(), first);
    expect(hiddenOf(again)).toEqual(['a', 'b', 'e']);
    // Without what the period published, the same figures would show everything.
    expect(hiddenOf(protectPeriod([indicator()], rows))).toEqual([]);
  });

  it('keeps a hidden city total hidden, and hidden breakdown cells and category totals', () => {
    const hiddenCity = protectPeriod([indicator()], rows, new Map(), [{ indicator: 'X', district: CITY, part: WHOLE, hidden: true }]);
    expect(cityOf(hiddenCity)?.hidden).toBe(true);
    const breakdown = new Map<string, BreakdownCell[]>([
      [
        'X',
        [
          { district: 'a', part: 'P', numerator: 20, denominator: 25 },
          { district: 'a', part: 'Q', numerator: 20, denominator: 25 },
          { district: 'b', part: 'P', numerator: 30, denominator: 50 },
        ],
      ],
    ]);
    const fresh = protectPeriod([indicator()], rows, breakdown);
    expect(fresh.filter((cell) => cell.part !== WHOLE && cell.hidden)).toEqual([]);
    const kept = protectPeriod([indicator()], rows, breakdown, [{ indicator: 'X', district: 'a', part: 'Q', hidden: true }]);
    // a's Q stays hidden, P is hidden with it (a cell alone in its row's hidden ones is its row total minus the rest), and their category totals.
    expect(
      kept
        .filter((cell) => cell.part !== WHOLE && cell.hidden)
        .map((cell) => `${cell.district || 'city'} ${cell.part}`)
        .sort(),
    ).toEqual(['a P', 'a Q', 'city P', 'city Q']);
  });
});

describe('a period published in stages (differencing over time)', () => {
  const early = [row('a', 40, 50), row('b', 30, 50), row('c', 35, 60), row('d', 90, 100), row('e', 45, 70)];

  it('hides the city total it showed once a late figure ends hidden: the new total minus the old would be that figure', () => {
    const first = protectPeriod([indicator()], early);
    expect(cityOf(first)?.hidden).toBe(false);
    const late = protectPeriod([indicator()], [...early, row('f', 2, 45)], new Map(), first);
    expect(cityOf(late)?.hidden).toBe(true);
    // With the total hidden there is nothing to subtract from: the small figure alone is hidden, the others stay shown.
    expect(hiddenOf(late)).toEqual(['f']);
    // Published at once, the same figures show the city total with three hidden.
    const atOnce = protectPeriod([indicator()], [...early, row('f', 2, 45)]);
    expect(cityOf(atOnce)?.hidden).toBe(false);
    expect(hiddenOf(atOnce)).toHaveLength(3);
    // It stays hidden when the period changes again, until the period is protected afresh (an admin's republication).
    expect(cityOf(protectPeriod([indicator()], [...early, row('f', 3, 45)], new Map(), late))?.hidden).toBe(true);
  });

  it('hides the city total when a hidden figure is corrected, and not when only shown figures change', () => {
    const first = protectPeriod([indicator()], [...early, row('f', 2, 45)]);
    expect(cityOf(first)?.hidden).toBe(false);
    expect(hiddenOf(first)).toEqual(['a', 'b', 'f']);
    // d (shown) is corrected: the total's change is d's, which is shown anyway.
    const correctedShown = protectPeriod(
      [indicator()],
      [...early.slice(0, 3), row('d', 91, 100), early[4], row('f', 2, 45)],
      new Map(),
      first,
    );
    expect(cityOf(correctedShown)?.hidden).toBe(false);
    expect(hiddenOf(correctedShown)).toEqual(hiddenOf(first));
    const correctedHidden = protectPeriod([indicator()], [...early, row('f', 4, 45)], new Map(), first);
    expect(cityOf(correctedHidden)?.hidden).toBe(true);
    // A correction that makes a shown figure small: it would be its old (published) figure plus the change of the total.
    const madeSmall = protectPeriod([indicator()], [...early.slice(0, 4), row('e', 2, 70), row('f', 2, 45)], new Map(), first);
    expect(cityOf(madeSmall)?.hidden).toBe(true);
  });

  it("hides a district's figure once a changed cell of its breakdown ends hidden: its figure's change would be that cell's", () => {
    const cells = (p: number): Map<string, BreakdownCell[]> =>
      new Map([
        [
          'X',
          [
            { district: 'a', part: 'P', numerator: 20, denominator: 25 },
            { district: 'a', part: 'Q', numerator: 20, denominator: 25 },
            { district: 'a', part: 'R', numerator: p, denominator: p === 0 ? 10 : p + 10 },
          ],
        ],
      ]);
    const lines = (p: number) => [row('a', 40 + p, 50 + (p === 0 ? 10 : p + 10)), ...early.slice(1)];
    const first = protectPeriod([indicator()], lines(10), cells(10));
    expect(first.filter((cell) => cell.hidden)).toEqual([]);
    const corrected = protectPeriod([indicator()], lines(2), cells(2), first);
    expect(corrected.find((cell) => cell.district === 'a' && cell.part === WHOLE)?.hidden).toBe(true);
    expect(cityOf(corrected)?.hidden).toBe(true);
    // A breakdown published for the first time beside a figure shown before has no earlier state to subtract: a sum like any other.
    const figuresOnly = protectPeriod([indicator()], lines(2));
    const withBreakdown = protectPeriod([indicator()], lines(2), cells(2), figuresOnly);
    expect(withBreakdown.find((cell) => cell.district === 'a' && cell.part === WHOLE)?.hidden).toBe(false);
    expect(withBreakdown.filter((cell) => cell.district === 'a' && cell.part !== WHOLE && cell.hidden).length).toBeGreaterThanOrEqual(2);
  });
});

describe('what a hidden figure publishes', () => {
  it('is the same reason for a small count and for a figure hidden to protect it', () => {
    const cells = protectPeriod([indicator()], [row('a', 40, 50), row('b', 30, 50), row('c', 3, 10), row('d', 90, 100), row('e', 60, 80)]);
    expect(new Set(cells.filter((cell) => cell.hidden).map((cell) => cell.reason))).toEqual(new Set(['SMALL_COUNT', 'SECONDARY']));
    const published = new PeriodProtection(cells);
    expect(['a', 'b', 'c'].map((district) => published.cell('X', district))).toEqual([
      { hidden: true, reason: 'PROTECTED' },
      { hidden: true, reason: 'PROTECTED' },
      { hidden: true, reason: 'PROTECTED' },
    ]);
    expect(published.cell('X', 'd')).toEqual({ hidden: false, reason: null });
  });
});

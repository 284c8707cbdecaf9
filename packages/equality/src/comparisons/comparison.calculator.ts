import { CITY } from '../disclosure/disclosure.rules';
import type { PeriodProtection } from '../disclosure/protection.reader';
import { Direction, type Indicator, IndicatorKind } from '../indicators/indicator.types';
import type { ObservationRow } from '../observations/observation.row';
import { jStat } from 'jstat';
import {
  Comparison,
  type ComparisonEntry,
  FunnelPosition,
  LimitBasis,
  Multiplicity,
  Overdispersion,
  type SuppressionReason,
  Trend,
} from './comparison.types';
import {
  CountDistribution,
  dispersion,
  exactFunnel,
  normalFunnel,
  position,
  spreadBand,
  TAIL_95,
  TAIL_998,
  type Dispersion,
  type Limits,
  type Standing,
} from './funnel';
import { trendOf, type TrendAllowance, type TrendKind, type TrendPoint } from './trend';

const isCounted = (indicator: Indicator) => indicator.kind === IndicatorKind.PROPORTION || indicator.kind === IndicatorKind.RATE;
const rateBase = (indicator: Indicator) => (indicator.kind === IndicatorKind.RATE ? (indicator.ratePer ?? 1) : 1);

function scale(limits: Limits, factor: number): Limits {
  return {
    lower95: limits.lower95 * factor,
    upper95: limits.upper95 * factor,
    lower998: limits.lower998 * factor,
    upper998: limits.upper998 * factor,
  };
}

function weightedMean(points: { value: number; weight: number }[]): number | null {
  const total = points.reduce((sum, p) => sum + p.weight, 0);
  return total > 0 ? points.reduce((sum, p) => sum + p.value * p.weight, 0) / total : null;
}

/** The case-weighted median of district values: the city's median, as near as district medians allow. */
export function weightedMedian(points: { value: number; weight: number }[]): number | null {
  const sorted = points.filter((p) => p.weight > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, p) => sum + p.weight, 0);
  if (total === 0) return null;
  let cumulative = 0;
  for (let i = 0; i < sorted.length; i++) {
    cumulative += sorted[i].weight;
    if (cumulative > total / 2) return sorted[i].value;
    if (cumulative === total / 2) return (sorted[i].value + sorted[i + 1].value) / 2;
  }
  return sorted[sorted.length - 1].value;
}

/** How two districts' counts are compared for rank intervals: the per-case variance at a pooled rate, widened as the limits are. */
interface PairTest {
  kind: IndicatorKind;
  phi: number | null;
  tau2: number | null;
}

/** The level of each rank interval: it holds the true rank with at least this probability. */
export const RANK_LEVEL = 0.95;

/**
 * Competition ranking (1, 1, 3) of shown values, best first by the indicator's direction, with a 95 % interval for each rank.
 * District i's interval is [1 + the districts significantly better than i, k − the districts significantly worse], each of its
 * k − 1 pairs tested two-sided (two-proportion or two-rate z-test at the pair's pooled rate, variance × φ or + τ² each when the
 * limits are widened) at 5 % / (k − 1): if all its tests are right, which is so with probability at least 95 % (Bonferroni),
 * its true rank lies in the interval. It always holds the published rank. Medians and means get no rank: without a chance model
 * there is nothing to give a rank's uncertainty by.
 */
function rank(entries: ComparisonEntry[], direction: Direction, test: PairTest): void {
  if (direction === Direction.NEITHER || (test.kind !== IndicatorKind.PROPORTION && test.kind !== IndicatorKind.RATE)) return;
  const shown = entries.filter((entry) => entry.value !== null && entry.denominator);
  const better = (a: number, b: number) => (direction === Direction.HIGHER_IS_BETTER ? b - a : a - b);
  shown.sort((a, b) => better(a.value as number, b.value as number));
  shown.forEach((entry, i) => {
    entry.rank = i > 0 && shown[i - 1].value === entry.value ? shown[i - 1].rank : i + 1;
  });
  const k = shown.length;
  const z = k > 1 ? jStat.normal.inv(1 - (1 - RANK_LEVEL) / 2 / (k - 1), 0, 1) : Number.POSITIVE_INFINITY;
  const y = shown.map((entry) => entry.numerator as number);
  const n = shown.map((entry) => entry.denominator as number);
  const rate = shown.map((_, i) => y[i] / n[i]);
  const z2 = z * z;
  const phi = test.phi ?? 1;
  const tau2 = test.tau2 ?? 0;
  const rates = test.kind === IndicatorKind.RATE;
  const surelyBetter = new Array<number>(k).fill(0);
  const surelyWorse = new Array<number>(k).fill(0);
  // Each pair once (a thousand districts make half a million pairs): squared z against z², no square roots.
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const pooled = (y[i] + y[j]) / (n[i] + n[j]);
      const perCase = rates ? pooled : pooled * (1 - pooled);
      const variance = perCase * (1 / n[i] + 1 / n[j]) * phi + 2 * tau2;
      const difference = rate[i] - rate[j];
      if (!(variance > 0) || difference * difference <= z2 * variance) continue;
      // shown is sorted best first, so j (after i) is the worse of the two unless they tie, and ties never differ.
      surelyWorse[i]++;
      surelyBetter[j]++;
    }
  }
  shown.forEach((entry, i) => {
    entry.rankLower = 1 + surelyBetter[i];
    entry.rankUpper = k - surelyWorse[i];
  });
}

/** The limits at any size and the standing of a figure, by one comparison's method. */
export interface FunnelModel {
  /** The limits, in the indicator's unit, for a district of `n` cases (the same at every n for medians and means). */
  limitsAt(n: number): Limits;
  /** Where a district's figure lies, and how surprising that is. */
  standingOf(row: ObservationRow): { limits: Limits; standing: Standing };
}

/** The variance per case of a count around the city's proportion or rate. */
const countVariance = (indicator: Indicator, rate: number) => (indicator.kind === IndicatorKind.RATE ? rate : rate * (1 - rate));

/**
 * Proportions and rates: exact binomial or Poisson limits, interpolated (Spiegelhalter 2005, A.1.1), or, when widened
 * for overdispersion, normal limits with the variance times φ (multiplicative) or plus τ² (additive).
 */
function countModel(indicator: Indicator, rate: number, phi: number | null, tau2: number | null): FunnelModel {
  const base = rateBase(indicator);
  const variance = countVariance(indicator, rate);
  const widened = phi !== null || tau2 !== null;
  // Districts of the same size share a distribution; built once per size.
  const distributions = new Map<number, CountDistribution>();
  const judge = (n: number, count?: number) => {
    if (widened) {
      const sd = Math.sqrt(phi !== null ? (phi * variance) / n : variance / n + (tau2 as number));
      const funnel = normalFunnel(rate, sd, count === undefined ? undefined : count / n);
      return { limits: scale(clampLimits(funnel.limits, indicator), base), standing: funnel.standing };
    }
    let distribution = distributions.get(n);
    if (!distribution) {
      distribution = indicator.kind === IndicatorKind.RATE ? CountDistribution.poisson(rate * n) : CountDistribution.binomial(n, rate);
      distributions.set(n, distribution);
    }
    const funnel = exactFunnel(distribution, n, count);
    return { limits: scale(funnel.limits, base), standing: funnel.standing };
  };
  return {
    limitsAt: (n) => judge(n).limits,
    standingOf: (row) => {
      const { limits, standing } = judge(row.denominator as number, row.numerator as number);
      return { limits, standing: standing as Standing };
    },
  };
}

/** Medians and means: the spread band of the shown district values, the same for every district; positions with no p-value. */
function valueModel(cityValue: number, shownValues: number[]): FunnelModel {
  const limits = spreadBand(cityValue, shownValues);
  return {
    limitsAt: () => limits,
    standingOf: (row) => ({ limits, standing: { position: position(row.value as number, limits), pValue: null } }),
  };
}

/**
 * The model a comparison judged its districts by, rebuilt from what it publishes: the city's counts, the overdispersion
 * asked for and estimated, and the shown districts' values. Null when the comparison has no limits (city hidden).
 */
export function funnelModelOf(comparison: Comparison): FunnelModel | null {
  const { indicator } = comparison;
  if (isCounted(indicator)) {
    if (comparison.cityNumerator === null || !comparison.cityDenominator) return null;
    const widenedBy = (method: Overdispersion, estimate: number | null) =>
      comparison.limitsWidened && comparison.overdispersion === method ? estimate : null;
    return countModel(
      indicator,
      comparison.cityNumerator / comparison.cityDenominator,
      widenedBy(Overdispersion.MULTIPLICATIVE, comparison.dispersionFactor),
      widenedBy(Overdispersion.ADDITIVE, comparison.betweenDistrictVariance),
    );
  }
  if (comparison.cityValue === null) return null;
  const shown = comparison.entries.filter((entry) => !entry.suppressed && entry.value !== null).map((entry) => entry.value as number);
  return valueModel(comparison.cityValue, shown);
}

/**
 * The limits at `points` sizes from `from` to `to` cases, spaced evenly on a square-root scale (a funnel narrows
 * fastest at small sizes): what a funnel plot draws as curves, by exactly the method its points were judged by.
 */
export function limitCurve(model: FunnelModel, from: number, to: number, points: number): ({ cases: number } & Limits)[] {
  const a = Math.sqrt(from);
  const b = Math.sqrt(to);
  const sizes = new Set(Array.from({ length: points }, (_, i) => Math.round((a + ((b - a) * i) / (points - 1)) ** 2)));
  return [...sizes].map((cases) => ({ cases, ...model.limitsAt(cases) }));
}

export interface CompareOptions {
  overdispersion?: Overdispersion;
}

/**
 * Compares districts on one indicator and period: city value, each district's value, funnel position
 * and tail probability, rank and difference, hidden where the period's stored disclosure protection
 * says. Everything computed from districts (the dispersion factor, the median's centre and spread)
 * uses shown districts only, so it tells nothing about hidden ones. Trends are left UNKNOWN; see
 * `withTrends`.
 */
export function compare(
  indicator: Indicator,
  period: string,
  rows: ObservationRow[],
  protection: PeriodProtection,
  options: CompareOptions = {},
): Comparison {
  const method = options.overdispersion ?? Overdispersion.NONE;
  const counted = isCounted(indicator);
  const base = rateBase(indicator);
  const city = protection.cell(indicator.code, CITY);
  const reasons = new Map(rows.map((row) => [row.district, protection.cell(indicator.code, row.district).reason] as const));
  const shownRows = rows.filter((row) => reasons.get(row.district) === null);

  const cityNumerator = counted && !city.hidden ? rows.reduce((sum, row) => sum + (row.numerator ?? 0), 0) : null;
  const cityDenominator =
    !city.hidden && rows.some((row) => row.denominator !== null) ? rows.reduce((sum, row) => sum + (row.denominator ?? 0), 0) : null;
  // Per case (per person for rates): the centre of the funnel.
  const cityRate = counted && cityDenominator ? (cityNumerator as number) / cityDenominator : null;
  let cityValue: number | null = null;
  if (counted) cityValue = cityRate === null ? null : cityRate * base;
  else if (shownRows.length > 0) {
    const weighted = shownRows.map((row) => ({ value: row.value as number, weight: row.denominator ?? 0 }));
    cityValue = indicator.kind === IndicatorKind.MEDIAN ? weightedMedian(weighted) : weightedMean(weighted);
  }

  let spread: Dispersion | null = null;
  let widened = false;
  let model: FunnelModel | null = null;
  if (counted && cityRate !== null) {
    spread = dispersion(
      cityRate,
      countVariance(indicator, cityRate),
      shownRows.map((row) => ({ count: row.numerator as number, n: row.denominator as number })),
    );
    // Widened only when the districts differ significantly more than chance explains.
    const phi = spread?.significant && method === Overdispersion.MULTIPLICATIVE && spread.phi > 1 ? spread.phi : null;
    const tau2 = spread?.significant && method === Overdispersion.ADDITIVE && spread.tau2 > 0 ? spread.tau2 : null;
    widened = phi !== null || tau2 !== null;
    model = countModel(indicator, cityRate, phi, tau2);
  } else if (cityValue !== null) {
    model = valueModel(
      cityValue,
      shownRows.map((row) => row.value as number),
    );
  }

  const entries = rows.map((row): ComparisonEntry => {
    const reason = reasons.get(row.district) ?? null;
    const value =
      reason || (counted && !row.denominator)
        ? null
        : counted
          ? ((row.numerator as number) / (row.denominator as number)) * base
          : row.value;
    const judged = value === null || model === null ? null : model.standingOf(row);
    // Plain objects: type-graphql reads fields, and a comparison of a thousand districts makes many of them.
    return {
      district: { code: row.district },
      suppressed: reason !== null,
      suppressionReason: reason as SuppressionReason | null,
      value: judged ? value : null,
      numerator: judged ? row.numerator : null,
      denominator: judged ? row.denominator : null,
      position: judged ? (judged.standing.position as FunnelPosition) : null,
      pValue: judged ? judged.standing.pValue : null,
      qValue: null,
      adjustedPosition: null,
      rank: null,
      rankLower: null,
      rankUpper: null,
      difference: judged ? (value as number) - (cityValue as number) : null,
      lower95: judged?.limits.lower95 ?? null,
      upper95: judged?.limits.upper95 ?? null,
      lower998: judged?.limits.lower998 ?? null,
      upper998: judged?.limits.upper998 ?? null,
      trend: Trend.UNKNOWN,
      improving: null,
      trendSlope: null,
      trendPValue: null,
    };
  });
  rank(entries, indicator.direction, {
    kind: indicator.kind,
    phi: widened && method === Overdispersion.MULTIPLICATIVE ? (spread?.phi ?? null) : null,
    tau2: widened && method === Overdispersion.ADDITIVE ? (spread?.tau2 ?? null) : null,
  });
  entries.sort(
    (a, b) =>
      Number(a.suppressed) - Number(b.suppressed) ||
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      (b.value ?? 0) - (a.value ?? 0) ||
      a.district.code.localeCompare(b.district.code),
  );
  return Object.assign(new Comparison(), {
    indicator,
    period,
    cityValue,
    limitBasis: counted ? LimitBasis.CHANCE : LimitBasis.SPREAD,
    cityNumerator,
    cityDenominator,
    citySuppressed: rows.length > 0 && city.hidden,
    overdispersion: method,
    dispersionFactor: spread?.phi ?? null,
    overdispersionPValue: spread?.pValue ?? null,
    betweenDistrictVariance: spread?.tau2 ?? null,
    limitsWidened: widened,
    multiplicity: Multiplicity.NONE,
    entries,
  });
}

/** A proportion's limits stay within 0–1 however widened; a rate's stay at or above 0. */
function clampLimits(limits: Limits, indicator: Indicator): Limits {
  const top = indicator.kind === IndicatorKind.PROPORTION ? 1 : Number.POSITIVE_INFINITY;
  const clamp = (x: number) => Math.min(top, Math.max(0, x));
  return {
    lower95: clamp(limits.lower95),
    upper95: clamp(limits.upper95),
    lower998: clamp(limits.lower998),
    upper998: clamp(limits.upper998),
  };
}

const trendKind = (indicator: Indicator): TrendKind =>
  indicator.kind === IndicatorKind.PROPORTION ? 'PROPORTION' : indicator.kind === IndicatorKind.RATE ? 'RATE' : 'VALUE';

/** Fills in each district's trend from the comparisons of the periods before (oldest first, ending with `current`); shown figures only. */
export function withTrends(current: Comparison, window: Comparison[]): Comparison {
  const points = new Map<string, TrendPoint[]>();
  window.forEach((comparison, x) => {
    for (const entry of comparison.entries) {
      if (entry.suppressed || entry.value === null) continue;
      const own = points.get(entry.district.code) ?? [];
      own.push({ x, value: entry.value, count: entry.numerator, n: entry.denominator });
      points.set(entry.district.code, own);
    }
  });
  const kind = trendKind(current.indicator);
  // The same allowance for overdispersion as the limits: φ or τ² when the comparison widened them.
  const allowance: TrendAllowance | undefined = !current.limitsWidened
    ? undefined
    : current.overdispersion === Overdispersion.MULTIPLICATIVE
      ? { phi: current.dispersionFactor ?? 1 }
      : { tau2: current.betweenDistrictVariance ?? 0 };
  for (const entry of current.entries) {
    if (entry.suppressed) continue;
    const result = trendOf(
      kind,
      points.get(entry.district.code) ?? [],
      current.indicator.direction,
      rateBase(current.indicator),
      allowance,
    );
    Object.assign(entry, { trend: result.trend, improving: result.improving, trendSlope: result.slope, trendPValue: result.pValue });
  }
  return current;
}

/** The false discovery rates of adjustedPosition's two levels: as the 95 % and 99.8 % limits, two-sided. */
export const FDR_95 = 2 * TAIL_95;
export const FDR_998 = 2 * TAIL_998;

/**
 * Benjamini–Hochberg q-values of p-values: q₍ᵢ₎ = min over j ≥ i of m·p₍ⱼ₎/j, in the order given. Flagging every test with
 * q below a level controls the expected share of false flags among the flagged at that level (independent or positively
 * dependent tests).
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const q = new Array<number>(m);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    running = Math.min(running, (m * order[r].p) / (r + 1));
    q[order[r].i] = running;
  }
  return q;
}

/**
 * Copies of the comparisons with qValue and adjustedPosition: Benjamini–Hochberg over the two-sided p-values (2 × pValue) of
 * every shown district of every comparison given with chance limits (one period's comparisons of an area: the family).
 * Medians and means (no p-value) stay null. The comparisons given are left as they are.
 */
export function withFalseDiscoveryRate(family: readonly Comparison[]): Comparison[] {
  const copies = family.map((comparison) => ({
    ...comparison,
    multiplicity: Multiplicity.BENJAMINI_HOCHBERG,
    entries: comparison.entries.map((entry) => ({ ...entry })),
  }));
  const tested = copies.flatMap((comparison) => comparison.entries.filter((entry) => entry.pValue !== null));
  const q = benjaminiHochberg(tested.map((entry) => Math.min(1, 2 * (entry.pValue as number))));
  tested.forEach((entry, i) => {
    const above = (entry.difference ?? 0) > 0;
    entry.qValue = q[i];
    entry.adjustedPosition =
      q[i] < FDR_998
        ? above
          ? FunnelPosition.ABOVE_99_8
          : FunnelPosition.BELOW_99_8
        : q[i] < FDR_95
          ? above
            ? FunnelPosition.ABOVE_95
            : FunnelPosition.BELOW_95
          : FunnelPosition.INSIDE;
  });
  return copies;
}

import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { BadInputError, NEEDS_TOKEN, policy, type SubgraphContext } from '@samsyn/core';
import { AreaNamespace, AreaProfile } from '@samsyn/area';
import { indicatorsOf } from '../indicators/indicator.loaders';
import type { Indicator } from '../indicators/indicator.types';
import { periodicityOf, periodRange } from '../periods/period';
import { PeriodScalar } from '../periods/period.types';
import { funnelModelOf, limitCurve, withFalseDiscoveryRate } from './comparison.calculator';
import { comparisonOf, entryOf } from './comparison.loaders';
import { Comparison, FunnelLimits, IndicatorValue, Multiplicity, Overdispersion, SeriesPoint, Trend } from './comparison.types';

async function indicatorFor(ctx: SubgraphContext, area: AreaNamespace['area'], code: string, period: string): Promise<Indicator> {
  const indicator = (await indicatorsOf(ctx).load(area)).find((candidate) => candidate.code === code);
  if (!indicator) throw new BadInputError(`No indicator ${code} in this area.`, { indicator: code });
  if (periodicityOf(period) !== indicator.periodicity) {
    throw new BadInputError(`${code} is reported per ${indicator.periodicity.toLowerCase()}; ${period} is not such a period.`, { period });
  }
  return indicator;
}

/** `comparison` and `series` of every area, on the interface the areas share. */
@Resolver(() => AreaNamespace)
export class ComparisonResolver {
  @FieldResolver(() => Comparison, {
    nullable: true,
    description: `Every reporting district against the city on one indicator and period. ${NEEDS_TOKEN}`,
  })
  async comparison(
    @Root() ns: AreaNamespace,
    @Arg('indicator', { description: 'The indicator\'s code, e.g. "CS-IA14".' }) code: string,
    @Arg('period', () => PeriodScalar, { description: 'A year, quarter or month, as the indicator is reported.' }) period: string,
    @Ctx() ctx: SubgraphContext,
    @Arg('overdispersion', () => Overdispersion, {
      defaultValue: Overdispersion.NONE,
      description:
        'Widen the limits for districts differing more than chance explains, where the test for it is significant (see dispersionFactor and ' +
        'overdispersionPValue); NONE gives the exact limits for chance alone.',
    })
    overdispersion: Overdispersion = Overdispersion.NONE,
    @Arg('multiplicity', () => Multiplicity, {
      defaultValue: Multiplicity.NONE,
      description:
        'BENJAMINI_HOCHBERG fills qValue and adjustedPosition: flags adjusted over every district on every indicator of this area with chance ' +
        'limits in the period (as compared with the same overdispersion option). NONE leaves them null.',
    })
    multiplicity: Multiplicity = Multiplicity.NONE,
  ): Promise<Comparison> {
    policy.requireAuthenticated(ctx.principal);
    const indicator = await indicatorFor(ctx, ns.area, code, period);
    if (multiplicity === Multiplicity.NONE) return comparisonOf(ctx, indicator, period, overdispersion);
    const family = (await indicatorsOf(ctx).load(ns.area)).filter((candidate) => candidate.periodicity === indicator.periodicity);
    const comparisons = await Promise.all(family.map((member) => comparisonOf(ctx, member, period, overdispersion)));
    return withFalseDiscoveryRate(comparisons)[family.findIndex((member) => member.code === indicator.code)];
  }

  @FieldResolver(() => [SeriesPoint], {
    nullable: true,
    description: `One district's figures period by period, hidden where the comparison hides them. ${NEEDS_TOKEN}`,
  })
  async series(
    @Root() ns: AreaNamespace,
    @Arg('indicator', { description: 'The indicator\'s code, e.g. "CS-IA14".' }) code: string,
    @Arg('district', { description: 'The district\'s code, e.g. "angered".' }) district: string,
    @Arg('from', () => PeriodScalar, { description: 'The first period, as the indicator is reported.' }) from: string,
    @Arg('to', () => PeriodScalar, { description: 'The last period, of the same kind as from.' }) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SeriesPoint[]> {
    policy.requireAuthenticated(ctx.principal);
    const indicator = await indicatorFor(ctx, ns.area, code, from);
    if (periodicityOf(to) !== indicator.periodicity)
      throw new BadInputError(`to must be a ${indicator.periodicity.toLowerCase()} period like from.`, { to });
    const periods = periodRange(from, to);
    if (periods.length === 0) throw new BadInputError('from must not be after to.', { from, to });
    const comparisons = await Promise.all(periods.map((period) => comparisonOf(ctx, indicator, period)));
    return comparisons.map((comparison) => {
      const entry = entryOf(comparison, district);
      return Object.assign(new SeriesPoint(), {
        period: comparison.period,
        value: entry?.value ?? null,
        numerator: entry?.numerator ?? null,
        denominator: entry?.denominator ?? null,
        suppressed: entry?.suppressed ?? false,
        reported: entry !== undefined,
      });
    });
  }
}

/**
 * The comparisons of every indicator of an area reported per such a period, once per request: a dashboard's
 * thousand districts share them (one promise for all, not twenty each).
 */
function comparisonsInPeriod(ctx: SubgraphContext) {
  return ctx.loaders.get<string, Comparison[]>('comparisonsInPeriod', (keys) =>
    Promise.all(
      keys.map(async (key) => {
        const [area, period] = key.split('|') as [AreaProfile['area'], string];
        const periodicity = periodicityOf(period);
        const indicators = (await indicatorsOf(ctx).load(area)).filter((indicator) => (indicator.periodicity as string) === periodicity);
        return Promise.all(indicators.map((indicator) => comparisonOf(ctx, indicator, period)));
      }),
    ),
  );
}

/** A district profile's `indicators`: its value on each indicator beside the city's. */
@Resolver(() => AreaProfile)
export class ProfileIndicatorsResolver {
  @FieldResolver(() => [IndicatorValue], {
    nullable: true,
    description: `The district's value on each of the area's indicators reported in periods like this one, beside the city's. ${NEEDS_TOKEN}`,
  })
  async indicators(
    @Root() profile: AreaProfile,
    @Arg('period', () => PeriodScalar, { description: 'A year, quarter or month: the indicators reported per such a period.' })
    period: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<IndicatorValue[]> {
    policy.requireAuthenticated(ctx.principal);
    if (!periodicityOf(period)) throw new BadInputError(`period ${period} is not like 2026, 2026-Q3 or 2026-09.`, { period });
    const comparisons = await comparisonsInPeriod(ctx).load(`${profile.area}|${period}`);
    return comparisons.map((comparison) => {
      const entry = entryOf(comparison, profile.district);
      return Object.assign(new IndicatorValue(), {
        indicator: comparison.indicator,
        period,
        value: entry?.value ?? null,
        numerator: entry?.numerator ?? null,
        denominator: entry?.denominator ?? null,
        suppressed: entry?.suppressed ?? false,
        position: entry?.position ?? null,
        cityValue: comparison.cityValue,
        trend: entry?.trend ?? Trend.UNKNOWN,
      });
    });
  }
}

/** The largest size a curve may reach: far above any district, and a bound on the work of exact limits. */
export const MAX_CURVE_CASES = 10_000_000;
export const MAX_CURVE_POINTS = 200;

/** A comparison's `limitCurve`: its limits drawn as curves, by the method its districts were judged by. */
@Resolver(() => Comparison)
export class LimitCurveResolver {
  @FieldResolver(() => [FunnelLimits], {
    description:
      'The control limits at sizes from `from` to `to` cases, spaced evenly on a square-root scale: the curves of a funnel plot, by exactly ' +
      'the method the entries are judged by (exact limits, or widened as `overdispersion` asked). Without from and to, a third of the ' +
      'smallest shown district to a tenth beyond the largest. Empty when the comparison has no limits (the city total hidden).',
  })
  limitCurve(
    @Root() comparison: Comparison,
    @Arg('points', () => Int, { defaultValue: 60, description: `How many sizes, 2 to ${MAX_CURVE_POINTS}.` }) points: number,
    @Arg('to', () => Int, { nullable: true, description: `The largest size, above from and at most ${MAX_CURVE_CASES}.` })
    to: number | null | undefined,
    @Arg('from', () => Int, { nullable: true, description: 'The smallest size, at least 1.' }) from: number | null | undefined,
  ): FunnelLimits[] {
    if (points < 2 || points > MAX_CURVE_POINTS) throw new BadInputError(`points must be 2 to ${MAX_CURVE_POINTS}.`, { points });
    const sizes = comparison.entries.filter((entry) => entry.denominator !== null).map((entry) => entry.denominator as number);
    const low = from ?? Math.max(1, Math.floor(Math.min(...sizes) / 3));
    const high = to ?? Math.ceil(Math.max(...sizes) * 1.1);
    if (from != null && from < 1) throw new BadInputError('from must be at least 1.', { from });
    if (to != null && to > MAX_CURVE_CASES) throw new BadInputError(`to must be at most ${MAX_CURVE_CASES}.`, { to });
    if (from != null && to != null && to <= from) throw new BadInputError('to must be above from.', { from, to });
    const model = funnelModelOf(comparison);
    // No shown district and no range asked: nothing to draw the curves along.
    if (!model || !(high > low) || !Number.isFinite(high)) return [];
    return limitCurve(model, low, high, points);
  }
}

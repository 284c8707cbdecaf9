import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { BadInputError, errorsDoc, NEEDS_TOKEN, policy, REFUSALS, type Constructor, type SubgraphContext } from '@samsyn/core';
import { AreaNamespace, AreaProfile, type AreaTypes } from '@samsyn/area';
import { comparisonOf, entryOf, indicatorsOf } from './loaders';
import { MAX_REPORT_ROWS, ObservationService } from './observations';
import { PeriodScalar, periodicityOf, periodRange } from './periods';
import { Comparison, Indicator, IndicatorValue, ObservationInput, Overdispersion, ReportResult, SeriesPoint, Trend } from './types';

async function indicatorFor(ctx: SubgraphContext, area: AreaNamespace['area'], code: string, period: string): Promise<Indicator> {
  const indicator = (await indicatorsOf(ctx).load(area)).find((candidate) => candidate.code === code);
  if (!indicator) throw new BadInputError(`No indicator ${code} in this area.`, { indicator: code });
  if (periodicityOf(period) !== indicator.periodicity) {
    throw new BadInputError(`${code} is reported per ${indicator.periodicity.toLowerCase()}; ${period} is not such a period.`, { period });
  }
  return indicator;
}

/** `indicators`, `comparison` and `series` of every area, on the interface the areas share. */
@Resolver(() => AreaNamespace)
export class EqualityResolver {
  @FieldResolver(() => [Indicator], { description: 'The indicators districts are compared on.' })
  indicators(@Root() ns: AreaNamespace, @Ctx() ctx: SubgraphContext): Promise<Indicator[]> {
    return indicatorsOf(ctx).load(ns.area);
  }

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
        'Widen the limits for districts differing more than chance explains (see dispersionFactor); NONE gives the exact limits for chance alone.',
    })
    overdispersion: Overdispersion = Overdispersion.NONE,
  ): Promise<Comparison> {
    policy.requireAuthenticated(ctx.principal);
    return comparisonOf(ctx, await indicatorFor(ctx, ns.area, code, period), period, overdispersion);
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

/** `reportObservations` in an area's mutations. */
export function reportMutations(types: AreaTypes): Constructor[] {
  @Resolver(() => types.Mutations)
  class ReportResolver {
    @FieldResolver(() => ReportResult, {
      description: `A district system reports its own district's aggregated figures; the same report twice changes nothing, and one bad row stores nothing. ${errorsDoc(
        {
          ...REFUSALS.districtSystem,
          BAD_USER_INPUT:
            'every bad row listed in extensions.rows: unknown indicator or district, a period of the wrong kind, negative counts, numerator above denominator',
        },
      )}`,
    })
    reportObservations(
      @Root() ns: AreaNamespace,
      @Arg('input', () => [ObservationInput], { description: `The figures, at most ${MAX_REPORT_ROWS} rows.` }) input: ObservationInput[],
      @Ctx() ctx: SubgraphContext,
    ): Promise<ReportResult> {
      return new ObservationService(ctx.db).report(ctx.principal, ns.area, input);
    }
  }

  return [ReportResolver];
}

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
    const periodicity = periodicityOf(period);
    if (!periodicity) throw new BadInputError(`period ${period} is not like 2026, 2026-Q3 or 2026-09.`, { period });
    const indicators = (await indicatorsOf(ctx).load(profile.area)).filter((indicator) => indicator.periodicity === periodicity);
    const comparisons = await Promise.all(indicators.map((indicator) => comparisonOf(ctx, indicator, period)));
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

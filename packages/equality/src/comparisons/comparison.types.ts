import { Directive, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AreaDistrict, type DistrictKey } from '@samsyn/area';
import { CHANGES_WITH_WRITES, INHERITS_CACHE_HINT } from '@samsyn/core';
import { Indicator } from '../indicators/indicator.types';
import { PeriodScalar } from '../periods/period.types';

export enum FunnelPosition {
  INSIDE = 'INSIDE',
  ABOVE_95 = 'ABOVE_95',
  ABOVE_99_8 = 'ABOVE_99_8',
  BELOW_95 = 'BELOW_95',
  BELOW_99_8 = 'BELOW_99_8',
}
registerEnumType(FunnelPosition, {
  name: 'FunnelPosition',
  description:
    'Where a district lies in the funnel plot: within the control limits around the city value for its size, or above/below the 95 % or 99.8 % limits.',
  valuesConfig: {
    INSIDE: { description: 'Within the 95 % limits: no sign of a difference beyond chance.' },
    ABOVE_95: { description: 'Above the 95 % limit but within the 99.8 % one: worth a look.' },
    ABOVE_99_8: { description: 'Above the 99.8 % limit: very unlikely to be chance.' },
    BELOW_95: { description: 'Below the 95 % limit but within the 99.8 % one: worth a look.' },
    BELOW_99_8: { description: 'Below the 99.8 % limit: very unlikely to be chance.' },
  },
});

export enum Trend {
  RISING = 'RISING',
  FALLING = 'FALLING',
  STABLE = 'STABLE',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(Trend, {
  name: 'Trend',
  description:
    'The direction of a district’s figures over the last four periods. RISING or FALLING only when a test finds the change unlikely to be chance (two-sided, 5 % level: ' +
    'Cochran–Armitage for proportions, a Poisson-weighted regression for rates, a case-weighted regression with its standard error for medians and means); ' +
    'STABLE otherwise; UNKNOWN with fewer than three shown periods. About one stable district in twenty will still be called rising or falling by chance.',
  valuesConfig: {
    RISING: { description: 'The figures go up, more than chance explains.' },
    FALLING: { description: 'The figures go down, more than chance explains.' },
    STABLE: { description: 'Any change is within what chance explains.' },
    UNKNOWN: { description: 'Too few shown periods to tell.' },
  },
});

export enum Overdispersion {
  NONE = 'NONE',
  MULTIPLICATIVE = 'MULTIPLICATIVE',
  ADDITIVE = 'ADDITIVE',
}
registerEnumType(Overdispersion, {
  name: 'Overdispersion',
  description:
    'Whether the funnel limits allow for districts differing more than chance explains (Spiegelhalter 2005, §4–5). When they do, far more districts than 5 % fall outside the 95 % limits, and the limits are too narrow to judge by.',
  valuesConfig: {
    NONE: { description: 'Exact limits for chance alone (binomial or Poisson).' },
    MULTIPLICATIVE: { description: 'Limits widened by √φ, the overdispersion factor, when φ is above 1.' },
    ADDITIVE: { description: 'Limits widened by a between-district variance τ² (random effects, DerSimonian–Laird), when τ² is above 0.' },
  },
});

export enum SuppressionReason {
  PROTECTED = 'PROTECTED',
  SMALL_COUNT = 'SMALL_COUNT',
  SECONDARY = 'SECONDARY',
  PENDING = 'PENDING',
}
registerEnumType(SuppressionReason, {
  name: 'SuppressionReason',
  description: 'Why a figure is hidden.',
  valuesConfig: {
    PROTECTED: {
      description:
        'Hidden by disclosure control: a small count (fewer than 5 cases with or without the outcome, or behind a median or mean), ' +
        'or a figure hidden with small ones so that none can be worked out from the published totals, even by a district that knows its own figures. ' +
        'Which of the two is not told: telling it would point at the small count.',
    },
    SMALL_COUNT: {
      description: 'No longer returned: every figure hidden by disclosure control is PROTECTED.',
      deprecationReason: 'Told a small count from a figure hidden to protect it; every such figure is now PROTECTED.',
    },
    SECONDARY: {
      description: 'No longer returned: every figure hidden by disclosure control is PROTECTED.',
      deprecationReason: 'Told a small count from a figure hidden to protect it; every such figure is now PROTECTED.',
    },
    PENDING: { description: 'Stored without going through reporting, so not yet checked for disclosure: hidden until it is.' },
  },
});

@ObjectType({
  description:
    "One district's figure in a comparison. Hidden figures (see SuppressionReason) have value, counts, position and limits null.",
  simpleResolvers: true,
})
@Directive('@shareable')
@Directive(INHERITS_CACHE_HINT)
export class ComparisonEntry {
  @Field(() => AreaDistrict(), { description: 'The district.' })
  district!: DistrictKey;

  @Field(() => Float, { nullable: true, description: "The district's value in the indicator's unit; null when suppressed." })
  value!: number | null;

  @Field(() => Int, { nullable: true, description: 'Cases with the outcome (proportions and rates); null when suppressed.' })
  numerator!: number | null;

  @Field(() => Int, { nullable: true, description: 'All cases, or the population for a rate; null when suppressed.' })
  denominator!: number | null;

  @Field({ description: 'Whether the figure is hidden so that no one can be identified.' })
  suppressed!: boolean;

  @Field(() => SuppressionReason, { nullable: true, description: 'Why it is hidden; null when shown.' })
  suppressionReason!: SuppressionReason | null;

  @Field(() => FunnelPosition, {
    nullable: true,
    description:
      'Where the district lies against the control limits for its size; null when suppressed. Judged by pValue, so it always agrees with the limits: ' +
      'beyond the 95 % limits when pValue < 0.025, beyond 99.8 % when pValue < 0.001.',
  })
  position!: FunnelPosition | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'How likely a figure at least this far from the city value, on this side, is for a district of this size if the city value held for it too ' +
      '(exact binomial or Poisson tail, interpolated as the limits are; the normal tail for medians, means and widened limits).',
  })
  pValue!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '1 = best among shown districts (ties share a rank); null when the indicator has no better direction.',
  })
  rank!: number | null;

  @Field(() => Float, { nullable: true, description: 'value − cityValue.' })
  difference!: number | null;

  @Field(() => Float, { nullable: true, description: 'The lower 95 % control limit for this district, in the indicator’s unit.' })
  lower95!: number | null;

  @Field(() => Float, { nullable: true, description: 'The upper 95 % control limit.' })
  upper95!: number | null;

  @Field(() => Float, { nullable: true, description: 'The lower 99.8 % control limit.' })
  lower998!: number | null;

  @Field(() => Float, { nullable: true, description: 'The upper 99.8 % control limit.' })
  upper998!: number | null;

  @Field(() => Trend, { description: "The direction of the district's values over the last four periods." })
  trend!: Trend;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the trend goes the better way; null when stable, unknown or without a better direction.',
  })
  improving!: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Change per period over the trend window, in the indicator’s unit (weighted least squares over the shown periods).',
  })
  trendSlope!: number | null;

  @Field(() => Float, { nullable: true, description: 'Two-sided p-value of the test for a trend; RISING or FALLING only below 0.05.' })
  trendPValue!: number | null;
}

@ObjectType({
  description: 'The control limits at one size: a point of the curves a funnel plot draws, in the indicator’s unit.',
  simpleResolvers: true,
})
@Directive('@shareable')
@Directive(INHERITS_CACHE_HINT)
export class FunnelLimits {
  @Field(() => Int, { description: 'The number of cases (the population, for a rate): the x of the funnel plot.' })
  cases!: number;

  @Field(() => Float, { description: 'The lower 95 % control limit.' })
  lower95!: number;

  @Field(() => Float, { description: 'The upper 95 % control limit.' })
  upper95!: number;

  @Field(() => Float, { description: 'The lower 99.8 % control limit.' })
  lower998!: number;

  @Field(() => Float, { description: 'The upper 99.8 % control limit.' })
  upper998!: number;
}

@ObjectType({
  description: `A fair comparison of districts on one indicator and period.
Proportions and rates: the city value pools all districts (sum of numerators / sum of denominators); each district is judged against
control limits for its own size, from the exact binomial (proportions) or Poisson (rates) distribution at every size, interpolated between
whole counts as Spiegelhalter (2005, appendix A.1.1) does; its position follows from its exact tail probability (pValue), so position and
limits always agree. When districts differ more than chance explains (dispersionFactor well above 1), the limits can be widened on request.
Medians and means: districts report a value and their number of cases but no spread, so there is no funnel; the city value is the
case-weighted median (or mean) of the shown district values, and the limits are the city value ± 1.96 / 3.09 robust standard deviations
of those values (1.4826 × their median absolute deviation), so one extreme district does not widen the limits for all.
Disclosure control: no figure with fewer than 5 cases with or without the outcome is shown, and other figures are hidden with it so
that no hidden count can be worked out from totals, breakdowns and other shown figures of the period (see SuppressionReason).`,
})
@Directive('@shareable')
@Directive(CHANGES_WITH_WRITES)
export class Comparison {
  @Field(() => Indicator, { description: 'The indicator compared.' })
  indicator!: Indicator;

  @Field(() => PeriodScalar, { description: 'The period compared.' })
  period!: string;

  @Field(() => Float, { nullable: true, description: 'Pooled over all districts that reported.' })
  cityValue!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Sum of numerators over all districts (proportions and rates); null when the city total is hidden.',
  })
  cityNumerator!: number | null;

  @Field(() => Int, { nullable: true, description: 'Sum of denominators (cases) over all districts; null when the city total is hidden.' })
  cityDenominator!: number | null;

  @Field({
    description:
      'True when the city total is hidden: it would hold fewer than 5 cases with or without the outcome, or too few districts can be hidden ' +
      'to protect a small one (three, so that a district knowing its own figure learns no other), or the period hid it before ' +
      '(what a period has hidden stays hidden).',
  })
  citySuppressed!: boolean;

  @Field(() => Overdispersion, { description: 'How the limits allow for overdispersion, as asked.' })
  overdispersion!: Overdispersion;

  @Field(() => Float, {
    nullable: true,
    description:
      'φ, the overdispersion factor: the mean squared z-score of the shown districts, the most extreme tenth at each end set to the 10th/90th percentile. ' +
      'About 1 when chance explains the differences; clearly above 1 means the districts truly differ and unadjusted limits flag too many. Null for medians and means.',
  })
  dispersionFactor!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'τ², the between-district variance of the additive adjustment (per case, before any rate base), 0 when chance explains the spread.',
  })
  betweenDistrictVariance!: number | null;

  @Field({ description: 'True when the limits were widened for overdispersion (say so beside the plot).' })
  limitsWidened!: boolean;

  @Field(() => [ComparisonEntry], { description: 'One entry per reporting district, best rank first, suppressed last.' })
  entries!: ComparisonEntry[];
}

@ObjectType({ description: "A district's figure for one period of a series.", simpleResolvers: true })
@Directive('@shareable')
@Directive(CHANGES_WITH_WRITES)
export class SeriesPoint {
  @Field(() => PeriodScalar, { description: 'The period of this point.' })
  period!: string;

  @Field(() => Float, { nullable: true, description: "The district's value; null when hidden or not reported." })
  value!: number | null;

  @Field(() => Int, { nullable: true, description: 'Cases with the outcome; null when hidden or not reported.' })
  numerator!: number | null;

  @Field(() => Int, { nullable: true, description: 'All cases; null when hidden or not reported.' })
  denominator!: number | null;

  @Field({
    description:
      'True when the figure is hidden by disclosure control (as in the comparison of the period), false when shown or not reported.',
  })
  suppressed!: boolean;

  @Field({ description: 'Whether the district reported for the period.' })
  reported!: boolean;
}

@ObjectType({ description: "A district's figure for one indicator in a period, beside the city's.", simpleResolvers: true })
@Directive('@shareable')
@Directive(CHANGES_WITH_WRITES)
export class IndicatorValue {
  @Field(() => Indicator, { description: 'The indicator measured.' })
  indicator!: Indicator;

  @Field(() => PeriodScalar, { description: 'The period of the figure.' })
  period!: string;

  @Field(() => Float, { nullable: true, description: "The district's value; null when hidden or not reported." })
  value!: number | null;

  @Field(() => Int, { nullable: true, description: 'Cases with the outcome; null when hidden or not reported.' })
  numerator!: number | null;

  @Field(() => Int, { nullable: true, description: 'All cases; null when hidden or not reported.' })
  denominator!: number | null;

  @Field({ description: 'Whether the figure is hidden so that no one can be identified.' })
  suppressed!: boolean;

  @Field(() => FunnelPosition, {
    nullable: true,
    description: 'Where the district lies against the control limits; null when hidden or not reported.',
  })
  position!: FunnelPosition | null;

  @Field(() => Float, { nullable: true, description: "The city's value in the same period." })
  cityValue!: number | null;

  @Field(() => Trend, { description: "The direction of the district's values over the last four periods." })
  trend!: Trend;
}

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
    'Where a district lies against its limits: within them, or above/below the 95 % or 99.8 % ones. For proportions and rates (limitBasis CHANCE) ' +
    'the limits are chance limits for a district of its size, and a position outside them is a difference unlikely to be chance alone, one test ' +
    'of many (see adjustedPosition for flags adjusted for multiple testing). For medians and means (limitBasis SPREAD) the limits are a spread band ' +
    'of the district values: a position outside it says the district lies far from the others, not that the difference is beyond chance.',
  valuesConfig: {
    INSIDE: { description: 'Within the 95 % limits (or the inner spread band): no sign of a difference.' },
    ABOVE_95: { description: 'Above the 95 % limit (or the inner spread band) but within the 99.8 % one: worth a look.' },
    ABOVE_99_8: { description: 'Above the 99.8 % limit (or the outer spread band): for chance limits, very unlikely to be chance.' },
    BELOW_95: { description: 'Below the 95 % limit (or the inner spread band) but within the 99.8 % one: worth a look.' },
    BELOW_99_8: { description: 'Below the 99.8 % limit (or the outer spread band): for chance limits, very unlikely to be chance.' },
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
    'STABLE otherwise (no established change: not a finding that nothing changed); UNKNOWN with fewer than three shown periods. ' +
    'With sampling noise alone about one district in twenty is still called rising or falling. Extra variation between periods inflates that: ' +
    'with twice the sampling variance between quarters about 18 % are called rising or falling, and a seasonal swing of ±4 percentage points ' +
    'about 16 % (seeded simulations). When the comparison widens its limits for overdispersion (limitsWidened), the trend tests of proportions and rates are widened ' +
    'by the same φ or τ²; quarter-to-quarter variation within a district and seasonality are not otherwise allowed for.',
  valuesConfig: {
    RISING: { description: 'The figures go up, more than the test allows for.' },
    FALLING: { description: 'The figures go down, more than the test allows for.' },
    STABLE: {
      description:
        'No established change ("ingen säkerställd förändring"): any change is within what the test allows for. Not evidence of no change.',
    },
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
    MULTIPLICATIVE: {
      description:
        'Limits widened by √φ, the overdispersion factor, when overdispersion is significant (overdispersionPValue < 0.05) and φ is above 1.',
    },
    ADDITIVE: {
      description:
        'Limits widened by a between-district variance τ² (random effects, DerSimonian–Laird), when overdispersion is significant and τ² is above 0.',
    },
  },
});

export enum LimitBasis {
  CHANCE = 'CHANCE',
  SPREAD = 'SPREAD',
}
registerEnumType(LimitBasis, {
  name: 'LimitBasis',
  description: 'What a comparison’s limits are, and so what a position outside them means.',
  valuesConfig: {
    CHANCE: {
      description:
        'Chance limits (proportions and rates): what chance gives a district of its size if the city value held for it; positions come with a pValue.',
    },
    SPREAD: {
      description:
        'A spread band (medians and means): the city value ± a multiple of the robust spread of the shown district values, the same for every size. ' +
        'Districts report no spread within the district, so there is no chance model: a position outside the band says a district lies far from the ' +
        'others, not that the difference is beyond chance; pValue, rank and rank interval are null.',
    },
  },
});

export enum Multiplicity {
  NONE = 'NONE',
  BENJAMINI_HOCHBERG = 'BENJAMINI_HOCHBERG',
}
registerEnumType(Multiplicity, {
  name: 'Multiplicity',
  description:
    'Whether flags are adjusted for the many tests of a period: every district on every indicator of the area is a test, about a hundred per ' +
    'quarter, so about five districts lie outside their 95 % limits by chance alone in every period.',
  valuesConfig: {
    NONE: { description: 'No adjustment: qValue and adjustedPosition are null.' },
    BENJAMINI_HOCHBERG: {
      description:
        'qValue and adjustedPosition control the false discovery rate (Benjamini–Hochberg) over the two-sided p-values of every shown district ' +
        'on every indicator of the area with chance limits (proportions and rates) in the period, computed with the same overdispersion option. ' +
        'position, limits, pValue and trends stay unadjusted.',
    },
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
      'Where the district lies against its limits; null when suppressed. Chance limits: judged by pValue, so it always agrees with the limits ' +
      '(beyond the 95 % limits when pValue < 0.025, beyond 99.8 % when pValue < 0.001); one test among many, unadjusted (see adjustedPosition). ' +
      'Spread band (medians and means): where the value lies in the band, no claim about chance.',
  })
  position!: FunnelPosition | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'How likely a figure at least this far from the city value, on this side, is for a district of this size if the city value held for it too: ' +
      'P(Y ≥ y) above the city value and P(Y ≤ y) below, exact binomial or Poisson, the observed count included; the normal tail when the limits ' +
      'are widened for overdispersion. Null for medians and means (a spread band, no chance model) and when suppressed.',
  })
  pValue!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The Benjamini–Hochberg q-value of the two-sided p-value (2 × pValue) over the period’s family of tests (see Multiplicity); null unless asked for.',
  })
  qValue!: number | null;

  @Field(() => FunnelPosition, {
    nullable: true,
    description:
      'The position after adjusting for multiple testing (see Multiplicity): beyond 95 % when qValue < 0.05, beyond 99.8 % when qValue < 0.002, ' +
      'INSIDE otherwise; null unless asked for, and for medians and means.',
  })
  adjustedPosition!: FunnelPosition | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '1 = best among shown districts (ties share a rank); null when the indicator has no better direction, and for medians and means (without ' +
      'a chance model a rank carries no measure of its uncertainty). Read it with rankLower and rankUpper.',
  })
  rank!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The best rank the district may truly have (95 %): 1 + the number of districts significantly better than it, each pair tested two-sided ' +
      'with a Bonferroni correction over the district’s k − 1 comparisons (widened as the limits are for overdispersion). Null when rank is.',
  })
  rankLower!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The worst rank the district may truly have (95 %): k − the number of districts significantly worse. Null when rank is.',
  })
  rankUpper!: number | null;

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

  @Field(() => Float, {
    nullable: true,
    description:
      'Two-sided p-value of the test for a trend; RISING or FALLING only below 0.05. Unadjusted for multiple testing; inflated by variation ' +
      'between periods beyond sampling (see Trend).',
  })
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
Proportions and rates (limitBasis CHANCE): the city value pools all reporting districts, hidden ones included (sum of numerators / sum
of denominators); each district is judged against chance limits for its own size, from the exact binomial (proportions) or Poisson (rates)
distribution at every size, interpolated between whole counts (Spiegelhalter 2005, appendix A.1.1, with the upper limit one count higher so
that it matches P(Y ≥ y)); its position follows from its exact tail probability (pValue), so position and limits always agree. When districts
differ significantly more than chance explains (overdispersionPValue < 0.05), the limits can be widened on request.
Medians and means (limitBasis SPREAD): districts report a value and their number of cases but no spread, so there is no chance model and
no funnel; the city value is the case-weighted median (or mean) of the shown districts' values (not the median of all the city's cases,
which would need every case), and the limits are a spread band: the city value ± multiples of the robust spread of the shown district
values (1.4826 × their median absolute deviation), chosen for the number of districts so that 5 % (inner) and 0.2 % (outer) of districts
alike in all but normal spread would lie outside. A district outside lies far from the others; whether that is beyond chance cannot be told.
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

  @Field(() => Float, {
    nullable: true,
    description:
      'Proportions and rates: pooled over all districts that reported, hidden ones included (sum of numerators / sum of denominators). ' +
      'Medians and means: the case-weighted median (or mean) of the shown districts’ values, not the median of all the city’s cases.',
  })
  cityValue!: number | null;

  @Field(() => LimitBasis, { description: 'Chance limits (proportions and rates) or a spread band (medians and means).' })
  limitBasis!: LimitBasis;

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
      'φ̂, the overdispersion factor: the mean squared z-score of the shown districts, winsorised at the 10th and 90th percentile of the z-scores ' +
      '(Spiegelhalter 2005), divided by what that averages without overdispersion for as many districts, so that it averages 1 at any number of ' +
      'districts when chance explains the differences. Above 1 with overdispersionPValue below 0.05 means the districts truly differ and ' +
      'unadjusted limits flag too many. Null for medians and means.',
  })
  dispersionFactor!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The test for overdispersion: P(χ² on k − 1 df ≥ the sum of squared z-scores of the k shown districts). Below 0.05 the districts differ more ' +
      'than chance explains, and only then are limits widened when asked. Null for medians and means.',
  })
  overdispersionPValue!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'τ², the between-district variance of the additive adjustment (per case, before any rate base), 0 when chance explains the spread.',
  })
  betweenDistrictVariance!: number | null;

  @Field({
    description:
      'True when the limits were widened for overdispersion (asked for, significant, and φ above 1 or τ² above 0); say so beside the plot. ' +
      'Trends of proportions and rates are then widened by the same φ or τ².',
  })
  limitsWidened!: boolean;

  @Field(() => Multiplicity, { description: 'Whether qValue and adjustedPosition were computed, as asked.' })
  multiplicity!: Multiplicity;

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
    description:
      'Where the district lies against the limits of its comparison (exact chance limits, unadjusted for overdispersion or multiple testing; ' +
      'a spread band for medians and means); null when hidden or not reported.',
  })
  position!: FunnelPosition | null;

  @Field(() => Float, { nullable: true, description: "The city's value in the same period." })
  cityValue!: number | null;

  @Field(() => Trend, { description: "The direction of the district's values over the last four periods." })
  trend!: Trend;
}

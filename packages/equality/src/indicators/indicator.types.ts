import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Area } from '@samsyn/area';

export enum IndicatorKind {
  PROPORTION = 'PROPORTION',
  RATE = 'RATE',
  MEDIAN = 'MEDIAN',
  MEAN = 'MEAN',
}
registerEnumType(IndicatorKind, {
  name: 'IndicatorKind',
  description: 'What an indicator measures, and so how districts are compared on it.',
  valuesConfig: {
    PROPORTION: { description: 'numerator / denominator, e.g. assessments decided within 14 days of all assessments.' },
    RATE: { description: 'numerator per `ratePer` of a population (denominator), e.g. children placed per 1 000 children.' },
    MEDIAN: { description: 'a median value per district (e.g. days), with the number of cases as denominator.' },
    MEAN: { description: 'a mean value per district, with the number of cases as denominator.' },
  },
});

export enum Direction {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
  NEITHER = 'NEITHER',
}
registerEnumType(Direction, {
  name: 'Direction',
  description: 'Which way an indicator is better: ranks and improving follow it.',
  valuesConfig: {
    HIGHER_IS_BETTER: { description: 'A higher value is better (e.g. assessments in time).' },
    LOWER_IS_BETTER: { description: 'A lower value is better (e.g. waiting days).' },
    NEITHER: { description: 'Neither is better in itself (e.g. placements): no rank, no improving.' },
  },
});

export enum Periodicity {
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
}
registerEnumType(Periodicity, {
  name: 'Periodicity',
  description: 'How often figures are reported: periods 2026, 2026-Q3 or 2026-09.',
  valuesConfig: {
    YEAR: { description: 'Per year: 2026.' },
    QUARTER: { description: 'Per quarter: 2026-Q3.' },
    MONTH: { description: 'Per month: 2026-09.' },
  },
});
@ObjectType({ description: 'A measure compared between districts.', simpleResolvers: true })
@Directive('@shareable')
// Indicators are public and change only when an administrator edits the catalogue.
@Directive('@cacheControl(maxAge: 60)')
export class Indicator {
  @Field({ description: 'Stable code, e.g. "CS-IA14": what comparison, series and reports name it by.' })
  code!: string;

  @Field(() => Area, { description: 'The area it belongs to.' })
  area!: Area;

  @Field({ description: 'The Swedish name.' })
  name!: string;

  @Field({ description: 'What is counted, in Swedish.' })
  description!: string;

  @Field(() => IndicatorKind, { description: 'Proportion, rate, median or mean.' })
  kind!: IndicatorKind;

  @Field({ description: 'e.g. "andel", "per 1 000 barn", "dagar".' })
  unit!: string;

  @Field(() => Direction, { description: 'Which way is better.' })
  direction!: Direction;

  @Field(() => Periodicity, { description: 'The kind of period figures are reported per.' })
  periodicity!: Periodicity;

  @Field(() => Int, { nullable: true, description: 'For a RATE: per how many of the population.' })
  ratePer!: number | null;

  @Field(() => String, { nullable: true, description: 'The national counterpart in Kolada, if any.' })
  koladaKpi!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Slug of the document whose rule the indicator measures (e.g. the routine that sets a deadline).',
  })
  ruleDocument!: string | null;
}

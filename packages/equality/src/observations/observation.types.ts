import { Directive, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { PeriodScalar } from '../periods/period.types';

@InputType({
  description:
    'One aggregated figure: a count pair for proportions and rates, a value (and optionally the number of cases) for medians and means.',
})
export class ObservationInput {
  @Field({ description: 'Indicator code, e.g. "CS-IA14".' })
  indicator!: string;

  @Field({ description: 'District code, e.g. "angered".' })
  district!: string;

  @Field(() => PeriodScalar, { description: 'A year, quarter or month, as the indicator’s periodicity says.' })
  period!: string;

  @Field(() => Int, { nullable: true, description: 'Proportions and rates: cases with the outcome (0 or more).' })
  numerator?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Proportions and rates: all cases, or the population; medians and means: the number of cases.',
  })
  denominator?: number | null;

  @Field(() => Float, { nullable: true, description: 'Medians and means: the value.' })
  value?: number | null;
}

@ObjectType({ description: 'What a report stored.' })
@Directive('@shareable')
export class ReportResult {
  @Field(() => Int, { description: 'Rows in the report.' })
  received!: number;

  @Field(() => Int, { description: 'Rows stored for the first time.' })
  inserted!: number;

  @Field(() => Int, { description: 'Rows that changed what was stored.' })
  updated!: number;

  @Field(() => Int, { description: 'Rows identical to what was stored: a repeated report changes nothing.' })
  unchanged!: number;
}

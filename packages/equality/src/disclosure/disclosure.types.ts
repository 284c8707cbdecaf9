import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { PeriodScalar } from '../periods/period.types';

@ObjectType({ description: "What an admin's republication of a period changed in the area's disclosure protection." })
@Directive('@shareable')
export class Republication {
  @Field(() => PeriodScalar, { description: 'The period republished.' })
  period!: string;

  @Field(() => Int, {
    description: "The area's figures of the period that were hidden before (district figures, city totals, breakdown cells).",
  })
  hiddenBefore!: number;

  @Field(() => Int, { description: 'Those hidden now, protected afresh from the figures alone.' })
  hiddenAfter!: number;
}

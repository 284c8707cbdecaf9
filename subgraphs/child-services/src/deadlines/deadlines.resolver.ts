import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver } from 'type-graphql';
import { BadInputError, GraphQLDate, isoDate, type Constructor, type SubgraphContext } from '@samsyn/core';
import type { AreaTypes } from '@samsyn/area';
import { DocumentVersion } from '@samsyn/knowledge';
import { addDays, addMonths } from './calendar';
import { ruleInForce } from './deadline.rules';

@ObjectType({ description: 'One statutory time limit, with where it comes from.' })
export class Deadline {
  @Field(() => GraphQLDate, { description: 'The last day the step may be done on.' })
  due!: string;

  @Field(() => Int, { nullable: true, description: 'The limit in days, when counted in days.' })
  days!: number | null;

  @Field(() => Int, { nullable: true, description: 'The limit in months, when counted in months.' })
  months!: number | null;

  @Field(() => String, { description: 'The provision it rests on.' })
  legalBasis!: string;

  @Field(() => DocumentVersion, { description: 'The routine version in force on the start day, which set the limit.' })
  routineVersion!: DocumentVersion;
}

@ObjectType({ description: 'The due dates of the investigation chain for a report of concern about a child.' })
export class Deadlines {
  @Field(() => Deadline, {
    description: 'Decision whether to open an investigation (förhandsbedömning), counted in days from the day the report came in.',
  })
  initialAssessment!: Deadline;

  @Field(() => Deadline, {
    nullable: true,
    description: 'The investigation finished, counted in months from the day it started; null until it has started.',
  })
  investigation!: Deadline | null;

  @Field(() => GraphQLDate, { deprecationReason: 'Use initialAssessment { due }.', description: 'The same as initialAssessment.due.' })
  initialAssessmentDue!: string;

  @Field(() => GraphQLDate, {
    nullable: true,
    deprecationReason: 'Use investigation { due }.',
    description: 'The same as investigation.due.',
  })
  investigationDue!: string | null;

  @Field(() => [String], {
    deprecationReason: 'Use initialAssessment { legalBasis } and investigation { legalBasis }.',
    description: 'The provisions of both deadlines.',
  })
  legalBasis!: string[];

  @Field(() => DocumentVersion, {
    nullable: true,
    deprecationReason: 'Use initialAssessment { routineVersion }: the investigation may follow another version.',
    description: 'The routine version the initial-assessment rule came from.',
  })
  routineVersion!: DocumentVersion | null;
}

/** `childServices { deadlines(…) }`: the same due dates for the same dates in every district. */
export function deadlineResolvers(types: AreaTypes): Constructor[] {
  @Resolver(() => types.Namespace)
  class DeadlinesResolver {
    @FieldResolver(() => Deadlines, {
      description: 'Due dates from the statutory limits of SoL 20 kap. 2–3 §§, as the routine in force sets them.',
    })
    async deadlines(
      @Ctx() ctx: SubgraphContext,
      @Arg('reportReceivedOn', () => GraphQLDate, { description: 'The day the report of concern came in.' }) reportReceivedOn: Date,
      @Arg('investigationStartedOn', () => GraphQLDate, { nullable: true, description: 'The day the investigation started, once it has.' })
      investigationStartedOn?: Date | null,
    ): Promise<Deadlines> {
      const received = isoDate(reportReceivedOn);
      const started = investigationStartedOn ? isoDate(investigationStartedOn) : null;
      if (started && started < received)
        throw new BadInputError('investigationStartedOn cannot be before reportReceivedOn.', {
          reportReceivedOn: received,
          investigationStartedOn: started,
        });
      const initial = await ruleInForce(ctx.db, 'initialAssessmentDays', received);
      const initialAssessment = Object.assign(new Deadline(), {
        due: addDays(received, initial.value),
        days: initial.value,
        months: null,
        legalBasis: initial.rules.legalBasis?.initialAssessment ?? 'SoL 20 kap. 2 §',
        routineVersion: initial.version,
      });
      let investigation: Deadline | null = null;
      if (started) {
        const rule = await ruleInForce(ctx.db, 'investigationMonths', started);
        investigation = Object.assign(new Deadline(), {
          due: addMonths(started, rule.value),
          days: null,
          months: rule.value,
          legalBasis: rule.rules.legalBasis?.investigation ?? 'SoL 20 kap. 3 §',
          routineVersion: rule.version,
        });
      }
      return Object.assign(new Deadlines(), {
        initialAssessmentDue: initialAssessment.due,
        investigationDue: investigation?.due ?? null,
        legalBasis: [initialAssessment.legalBasis, ...(investigation ? [investigation.legalBasis] : [])],
        routineVersion: initial.version,
        initialAssessment,
        investigation,
      });
    }
  }
  return [DeadlinesResolver];
}

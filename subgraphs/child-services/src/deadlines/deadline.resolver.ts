import { Arg, Ctx, FieldResolver, Resolver } from 'type-graphql';
import { GraphQLDate, isoDate, type Constructor, type SubgraphContext } from '@samsyn/core';
import type { AreaTypes } from '@samsyn/area';
import { DeadlineService } from './deadline.service';
import { Deadlines } from './deadline.types';

/** `childServices { deadlines(…) }`: the same due dates for the same dates in every district. */
export function deadlineResolvers(types: AreaTypes): Constructor[] {
  @Resolver(() => types.Namespace)
  class DeadlinesResolver {
    @FieldResolver(() => Deadlines, {
      description: 'Due dates from the statutory limits of SoL 20 kap. 2–3 §§, as the routine in force sets them.',
    })
    deadlines(
      @Ctx() ctx: SubgraphContext,
      @Arg('reportReceivedOn', () => GraphQLDate, { description: 'The day the report of concern came in.' }) reportReceivedOn: Date,
      @Arg('investigationStartedOn', () => GraphQLDate, { nullable: true, description: 'The day the investigation started, once it has.' })
      investigationStartedOn?: Date | null,
    ): Promise<Deadlines> {
      return new DeadlineService(ctx.db).deadlines(
        isoDate(reportReceivedOn),
        investigationStartedOn ? isoDate(investigationStartedOn) : null,
      );
    }
  }
  return [DeadlinesResolver];
}

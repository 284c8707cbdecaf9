import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '@samsyn/core';
import { Area } from '@samsyn/area';
import { ProcessLeader } from './process-leader.entity';
import { ProcessLeaderService } from './process-leader.service';

@Resolver(() => ProcessLeader)
export class ProcessLeaderResolver {
  @Query(() => [ProcessLeader], { description: 'The process leader directory, optionally for one area.' })
  processLeaders(
    @Ctx() ctx: SubgraphContext,
    @Arg('area', () => Area, { nullable: true, description: 'Only the leaders of this area; all when left out.' }) area?: Area | null,
  ): Promise<ProcessLeader[]> {
    return new ProcessLeaderService(ctx.db).list(area ? [area] : undefined);
  }
}

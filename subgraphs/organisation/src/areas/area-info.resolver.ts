import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@samsyn/core';
import { AREAS } from '@samsyn/area';
import { ProcessLeader } from '../process-leaders/process-leader.entity';
import { processLeadersOfArea } from '../process-leaders/process-leader.loaders';
import { AreaInfo } from './area-info.types';

@Resolver(() => AreaInfo)
export class AreaInfoResolver {
  @Query(() => [AreaInfo], { description: 'The four areas of platform work.' })
  areas(): AreaInfo[] {
    return Object.values(AREAS).map(({ area, name, description }) => ({ area, name, description }));
  }

  @FieldResolver(() => [ProcessLeader], { description: 'Who leads its platform work.' })
  processLeaders(@Root() info: AreaInfo, @Ctx() ctx: SubgraphContext): Promise<ProcessLeader[]> {
    return processLeadersOfArea(ctx).load(info.area);
  }
}

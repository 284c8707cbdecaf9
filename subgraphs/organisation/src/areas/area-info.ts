import { Ctx, Directive, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@samsyn/core';
import { Area, AREAS } from '@samsyn/area';
import { ProcessLeader } from '../process-leaders/process-leader.entity';
import { processLeadersOfArea } from '../process-leaders/process-leader.loaders';

@ObjectType({ description: 'A target-group area and who leads its platform work.' })
@Directive('@cacheControl(maxAge: 300)')
export class AreaInfo {
  @Field(() => Area, { description: 'The area.' })
  area!: Area;

  @Field({ description: 'The Swedish name.' })
  name!: string;

  @Field({ description: 'What the area covers, in Swedish.' })
  description!: string;
}

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

import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@samsyn/core';
import { AreaNamespace } from '@samsyn/area';
import { indicatorsOf } from './indicator.loaders';
import { Indicator } from './indicator.types';

/** `indicators` of every area, on the interface the areas share. */
@Resolver(() => AreaNamespace)
export class IndicatorResolver {
  @FieldResolver(() => [Indicator], { description: 'The indicators districts are compared on.' })
  indicators(@Root() ns: AreaNamespace, @Ctx() ctx: SubgraphContext): Promise<Indicator[]> {
    return indicatorsOf(ctx).load(ns.area);
  }
}

import { Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { privateToCaller, PUBLISHED, type Constructor, type SubgraphContext } from '@samsyn/core';
import type { DistrictKey } from './area-district';
import { AreaProfile } from './area-profile';
import type { AreaMutationsBase, AreaNamespace, AreaTypes } from './area-types';

/** The root fields of an area (`childServices` on Query and Mutation) and its field on District. */
export function areaRootResolvers(types: AreaTypes): Constructor[] {
  const { facts } = types;
  const namespace = (): AreaNamespace => ({ area: facts.area, name: facts.name });

  @Resolver()
  class AreaRootResolver {
    // Nullable on purpose: while this subgraph is down, the rest of a query still returns data.
    @Query(() => types.Namespace, {
      name: facts.rootField,
      nullable: true,
      description: `${facts.name}. Null only while its subgraph is unavailable.`,
    })
    @Directive(PUBLISHED)
    namespace(@Ctx() ctx: SubgraphContext): AreaNamespace {
      // The namespace itself is constant; its fields narrow the cache hint as they need.
      privateToCaller(ctx);
      return namespace();
    }

    @Mutation(() => types.Mutations, { name: facts.rootField, description: `Changes in ${facts.name}.` })
    mutations(): AreaMutationsBase {
      return namespace();
    }
  }

  @Resolver(() => types.District)
  class DistrictProfileResolver {
    @FieldResolver(() => AreaProfile, {
      name: facts.rootField,
      nullable: true,
      description: `The district's profile in ${facts.name}. Null only while its subgraph is unavailable.`,
    })
    profile(@Root() district: DistrictKey): AreaProfile {
      return { area: facts.area, name: facts.name, district: district.code };
    }
  }

  return [AreaRootResolver, DistrictProfileResolver];
}

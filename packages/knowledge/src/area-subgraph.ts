import type { DataSource, MigrationInterface } from 'typeorm';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Ctx,
  Directive,
  Field,
  FieldResolver,
  Info,
  InterfaceType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  type NonEmptyArray,
} from 'type-graphql';
import {
  buildFederatedSchema,
  cachePublic,
  type ReferenceResolvers,
  type SubgraphContext,
  type SubgraphDefinition,
  type SubgraphName,
} from '@samsyn/core';
import { Area, AREAS, type AreaFacts } from './area';
import { AreaProfile } from './profile';

// type-graphql takes classes of any shape as resolvers and entities.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type AnyClass = Function;

/**
 * The shape the four areas share (`childServices`, `adultServices`, … on Query), so that a client
 * spreads one fragment over all of them. Shared packages resolve its fields on the interface itself
 * (`@Resolver(() => AreaNamespace)`), so every area subgraph defines it identically; area-specific
 * fields (deadlines, instruments, …) stay on the area's own type.
 */
@InterfaceType('AreaNamespace', {
  description:
    'What every area offers alike: its routines, guidelines and methods, the indicators districts are compared on, comparisons and series. Spread one fragment on it to read all four areas the same way.',
  resolveType: (namespace: { area: Area }) => AREAS[namespace.area].typeName,
})
export abstract class AreaNamespace {
  @Field(() => Area, { description: 'Which area this is.' })
  area!: Area;

  @Field({ description: 'The Swedish name of the area.' })
  name!: string;
}

/** What an area's mutation namespace (`mutation { childServices { … } }`) carries into its field resolvers. */
@ObjectType({ description: 'Base of every area mutation namespace; not itself in the schema.' })
export abstract class AreaMutationsBase {
  @Field(() => Area, { description: 'Which area this is.' })
  area!: Area;

  @Field({ description: 'The Swedish name of the area.' })
  name!: string;
}

/** The district as an area subgraph sees it: the code district systems report with, a key it contributes fields to. */
export interface DistrictKey {
  code: string;
}

/** The GraphQL types one area subgraph is built around; area-specific resolvers target these. */
export interface AreaTypes {
  facts: AreaFacts;
  Namespace: abstract new () => AreaNamespace;
  Mutations: abstract new () => AreaMutationsBase;
  District: new () => DistrictKey;
}

/** A piece of an area subgraph: shared packages and the area's own capabilities alike. */
export interface AreaModule {
  entities?: AnyClass[];
  migrations?: (new () => MigrationInterface)[];
  resolvers(types: AreaTypes): AnyClass[];
  orphanedTypes?: AnyClass[];
  references?: ReferenceResolvers;
  /** Loads this module's demo data for the area; running it again changes nothing. */
  seed?(db: DataSource, area: Area, today: string): Promise<void>;
}

let districtOfSchemaBeingBuilt: (new () => DistrictKey) | undefined;

/**
 * The District type of the area subgraph whose schema is being built. Shared types (an adoption, a
 * comparison entry) point their `district` field at it: each area has its own District class, since
 * type-graphql keeps the fields a resolver adds to a class for every later schema in the process.
 */
export function AreaDistrict(): new () => DistrictKey {
  if (!districtOfSchemaBeingBuilt) throw new Error('AreaDistrict() is only known while an area schema is built');
  return districtOfSchemaBeingBuilt;
}

/** Creates the namespace, mutation namespace and District types of one area. */
export function defineArea(area: Area): AreaTypes {
  const facts = AREAS[area];

  @ObjectType(facts.typeName, {
    implements: AreaNamespace,
    description: `${facts.name}: the area's shared documents, indicators and comparisons, and what only this area has.`,
  })
  class Namespace extends AreaNamespace {}

  @ObjectType(`${facts.typeName}Mutations`, {
    description: `Changes in ${facts.name}: the document lifecycle, acknowledgements and reports.`,
  })
  class Mutations extends AreaMutationsBase {}

  @ObjectType('District')
  @Directive('@key(fields: "code")')
  class District implements DistrictKey {
    @Field()
    code!: string;
  }

  return { facts, Namespace, Mutations, District };
}

/** The root fields of an area (`childServices` on Query and Mutation) and its field on District. */
function rootResolvers(types: AreaTypes): AnyClass[] {
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
    namespace(@Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo): AreaNamespace {
      // The namespace itself is constant; its fields narrow the cache hint as they need.
      cachePublic(info, ctx.principal);
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

/** Builds the definition of an area subgraph from its modules. */
export function areaSubgraph(
  types: AreaTypes,
  options: { name: SubgraphName; dbSchema: string; modules: AreaModule[] },
): SubgraphDefinition {
  const { modules } = options;
  const moduleResolvers = modules.flatMap((module) => module.resolvers(types));
  return {
    name: options.name,
    dbSchema: options.dbSchema,
    entities: modules.flatMap((module) => module.entities ?? []) as SubgraphDefinition['entities'],
    migrations: modules.flatMap((module) => module.migrations ?? []),
    buildSchema() {
      const resolvers = [...rootResolvers(types), ...moduleResolvers] as unknown as NonEmptyArray<AnyClass>;
      districtOfSchemaBeingBuilt = types.District;
      try {
        return buildFederatedSchema(
          { resolvers, orphanedTypes: [types.District, ...modules.flatMap((module) => module.orphanedTypes ?? [])] },
          {
            District: { __resolveReference: (reference: DistrictKey) => ({ code: reference.code }) },
            ...Object.assign({}, ...modules.map((module) => module.references ?? {})),
          },
        );
      } finally {
        districtOfSchemaBeingBuilt = undefined;
      }
    },
    async seed(db, today) {
      for (const module of modules) await module.seed?.(db, types.facts.area, today);
    },
  };
}

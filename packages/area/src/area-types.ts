import { Directive, Field, InterfaceType, ObjectType } from 'type-graphql';
import { Area, AREAS, type AreaFacts } from './area';
import type { DistrictClass, DistrictKey } from './area-district';

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

/** The GraphQL types one area subgraph is built around; area-specific resolvers target these. */
export interface AreaTypes {
  facts: AreaFacts;
  Namespace: abstract new () => AreaNamespace;
  Mutations: abstract new () => AreaMutationsBase;
  District: DistrictClass;
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
  @Directive('@cacheControl(maxAge: 300)')
  class District implements DistrictKey {
    @Field()
    code!: string;
  }

  return { facts, Namespace, Mutations, District };
}

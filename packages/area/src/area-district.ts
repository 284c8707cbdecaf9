import type { GraphQLSchema } from 'graphql';

/** The district as an area subgraph sees it: the code district systems report with, a key it contributes fields to. */
export interface DistrictKey {
  code: string;
}

export type DistrictClass = new () => DistrictKey;

/*
 * The one trick of the area framework, kept in this file.
 *
 * Every area subgraph has its own `District` class: type-graphql keeps the fields a resolver adds to
 * a class (`District.childServices`) for every later schema built in the process, so four areas
 * cannot share one. Shared types (an adoption, a comparison entry) still need to point their
 * `district` field at "the District of this area". They do so with a type thunk,
 * `@Field(() => AreaDistrict())`, which type-graphql evaluates while it builds a schema.
 *
 * Invariant: `districtOfSchemaBeingBuilt` is set only inside `buildWithDistrict`, around a schema
 * build that is synchronous (`buildSchemaSync`): no other build can interleave, and nothing reads it
 * outside a build. Calling `AreaDistrict()` anywhere else throws.
 */
let districtOfSchemaBeingBuilt: DistrictClass | undefined;

/** The District type of the area subgraph whose schema is being built; only for type thunks (see above). */
export function AreaDistrict(): DistrictClass {
  if (!districtOfSchemaBeingBuilt) throw new Error('AreaDistrict() is only known while an area schema is built');
  return districtOfSchemaBeingBuilt;
}

/** Runs a synchronous schema build with `AreaDistrict()` answering `District`. */
export function buildWithDistrict(District: DistrictClass, build: () => GraphQLSchema): GraphQLSchema {
  if (districtOfSchemaBeingBuilt) throw new Error('area schemas are built one at a time');
  districtOfSchemaBeingBuilt = District;
  try {
    return build();
  } finally {
    districtOfSchemaBeingBuilt = undefined;
  }
}

import { registerEnumType } from 'type-graphql';
import { AREA_LIST, subgraphOf, dbSchemaOf, type AreaKey, type AreaSubgraphName } from '@samsyn/core';

export { subgraphOf, dbSchemaOf, type AreaSubgraphName };

/**
 * The target-group areas of platform work, as values (`Area.CHILD_SERVICES`) and as a type. Derived from core's
 * AREA_LIST, the one list of areas: each has a subgraph of its own, named after it (`CHILD_SERVICES` →
 * `child-services`, PostgreSQL schema `child_services`), see `subgraphOf`.
 */
export const Area = Object.fromEntries(AREA_LIST.map((entry) => [entry.area, entry.area])) as { readonly [K in AreaKey]: K };
export type Area = AreaKey;

registerEnumType(Area, {
  name: 'Area',
  description: 'A target-group area of platform work, with one subgraph each.',
  valuesConfig: Object.fromEntries(AREA_LIST.map((entry) => [entry.area, { description: entry.label }])),
});

export interface AreaFacts {
  area: Area;
  /** The Swedish name users know the area by. */
  name: string;
  description: string;
  /** The root field of its namespace (`childServices`) and the namespace type (`ChildServices`). */
  rootField: string;
  typeName: string;
}

/** The facts of each area, by area. */
export const AREAS = Object.fromEntries(
  AREA_LIST.map(({ area, name, description, rootField, typeName }) => [area, { area, name, description, rootField, typeName }]),
) as Record<Area, AreaFacts>;

/** Every area, in the order of the list. */
export const ALL_AREAS: readonly Area[] = AREA_LIST.map((entry) => entry.area);

import { registerEnumType } from 'type-graphql';
import type { SubgraphName } from '@samsyn/core';

/**
 * The four target-group areas of platform work: the one list of areas. Each has a subgraph of its own,
 * named after it (`CHILD_SERVICES` → `child-services`, PostgreSQL schema `child_services`), see `subgraphOf`.
 */
export enum Area {
  CHILD_SERVICES = 'CHILD_SERVICES',
  ADULT_SERVICES = 'ADULT_SERVICES',
  DISABILITY = 'DISABILITY',
  INCOME_SUPPORT = 'INCOME_SUPPORT',
}

registerEnumType(Area, {
  name: 'Area',
  description: 'A target-group area of platform work, with one subgraph each.',
  valuesConfig: {
    CHILD_SERVICES: { description: 'Barn och unga' },
    ADULT_SERVICES: { description: 'Vuxen: missbruk och beroende, våld i nära relation, hemlöshet' },
    DISABILITY: { description: 'Funktionshinder: LSS och SoL' },
    INCOME_SUPPORT: { description: 'Försörjningsstöd / ekonomiskt bistånd' },
  },
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

export const AREAS: Record<Area, AreaFacts> = {
  [Area.CHILD_SERVICES]: {
    area: Area.CHILD_SERVICES,
    name: 'Barn och unga',
    description: 'Orosanmälningar, förhandsbedömningar, utredningar, insatser i hemmet och placeringar enligt SoL och LVU.',
    rootField: 'childServices',
    typeName: 'ChildServices',
  },
  [Area.ADULT_SERVICES]: {
    area: Area.ADULT_SERVICES,
    name: 'Vuxen',
    description: 'Missbruk och beroende, våld i nära relation och hemlöshet enligt SoL och LVM.',
    rootField: 'adultServices',
    typeName: 'AdultServices',
  },
  [Area.DISABILITY]: {
    area: Area.DISABILITY,
    name: 'Funktionshinder',
    description: 'Insatser enligt LSS och stöd enligt SoL för personer med funktionsnedsättning.',
    rootField: 'disability',
    typeName: 'Disability',
  },
  [Area.INCOME_SUPPORT]: {
    area: Area.INCOME_SUPPORT,
    name: 'Försörjningsstöd',
    description: 'Ekonomiskt bistånd till hushåll: riksnormen och skäliga kostnader utöver den.',
    rootField: 'incomeSupport',
    typeName: 'IncomeSupport',
  },
};

/** `CHILD_SERVICES` → `child-services`, as a type. */
type KebabCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Lowercase<Head>}-${KebabCase<Tail>}` : Lowercase<S>;
type AreaSubgraphName = KebabCase<`${Area}`>;
type Holds<Condition extends true> = Condition;
/**
 * The compiler holds this list and core's SUBGRAPHS together: every area has a subgraph there, and every
 * subgraph there but organisation is an area's. (Adding an area to one list and not the other fails the build here.)
 */
export type AreasMatchSubgraphs = Holds<
  [AreaSubgraphName] extends [SubgraphName] ? ([Exclude<SubgraphName, 'organisation'>] extends [AreaSubgraphName] ? true : false) : false
>;

/** The subgraph of an area, named after it: `CHILD_SERVICES` → `child-services`. */
export function subgraphOf(area: Area): AreaSubgraphName {
  return area.toLowerCase().replace(/_/g, '-') as AreaSubgraphName;
}

/** The PostgreSQL schema an area's subgraph owns: `CHILD_SERVICES` → `child_services`. */
export function dbSchemaOf(area: Area): string {
  return area.toLowerCase();
}

/**
 * The target-group areas of platform work: THE one list of areas. Everything else that names an area derives
 * from it: the subgraphs and their ports (config.ts), the GraphQL `Area` enum and the area namespaces
 * (packages/area), the launcher, migrations, imports and docker-compose.yml (`npm run compose`).
 *
 * Adding an area is an entry here plus its folder `subgraphs/<subgraph>` (a workspace `@samsyn/<subgraph>`
 * whose main module exports `subgraph = areaSubgraph(Area.X, { modules })`), see docs/design.md, "Adding an area".
 * Core holds the list, not packages/area, because every process needs the topology before any subgraph loads.
 */
export const AREA_LIST = [
  {
    area: 'CHILD_SERVICES',
    rootField: 'childServices',
    typeName: 'ChildServices',
    name: 'Barn och unga',
    label: 'Barn och unga',
    description: 'Orosanmälningar, förhandsbedömningar, utredningar, insatser i hemmet och placeringar enligt SoL och LVU.',
  },
  {
    area: 'ADULT_SERVICES',
    rootField: 'adultServices',
    typeName: 'AdultServices',
    name: 'Vuxen',
    label: 'Vuxen: missbruk och beroende, våld i nära relation, hemlöshet',
    description: 'Missbruk och beroende, våld i nära relation och hemlöshet enligt SoL och LVM.',
  },
  {
    area: 'DISABILITY',
    rootField: 'disability',
    typeName: 'Disability',
    name: 'Funktionshinder',
    label: 'Funktionshinder: LSS och SoL',
    description: 'Insatser enligt LSS och stöd enligt SoL för personer med funktionsnedsättning.',
  },
  {
    area: 'INCOME_SUPPORT',
    rootField: 'incomeSupport',
    typeName: 'IncomeSupport',
    name: 'Försörjningsstöd',
    label: 'Försörjningsstöd / ekonomiskt bistånd',
    description: 'Ekonomiskt bistånd till hushåll: riksnormen och skäliga kostnader utöver den.',
  },
] as const satisfies readonly AreaEntry[];

export interface AreaEntry {
  /** The value in the API (`CHILD_SERVICES`); the subgraph and PostgreSQL schema are named after it. */
  area: string;
  /** The root field of its namespace (`childServices`) and the namespace type (`ChildServices`). */
  rootField: string;
  typeName: string;
  /** The Swedish name users know the area by. */
  name: string;
  /** The description of the `Area` enum value in the schema. */
  label: string;
  description: string;
}

/** An area as the API spells it: `CHILD_SERVICES`. */
export type AreaKey = (typeof AREA_LIST)[number]['area'];

/** `CHILD_SERVICES` → `child-services`, as a type. */
type KebabCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Lowercase<Head>}-${KebabCase<Tail>}` : Lowercase<S>;
/** The subgraph of an area, named after it. */
export type AreaSubgraphName = KebabCase<AreaKey>;

/** The subgraph of an area, named after it: `CHILD_SERVICES` → `child-services`. */
export function subgraphOf(area: AreaKey): AreaSubgraphName {
  return area.toLowerCase().replace(/_/g, '-') as AreaSubgraphName;
}

/** The PostgreSQL schema an area's subgraph owns: `CHILD_SERVICES` → `child_services`. */
export function dbSchemaOf(area: AreaKey): string {
  return area.toLowerCase();
}

import type { Area } from '../gql/graphql';

/**
 * The areas this dashboard shows, with the root field of each (the API names the areas' namespaces alike).
 * An area the API gains later is left out until it is added here and to the per-area operations
 * (operations.graphql, AdoptionPage): the dashboard keeps working meanwhile.
 */
export const AREA_FIELDS = {
  CHILD_SERVICES: 'childServices',
  ADULT_SERVICES: 'adultServices',
  DISABILITY: 'disability',
  INCOME_SUPPORT: 'incomeSupport',
} as const satisfies Partial<Record<Area, string>>;

/** An area the dashboard shows. */
export type ShownArea = keyof typeof AREA_FIELDS;
export type AreaField = (typeof AREA_FIELDS)[ShownArea];

export const AREAS = Object.keys(AREA_FIELDS) as ShownArea[];

/** The @include switches of an operation that names all four areas: only `area` on. */
export function onlyArea(area: Area): Record<AreaField, boolean> {
  return {
    childServices: area === 'CHILD_SERVICES',
    adultServices: area === 'ADULT_SERVICES',
    disability: area === 'DISABILITY',
    incomeSupport: area === 'INCOME_SUPPORT',
  };
}

export function isArea(value: string | undefined): value is ShownArea {
  return value !== undefined && value in AREA_FIELDS;
}

/** The root field of an area the dashboard shows (its catalogue holds only those, so no other reaches here). */
export function fieldOf(area: Area): AreaField {
  const shown: string = area;
  if (!isArea(shown)) throw new Error(`the dashboard does not show the area ${shown}`);
  return AREA_FIELDS[shown];
}

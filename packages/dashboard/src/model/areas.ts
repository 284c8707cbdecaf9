import type { Area } from '../gql/graphql';

/** The root field of each area: the API names the four areas' namespaces alike. */
export const AREA_FIELDS = {
  CHILD_SERVICES: 'childServices',
  ADULT_SERVICES: 'adultServices',
  DISABILITY: 'disability',
  INCOME_SUPPORT: 'incomeSupport',
} as const satisfies Record<Area, string>;

export type AreaField = (typeof AREA_FIELDS)[Area];

export const AREAS = Object.keys(AREA_FIELDS) as Area[];

/** The @include switches of an operation that names all four areas: only `area` on. */
export function onlyArea(area: Area): Record<AreaField, boolean> {
  return {
    childServices: area === 'CHILD_SERVICES',
    adultServices: area === 'ADULT_SERVICES',
    disability: area === 'DISABILITY',
    incomeSupport: area === 'INCOME_SUPPORT',
  };
}

export function isArea(value: string | undefined): value is Area {
  return value !== undefined && value in AREA_FIELDS;
}

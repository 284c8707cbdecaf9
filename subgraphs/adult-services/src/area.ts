import { Area, defineArea } from '@samsyn/knowledge';

/** The GraphQL types of this area: `adultServices` on Query, Mutation and District. */
export const adultServices = defineArea(Area.ADULT_SERVICES);

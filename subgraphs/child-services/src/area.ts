import { Area, defineArea } from '@samsyn/knowledge';

/** The GraphQL types of this area: `childServices` on Query, Mutation and District. */
export const childServices = defineArea(Area.CHILD_SERVICES);

import { Area, defineArea } from '@samsyn/knowledge';

/** The GraphQL types of this area: `disability` on Query, Mutation and District. */
export const disability = defineArea(Area.DISABILITY);

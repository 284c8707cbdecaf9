import { Area, defineArea } from '@samsyn/knowledge';

/** The GraphQL types of this area: `incomeSupport` on Query, Mutation and District. */
export const incomeSupport = defineArea(Area.INCOME_SUPPORT);

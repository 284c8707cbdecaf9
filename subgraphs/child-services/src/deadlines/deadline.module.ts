import type { AreaModule } from '@samsyn/area';
import { deadlineResolvers } from './deadline.resolver';

/** Statutory due dates for a report of concern about a child, from the routine in force. */
export const deadlineModule: AreaModule = { resolvers: deadlineResolvers };

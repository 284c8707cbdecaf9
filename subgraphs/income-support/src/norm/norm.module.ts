import type { AreaModule } from '@samsyn/area';
import { normResolvers } from './norm.resolver';

/** The national norm for income support: the published yearly tables, the household calculation and norm drafts. */
export const normModule: AreaModule = { resolvers: normResolvers };

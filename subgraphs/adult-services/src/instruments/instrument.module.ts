import type { AreaModule } from '@samsyn/area';
import { Instruments1763800005000 } from '../../migrations/1763800005000-Instruments';
import { InstrumentFieldsResolver, instrumentResolvers } from './instrument.resolver';

/** The instruments and methods of adult services, and which districts use them. */
export const instrumentModule: AreaModule = {
  migrations: [Instruments1763800005000],
  resolvers: (types) => [...instrumentResolvers(types), InstrumentFieldsResolver],
};

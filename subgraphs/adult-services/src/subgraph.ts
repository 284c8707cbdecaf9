import { Area, areaSubgraph } from '@samsyn/area';
// Knowledge before equality: the order types are first declared is the order schema/*.graphql prints them.
import { knowledgeModule } from '@samsyn/knowledge';
import { equalityModule } from '@samsyn/equality';
import { knowledgeDemo } from '@samsyn/knowledge/seed';
import { Instruments1763800005000 } from '../migrations/1763800005000-Instruments';
import { ADULT_SERVICES_DOCUMENTS } from '../seed/documents';
import { ADULT_SERVICES_INDICATORS } from '../seed/indicators';
import { seedInstruments } from './instruments/instruments';
import { InstrumentFieldsResolver, instrumentResolvers } from './instruments/instruments.resolver';

export const subgraph = areaSubgraph(Area.ADULT_SERVICES, {
  modules: [
    knowledgeModule,
    knowledgeDemo(ADULT_SERVICES_DOCUMENTS),
    equalityModule(ADULT_SERVICES_INDICATORS),
    {
      migrations: [Instruments1763800005000],
      resolvers: (types) => [...instrumentResolvers(types), InstrumentFieldsResolver],
      seed: (db) => seedInstruments(db),
    },
  ],
});

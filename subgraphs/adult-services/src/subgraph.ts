import { equalityModule } from '@samsyn/equality';
import { areaSubgraph, knowledgeModule } from '@samsyn/knowledge';
import { Instruments1763800005000 } from '../migrations/1763800005000-Instruments';
import { ADULT_SERVICES_DOCUMENTS } from '../seed/documents';
import { ADULT_SERVICES_INDICATORS } from '../seed/indicators';
import { adultServices } from './area';
import { seedInstruments } from './instruments/instruments';
import { InstrumentFieldsResolver, instrumentResolvers } from './instruments/instruments.resolver';

export const subgraph = areaSubgraph(adultServices, {
  name: 'adult-services',
  dbSchema: 'adult_services',
  modules: [
    knowledgeModule(ADULT_SERVICES_DOCUMENTS),
    equalityModule(ADULT_SERVICES_INDICATORS),
    {
      migrations: [Instruments1763800005000],
      resolvers: (types) => [...instrumentResolvers(types), InstrumentFieldsResolver],
      seed: (db) => seedInstruments(db),
    },
  ],
});

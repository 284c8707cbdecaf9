import { equalityModule } from '@samsyn/equality';
import { areaSubgraph, knowledgeModule } from '@samsyn/knowledge';
import { ADULT_SERVICES_DOCUMENTS } from '../seed/documents';
import { ADULT_SERVICES_INDICATORS } from '../seed/indicators';
import { seedInstruments } from '../seed/instruments';
import { adultServices } from './area';
import { instrumentModule } from './instruments/instrument.module';

export const subgraph = areaSubgraph(adultServices, {
  name: 'adult-services',
  dbSchema: 'adult_services',
  modules: [
    knowledgeModule(ADULT_SERVICES_DOCUMENTS),
    equalityModule(ADULT_SERVICES_INDICATORS),
    { ...instrumentModule, seed: (db) => seedInstruments(db) },
  ],
});

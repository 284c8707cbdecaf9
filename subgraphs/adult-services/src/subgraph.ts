import { areaSubgraph, knowledgeModule } from '@samsyn/knowledge';
import { ADULT_SERVICES_DOCUMENTS } from '../seed/documents';
import { adultServices } from './area';

export const subgraph = areaSubgraph(adultServices, {
  name: 'adult-services',
  dbSchema: 'adult_services',
  modules: [knowledgeModule(ADULT_SERVICES_DOCUMENTS)],
});

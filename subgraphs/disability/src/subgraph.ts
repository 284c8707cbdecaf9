import { areaSubgraph, knowledgeModule } from '@samsyn/knowledge';
import { DISABILITY_DOCUMENTS } from '../seed/documents';
import { disability } from './area';

export const subgraph = areaSubgraph(disability, {
  name: 'disability',
  dbSchema: 'disability',
  modules: [knowledgeModule(DISABILITY_DOCUMENTS)],
});

import { equalityModule } from '@samsyn/equality';
import { areaSubgraph, knowledgeModule } from '@samsyn/knowledge';
import { DISABILITY_DOCUMENTS } from '../seed/documents';
import { DISABILITY_INDICATORS } from '../seed/indicators';
import { disability } from './area';

export const subgraph = areaSubgraph(disability, {
  name: 'disability',
  dbSchema: 'disability',
  modules: [knowledgeModule(DISABILITY_DOCUMENTS), equalityModule(DISABILITY_INDICATORS)],
});

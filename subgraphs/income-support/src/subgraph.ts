import { areaSubgraph, knowledgeModule } from '@samsyn/knowledge';
import { INCOME_SUPPORT_DOCUMENTS } from '../seed/documents';
import { incomeSupport } from './area';

export const subgraph = areaSubgraph(incomeSupport, {
  name: 'income-support',
  dbSchema: 'income_support',
  modules: [knowledgeModule(INCOME_SUPPORT_DOCUMENTS)],
});

import { equalityModule } from '@samsyn/equality';
import { areaSubgraph, knowledgeModule } from '@samsyn/knowledge';
import { INCOME_SUPPORT_DOCUMENTS } from '../seed/documents';
import { INCOME_SUPPORT_INDICATORS } from '../seed/indicators';
import { incomeSupport } from './area';

export const subgraph = areaSubgraph(incomeSupport, {
  name: 'income-support',
  dbSchema: 'income_support',
  modules: [knowledgeModule(INCOME_SUPPORT_DOCUMENTS), equalityModule(INCOME_SUPPORT_INDICATORS)],
});

import { equalityModule } from '@samsyn/equality';
import { areaSubgraph, knowledgeModule } from '@samsyn/knowledge';
import { INCOME_SUPPORT_DOCUMENTS } from '../seed/documents';
import { INCOME_SUPPORT_INDICATORS } from '../seed/indicators';
import { nationalNormDocument } from '../seed/norm';
import { incomeSupport } from './area';
import { normModule } from './norm/norm.module';

export const subgraph = areaSubgraph(incomeSupport, {
  name: 'income-support',
  dbSchema: 'income_support',
  modules: [knowledgeModule([...INCOME_SUPPORT_DOCUMENTS, nationalNormDocument()]), equalityModule(INCOME_SUPPORT_INDICATORS), normModule],
});

import { areaSubgraph } from '@samsyn/knowledge';
import { incomeSupport } from './area';

export const subgraph = areaSubgraph(incomeSupport, {
  name: 'income-support',
  dbSchema: 'income_support',
  modules: [],
});

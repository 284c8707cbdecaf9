import { areaSubgraph } from '@samsyn/knowledge';
import { disability } from './area';

export const subgraph = areaSubgraph(disability, {
  name: 'disability',
  dbSchema: 'disability',
  modules: [],
});

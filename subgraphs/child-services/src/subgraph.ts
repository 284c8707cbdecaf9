import { areaSubgraph } from '@samsyn/knowledge';
import { childServices } from './area';

export const subgraph = areaSubgraph(childServices, {
  name: 'child-services',
  dbSchema: 'child_services',
  modules: [],
});

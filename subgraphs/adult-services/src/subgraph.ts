import { areaSubgraph } from '@samsyn/knowledge';
import { adultServices } from './area';

export const subgraph = areaSubgraph(adultServices, {
  name: 'adult-services',
  dbSchema: 'adult_services',
  modules: [],
});

import { equalityModule } from '@samsyn/equality';
import { areaSubgraph, knowledgeModule } from '@samsyn/knowledge';
import { CHILD_SERVICES_DOCUMENTS } from '../seed/documents';
import { CHILD_SERVICES_INDICATORS } from '../seed/indicators';
import { childServices } from './area';
import { deadlineModule } from './deadlines/deadline.module';

export const subgraph = areaSubgraph(childServices, {
  name: 'child-services',
  dbSchema: 'child_services',
  modules: [knowledgeModule(CHILD_SERVICES_DOCUMENTS), equalityModule(CHILD_SERVICES_INDICATORS), deadlineModule],
});

import { Area, areaSubgraph } from '@samsyn/area';
import { changesModule } from '@samsyn/changes';
// Knowledge before equality: the order types are first declared is the order schema/*.graphql prints them.
import { knowledgeModule } from '@samsyn/knowledge';
import { equalityModule } from '@samsyn/equality';
import { equalityDemo } from '@samsyn/equality/seed';
import { knowledgeDemo } from '@samsyn/knowledge/seed';
import { CHILD_SERVICES_DOCUMENTS } from '../seed/documents';
import { CHILD_SERVICES_INDICATORS } from './indicators';
import { deadlineModule } from './deadlines/deadline.module';

export const subgraph = areaSubgraph(Area.CHILD_SERVICES, {
  modules: [
    knowledgeModule,
    knowledgeDemo(CHILD_SERVICES_DOCUMENTS),
    equalityModule(),
    equalityDemo(CHILD_SERVICES_INDICATORS),
    deadlineModule,
    changesModule,
  ],
});

import { Area, areaSubgraph } from '@samsyn/area';
import { changesModule } from '@samsyn/changes';
// Knowledge before equality: the order types are first declared is the order schema/*.graphql prints them.
import { knowledgeModule } from '@samsyn/knowledge';
import { equalityModule } from '@samsyn/equality';
import { equalityDemo } from '@samsyn/equality/seed';
import { knowledgeDemo } from '@samsyn/knowledge/seed';
import { INCOME_SUPPORT_DOCUMENTS } from '../seed/documents';
import { INCOME_SUPPORT_INDICATORS } from './indicators';
import { nationalNormDocument } from '../seed/norm';
import { normModule } from './norm/norm.module';

export const subgraph = areaSubgraph(Area.INCOME_SUPPORT, {
  modules: [
    knowledgeModule,
    knowledgeDemo([...INCOME_SUPPORT_DOCUMENTS, nationalNormDocument()]),
    equalityModule(),
    equalityDemo(INCOME_SUPPORT_INDICATORS),
    normModule,
    changesModule,
  ],
});

import { Area, areaSubgraph } from '@samsyn/area';
import { changesModule } from '@samsyn/changes';
// Knowledge before equality: the order types are first declared is the order schema/*.graphql prints them.
import { knowledgeModule } from '@samsyn/knowledge';
import { equalityModule } from '@samsyn/equality';
import { equalityDemo } from '@samsyn/equality/seed';
import { knowledgeDemo } from '@samsyn/knowledge/seed';
import { ADULT_SERVICES_DOCUMENTS } from '../seed/documents';
import { ADULT_SERVICES_INDICATORS } from './indicators';
import { instrumentDemo } from '../seed/instruments';
import { instrumentModule } from './instruments/instrument.module';

export const subgraph = areaSubgraph(Area.ADULT_SERVICES, {
  modules: [
    knowledgeModule,
    knowledgeDemo(ADULT_SERVICES_DOCUMENTS),
    equalityModule(),
    equalityDemo(ADULT_SERVICES_INDICATORS),
    instrumentModule,
    instrumentDemo,
    changesModule,
  ],
});

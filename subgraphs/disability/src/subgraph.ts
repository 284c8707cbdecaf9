import { equalityModule } from '@samsyn/equality';
import { areaSubgraph, knowledgeModule } from '@samsyn/knowledge';
import { DISABILITY_DOCUMENTS } from '../seed/documents';
import { DISABILITY_INDICATORS } from '../seed/indicators';
import { seedInterventions } from '../seed/interventions';
import { disability } from './area';
import { interventionModule } from './interventions/intervention.module';
import { notCarriedOutBreakdown } from './interventions/intervention.service';

export const subgraph = areaSubgraph(disability, {
  name: 'disability',
  dbSchema: 'disability',
  modules: [
    knowledgeModule(DISABILITY_DOCUMENTS),
    equalityModule(DISABILITY_INDICATORS, { breakdowns: [notCarriedOutBreakdown] }),
    { ...interventionModule, seed: (db) => seedInterventions(db) },
  ],
});

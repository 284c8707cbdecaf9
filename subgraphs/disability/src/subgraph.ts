import { equalityModule } from '@samsyn/equality';
import { areaSubgraph, knowledgeModule } from '@samsyn/knowledge';
import { Interventions1763800004000 } from '../migrations/1763800004000-Interventions';
import { DISABILITY_DOCUMENTS } from '../seed/documents';
import { DISABILITY_INDICATORS } from '../seed/indicators';
import { disability } from './area';
import { InterventionFieldsResolver, interventionResolvers } from './interventions/interventions.resolver';
import { notCarriedOutBreakdown, seedInterventions } from './interventions/interventions.service';

export const subgraph = areaSubgraph(disability, {
  name: 'disability',
  dbSchema: 'disability',
  modules: [
    knowledgeModule(DISABILITY_DOCUMENTS),
    equalityModule(DISABILITY_INDICATORS, { breakdowns: [notCarriedOutBreakdown] }),
    {
      migrations: [Interventions1763800004000],
      resolvers: (types) => [...interventionResolvers(types), InterventionFieldsResolver],
      seed: (db) => seedInterventions(db),
    },
  ],
});

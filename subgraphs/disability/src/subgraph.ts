import { Area, areaSubgraph } from '@samsyn/area';
// Knowledge before equality: the order types are first declared is the order schema/*.graphql prints them.
import { knowledgeModule } from '@samsyn/knowledge';
import { equalityModule } from '@samsyn/equality';
import { knowledgeDemo } from '@samsyn/knowledge/seed';
import { Interventions1763800004000 } from '../migrations/1763800004000-Interventions';
import { DISABILITY_DOCUMENTS } from '../seed/documents';
import { DISABILITY_INDICATORS } from '../seed/indicators';
import { InterventionFieldsResolver, interventionResolvers } from './interventions/interventions.resolver';
import { notCarriedOutBreakdown, seedInterventions } from './interventions/interventions.service';

export const subgraph = areaSubgraph(Area.DISABILITY, {
  modules: [
    knowledgeModule,
    knowledgeDemo(DISABILITY_DOCUMENTS),
    equalityModule(DISABILITY_INDICATORS, { breakdowns: [notCarriedOutBreakdown] }),
    {
      migrations: [Interventions1763800004000],
      resolvers: (types) => [...interventionResolvers(types), InterventionFieldsResolver],
      seed: (db) => seedInterventions(db),
    },
  ],
});

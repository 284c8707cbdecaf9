import type { AreaModule } from '@samsyn/area';
import { Interventions1763800004000 } from '../../migrations/1763800004000-Interventions';
import { InterventionFieldsResolver, interventionResolvers } from './intervention.resolver';

/**
 * The interventions of LSS and SoL and the decisions not carried out in time; their breakdown of
 * DI-NOTEX3M (`notCarriedOutBreakdown`) goes to the equality module, which protects them together.
 */
export const interventionModule: AreaModule = {
  migrations: [Interventions1763800004000],
  resolvers: (types) => [...interventionResolvers(types), InterventionFieldsResolver],
};

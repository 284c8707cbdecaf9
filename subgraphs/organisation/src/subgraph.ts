import type { SubgraphDefinition } from '@samsyn/core';
import { Organisation1763800000000 } from '../migrations/1763800000000-Organisation';
import { ProcessLeaderAreasUnlisted1763800008000 } from '../migrations/1763800008000-ProcessLeaderAreasUnlisted';
import { seedOrganisation } from '../seed';
import { District } from './districts/district.entity';
import { ProcessLeader } from './process-leaders/process-leader.entity';
import { buildOrganisationSchema } from './schema';

export { District, ProcessLeader };

export const subgraph: SubgraphDefinition = {
  name: 'organisation',
  dbSchema: 'organisation',
  entities: [District, ProcessLeader],
  migrations: [Organisation1763800000000, ProcessLeaderAreasUnlisted1763800008000],
  buildSchema: buildOrganisationSchema,
  seed: (db) => seedOrganisation(db),
};

import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@samsyn/core';
import { AreaInfoResolver } from './areas/area-info.resolver';
import { resolveDistrictReference } from './districts/district.reference';
import { DistrictResolver } from './districts/district.resolver';
import { resolveProcessLeaderReference } from './process-leaders/process-leader.reference';
import { ProcessLeaderResolver } from './process-leaders/process-leader.resolver';

/** The organisation subgraph: districts, areas and process leaders. */
export function buildOrganisationSchema(): GraphQLSchema {
  return buildFederatedSchema(
    { resolvers: [DistrictResolver, AreaInfoResolver, ProcessLeaderResolver] },
    {
      District: { __resolveReference: resolveDistrictReference },
      ProcessLeader: { __resolveReference: resolveProcessLeaderReference },
    },
  );
}

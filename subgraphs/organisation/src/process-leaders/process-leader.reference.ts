import type { SubgraphContext } from '@samsyn/core';
import type { ProcessLeader } from './process-leader.entity';
import { processLeaderById } from './process-leader.loaders';

/** Resolves ProcessLeader stubs (document owners) in one statement per request. */
export function resolveProcessLeaderReference(reference: Pick<ProcessLeader, 'id'>, ctx: SubgraphContext): Promise<ProcessLeader | null> {
  return processLeaderById(ctx).load(reference.id);
}

import { byKeys, type SubgraphContext } from '@samsyn/core';
import type { Area } from '@samsyn/area';
import type { ProcessLeader } from './process-leader.entity';
import { ProcessLeaderService } from './process-leader.service';

export function processLeaderById(ctx: SubgraphContext) {
  return ctx.loaders.get<string, ProcessLeader | null>('processLeaderById', async (ids) =>
    byKeys(ids, await new ProcessLeaderService(ctx.db).byIds(ids), (p) => p.id, null),
  );
}

/** The leaders of each area, one statement for all areas of a request. */
export function processLeadersOfArea(ctx: SubgraphContext) {
  return ctx.loaders.get<Area, ProcessLeader[]>('processLeadersOfArea', async (areas) => {
    const leaders = await new ProcessLeaderService(ctx.db).list(areas);
    return areas.map((area) => leaders.filter((leader) => leader.areas.includes(area)));
  });
}

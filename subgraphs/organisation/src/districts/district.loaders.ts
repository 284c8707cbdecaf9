import { byKeys, groupByKeys, type SubgraphContext } from '@samsyn/core';
import type { District } from './district.entity';
import { DistrictService } from './district.service';

/** Districts by id, one statement per request however many are asked for. */
export function districtById(ctx: SubgraphContext) {
  return ctx.loaders.get<string, District | null>('districtById', async (ids) =>
    byKeys(ids, await new DistrictService(ctx.db).byIds(ids), (d) => d.id, null),
  );
}

/** Districts by code, one statement per request. */
export function districtByCode(ctx: SubgraphContext) {
  return ctx.loaders.get<string, District | null>('districtByCode', async (codes) =>
    byKeys(codes, await new DistrictService(ctx.db).byCodes(codes), (d) => d.code, null),
  );
}

/** The predecessors merged into each district, one statement per request. */
export function predecessorsOf(ctx: SubgraphContext) {
  return ctx.loaders.get<string, District[]>('predecessorsOf', async (ids) =>
    groupByKeys(ids, await new DistrictService(ctx.db).predecessors(ids), (d) => d.mergedIntoId as string),
  );
}

import type { SubgraphContext } from '@samsyn/core';
import type { Area } from '@samsyn/area';
import { indicatorsOfArea } from './indicator.service';
import type { Indicator } from './indicator.types';

/** The indicators of an area, once per request. */
export function indicatorsOf(ctx: SubgraphContext) {
  return ctx.loaders.get<Area, Indicator[]>('indicatorsOfArea', (areas) =>
    Promise.all(areas.map((area) => indicatorsOfArea(ctx.db, area))),
  );
}

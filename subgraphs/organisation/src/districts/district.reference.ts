import type { SubgraphContext } from '@samsyn/core';
import type { District } from './district.entity';
import { districtById } from './district.loaders';

/** Resolves the District stubs other subgraphs return, all of one request in one statement. */
export function resolveDistrictReference(reference: Pick<District, 'id'>, ctx: SubgraphContext): Promise<District | null> {
  return districtById(ctx).load(reference.id);
}

import type { SubgraphContext } from '@samsyn/core';
import type { District } from './district.entity';
import { districtByCode, districtById } from './district.loaders';

/**
 * Resolves the District stubs other subgraphs return, by id or by code (the area subgraphs key
 * districts by the code district systems report with), all of one request in one statement per key.
 */
export function resolveDistrictReference(
  reference: Partial<Pick<District, 'id' | 'code'>>,
  ctx: SubgraphContext,
): Promise<District | null> | null {
  if (reference.id !== undefined) return districtById(ctx).load(reference.id);
  if (reference.code !== undefined) return districtByCode(ctx).load(reference.code);
  return null;
}

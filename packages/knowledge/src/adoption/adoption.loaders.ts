import { groupByKeys, type SubgraphContext } from '@samsyn/core';
import type { Area } from '@samsyn/area';
import { DocumentReader } from '../documents/document.reader';
import type { DocumentVersion } from '../documents/document.types';
import { AdoptionService, type AdoptionRow } from './adoption.service';

export function adoptionOfDistrict(ctx: SubgraphContext) {
  return ctx.loaders.get<string, AdoptionRow[]>('adoptionOfDistrict', async (districts) =>
    groupByKeys(districts, await new AdoptionService(ctx.db).ofDistricts(districts), (row) => row.district),
  );
}

export function adoptionOfDocument(ctx: SubgraphContext) {
  return ctx.loaders.get<string, AdoptionRow[]>('adoptionOfDocument', async (ids) =>
    groupByKeys(ids, await new AdoptionService(ctx.db).ofDocuments(ids), (row) => row.document_id),
  );
}

export function inForceInArea(ctx: SubgraphContext) {
  return ctx.loaders.get<Area, DocumentVersion[]>('inForceInArea', async (areas) =>
    Promise.all(areas.map((area) => new DocumentReader(ctx.db).inForceInArea(area, ctx.today))),
  );
}

export function knownDistricts(ctx: SubgraphContext): Promise<string[]> {
  return ctx.loaders.once('knownDistricts', () => new AdoptionService(ctx.db).knownDistricts());
}

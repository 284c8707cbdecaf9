import { byKeys, groupByKeys, type SubgraphContext } from '@samsyn/core';
import { auditEntriesOfDocuments, type Area, type AuditEntry } from '@samsyn/area';
import { DocumentReader } from './document.reader';
import { VersionStatus, type DocumentVersion, type KnowledgeDocument } from './document.types';

/** The version in force on `day` of each document, one statement per day asked about in a request. */
export function versionInForce(ctx: SubgraphContext, day: string) {
  return ctx.loaders.get<string, DocumentVersion | null>(`versionInForce:${day}`, async (ids) =>
    byKeys(ids, await new DocumentReader(ctx.db).inForce(ids, day), (v) => v.documentId, null),
  );
}

/** A document's published version not yet in force (validFrom after today), if it has one. */
export async function upcomingVersion(ctx: SubgraphContext, document: KnowledgeDocument): Promise<DocumentVersion | null> {
  const versions = await versionsOfDocument(ctx).load(document.id);
  return versions.find((v) => v.status === VersionStatus.PUBLISHED && v.validFrom !== null && v.validFrom > ctx.today) ?? null;
}

export function versionsOfDocument(ctx: SubgraphContext) {
  return ctx.loaders.get<string, DocumentVersion[]>('versionsOfDocument', async (ids) =>
    groupByKeys(ids, await new DocumentReader(ctx.db).versionsOf(ids), (v) => v.documentId),
  );
}

export function documentById(ctx: SubgraphContext) {
  return ctx.loaders.get<string, KnowledgeDocument | null>('documentById', async (ids) =>
    byKeys(ids, await new DocumentReader(ctx.db).documentsByIds(ids), (d) => d.id, null),
  );
}

export function versionById(ctx: SubgraphContext) {
  return ctx.loaders.get<string, DocumentVersion | null>('versionById', async (ids) =>
    byKeys(ids, await new DocumentReader(ctx.db).versionsByIds(ids), (v) => v.id, null),
  );
}

export function historyOfDocument(ctx: SubgraphContext) {
  return ctx.loaders.get<string, AuditEntry[]>('historyOfDocument', async (ids) =>
    groupByKeys(ids, await auditEntriesOfDocuments(ctx.db, ids), (entry) => entry.documentId as string),
  );
}

/** Documents of an area by slug, one statement per request. */
export function documentBySlug(ctx: SubgraphContext, area: Area) {
  return ctx.loaders.get<string, KnowledgeDocument | null>(`documentBySlug:${area}`, async (slugs) =>
    byKeys(slugs, await new DocumentReader(ctx.db).documentsBySlugs(area, slugs), (d) => d.slug, null),
  );
}

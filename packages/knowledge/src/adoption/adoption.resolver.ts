import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { errorsDoc, groupByKeys, NEEDS_TOKEN, policy, type Constructor, type SubgraphContext } from '@samsyn/core';
import { AreaProfile, type Area, type AreaNamespace, type AreaTypes } from '@samsyn/area';
import { documentById, versionById, versionInForce } from '../documents/document.loaders';
import { DocumentReader } from '../documents/document.reader';
import { DocumentVersion, KnowledgeDocument } from '../documents/document.types';
import { adoptionOf, AdoptionService, type AdoptionRow } from './adoption.service';
import { Adoption, AdoptionStatus, AdoptionSummary } from './adoption.types';

function adoptionOfDistrict(ctx: SubgraphContext) {
  return ctx.loaders.get<string, AdoptionRow[]>('adoptionOfDistrict', async (districts) =>
    groupByKeys(districts, await new AdoptionService(ctx.db).ofDistricts(districts), (row) => row.district),
  );
}

function adoptionOfDocument(ctx: SubgraphContext) {
  return ctx.loaders.get<string, AdoptionRow[]>('adoptionOfDocument', async (ids) =>
    groupByKeys(ids, await new AdoptionService(ctx.db).ofDocuments(ids), (row) => row.document_id),
  );
}

function inForceInArea(ctx: SubgraphContext) {
  return ctx.loaders.get<Area, DocumentVersion[]>('inForceInArea', async (areas) =>
    Promise.all(areas.map((area) => new DocumentReader(ctx.db).inForceInArea(area, ctx.today))),
  );
}

function knownDistricts(ctx: SubgraphContext): Promise<string[]> {
  return ctx.loaders.once('knownDistricts', () => new AdoptionService(ctx.db).knownDistricts());
}

/** District systems acknowledge versions, in an area's mutations. */
export function adoptionMutations(types: AreaTypes): Constructor[] {
  @Resolver(() => types.Mutations)
  class AdoptionMutationsResolver {
    @FieldResolver(() => Adoption, {
      description: `A district system acknowledges a published version for its own district, or reports it implemented; returns where the district now stands on the document. ${errorsDoc(
        {
          UNAUTHENTICATED: '',
          FORBIDDEN: 'not a district system, or another district than its own',
          NOT_FOUND: 'no such version in the area',
          BAD_USER_INPUT: 'not a published version, or going back from IMPLEMENTED',
        },
      )}`,
    })
    acknowledge(
      @Root() ns: AreaNamespace,
      @Arg('versionId', () => ID, { description: 'The published version.' }) versionId: string,
      @Arg('status', () => AdoptionStatus, { description: 'ACKNOWLEDGED, or IMPLEMENTED once the district works by it.' })
      status: AdoptionStatus,
      @Ctx() ctx: SubgraphContext,
      @Arg('district', () => String, {
        nullable: true,
        description: "The district's code; default and only allowed value: the caller's own district.",
      })
      district?: string | null,
    ): Promise<Adoption> {
      return new AdoptionService(ctx.db).acknowledge(ctx.principal, ns.area, versionId, status, ctx.today, district);
    }
  }
  return [AdoptionMutationsResolver];
}

@Resolver(() => KnowledgeDocument)
export class DocumentAdoptionResolver {
  // Nullable: it needs a token, and a refusal should cost only this field, not the public document around it.
  @FieldResolver(() => [Adoption], {
    nullable: true,
    description: `Where each district stands on the version in force: the districts this area has heard from about adoption, lagging ones first. ${NEEDS_TOKEN}`,
  })
  async adoption(@Root() document: KnowledgeDocument, @Ctx() ctx: SubgraphContext): Promise<Adoption[]> {
    policy.requireAuthenticated(ctx.principal);
    const [current, rows, districts] = await Promise.all([
      versionInForce(ctx, ctx.today).load(document.id),
      adoptionOfDocument(ctx).load(document.id),
      knownDistricts(ctx),
    ]);
    if (!current) return [];
    return districts
      .map((district) => adoptionOf(district, document.id, current, rows, ctx.today))
      .sort((a, b) => Number(b.lagging) - Number(a.lagging) || a.district.code.localeCompare(b.district.code, 'sv'));
  }
}

@Resolver(() => Adoption)
export class AdoptionResolver {
  @FieldResolver(() => KnowledgeDocument, { description: 'The document adopted.' })
  async document(@Root() adoption: Adoption, @Ctx() ctx: SubgraphContext): Promise<KnowledgeDocument> {
    return (await documentById(ctx).load(adoption.documentId)) as KnowledgeDocument;
  }

  @FieldResolver(() => DocumentVersion, { nullable: true, description: 'The newest version the district has acknowledged or implemented.' })
  version(@Root() adoption: Adoption, @Ctx() ctx: SubgraphContext): Promise<DocumentVersion | null> | null {
    return adoption.adoptedVersionId ? versionById(ctx).load(adoption.adoptedVersionId) : null;
  }

  @FieldResolver(() => DocumentVersion, { nullable: true, description: 'The version in force.' })
  currentVersion(@Root() adoption: Adoption, @Ctx() ctx: SubgraphContext): Promise<DocumentVersion | null> | null {
    return adoption.currentVersionId ? versionById(ctx).load(adoption.currentVersionId) : null;
  }
}

@Resolver(() => AreaProfile)
export class ProfileAdoptionResolver {
  @FieldResolver(() => AdoptionSummary, {
    nullable: true,
    description: `The district's adoption of the area's documents in force. ${NEEDS_TOKEN}`,
  })
  async adoption(@Root() profile: AreaProfile, @Ctx() ctx: SubgraphContext): Promise<AdoptionSummary> {
    policy.requireAuthenticated(ctx.principal);
    const [inForce, rows] = await Promise.all([inForceInArea(ctx).load(profile.area), adoptionOfDistrict(ctx).load(profile.district)]);
    const adoptions = inForce.map((current) => adoptionOf(profile.district, current.documentId, current, rows, ctx.today));
    return Object.assign(new AdoptionSummary(), {
      documentsInForce: inForce.length,
      acknowledged: adoptions.filter((s) => !s.lagging).length,
      implemented: adoptions.filter((s) => s.currentStatus === AdoptionStatus.IMPLEMENTED).length,
      lagging: adoptions.filter((s) => s.lagging).sort((a, b) => (b.daysLagging ?? 0) - (a.daysLagging ?? 0)),
    });
  }
}

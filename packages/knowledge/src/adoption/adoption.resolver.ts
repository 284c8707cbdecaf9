import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { errorsDoc, NEEDS_TOKEN, policy, type Constructor, type SubgraphContext } from '@samsyn/core';
import { AreaProfile, type AreaNamespace, type AreaTypes } from '@samsyn/area';
import { documentById, upcomingVersion, versionById, versionInForce } from '../documents/document.loaders';
import { DocumentVersion, KnowledgeDocument } from '../documents/document.types';
import { adoptionOfDistrict, adoptionOfDocument, inForceInArea, knownDistricts } from './adoption.loaders';
import { adoptionOf, AdoptionService } from './adoption.service';
import { Adoption, AdoptionStatus, AdoptionSummary } from './adoption.types';

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
    description: `Where each district stands on the version in force and on a published version not yet in force (currentStatus, upcomingStatus): the districts this area has heard from about adoption, lagging ones first. ${NEEDS_TOKEN}`,
  })
  async adoption(@Root() document: KnowledgeDocument, @Ctx() ctx: SubgraphContext): Promise<Adoption[]> {
    policy.requireAuthenticated(ctx.principal);
    const [current, upcoming, rows, districts] = await Promise.all([
      versionInForce(ctx, ctx.today).load(document.id),
      upcomingVersion(ctx, document),
      adoptionOfDocument(ctx).load(document.id),
      knownDistricts(ctx),
    ]);
    if (!current && !upcoming) return [];
    return districts
      .map((district) => adoptionOf(district, document.id, current, rows, ctx.today, upcoming))
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

  @FieldResolver(() => DocumentVersion, {
    nullable: true,
    description: 'The published version not yet in force (gäller från later than today), which districts may acknowledge ahead.',
  })
  upcomingVersion(@Root() adoption: Adoption, @Ctx() ctx: SubgraphContext): Promise<DocumentVersion | null> | null {
    return adoption.upcomingVersionId ? versionById(ctx).load(adoption.upcomingVersionId) : null;
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

import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { BadInputError, cacheNever, cachePublic, ForbiddenError, GraphQLDate, isoDate, policy, UnauthenticatedError, type SubgraphContext } from '@samsyn/core';
import type { AreaNamespace, AreaTypes } from '../area-subgraph';
import { DocumentLifecycle } from './document.lifecycle';
import { DocumentReader } from './document.reader';
import { documentById, documentBySlug, historyOfDocument, versionInForce, versionsOfDocument } from './loaders';
import {
  AuditEntry,
  DocumentConnection,
  DocumentKind,
  DocumentVersion,
  DraftInput,
  KnowledgeDocument,
  ProcessLeaderRef,
  isPublic,
  PUBLIC_STATUSES,
  VersionStatus,
} from './types';

const MAX_PAGE = 100;

@ArgsType()
export class DocumentsArgs {
  @Field(() => DocumentKind, { nullable: true })
  kind?: DocumentKind | null;

  @Field(() => VersionStatus, {
    defaultValue: VersionStatus.PUBLISHED,
    description: 'PUBLISHED (default): documents in force on validOn. DRAFT or IN_REVIEW (process leaders of the area): documents with such a version.',
  })
  status!: VersionStatus;

  @Field(() => String, { nullable: true, description: 'Part of the target group (målgrupp), any case.' })
  targetGroup?: string | null;

  @Field(() => String, { nullable: true, description: 'Swedish full-text search over title, summary and body, best match first; other inflections of a word match too.' })
  search?: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'The day the documents are in force on; default today.' })
  validOn?: Date | null;

  @Field(() => Int, { defaultValue: 20, description: `Page size, at most ${MAX_PAGE}.` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  // An offset of at most nine digits: a longer one is no cursor this API gave out, and PostgreSQL would refuse it.
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new BadInputError('after is not a cursor this API gave out.', { after: cursor });
  return Number(match[1]);
}

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

/** Whether a document may be shown to the caller: anyone once published, its leaders always. */
async function visible(ctx: SubgraphContext, document: KnowledgeDocument | null): Promise<KnowledgeDocument | null> {
  if (!document || policy.canReadUnpublished(ctx.principal, document.area)) return document;
  const versions = await versionsOfDocument(ctx).load(document.id);
  return versions.some(isPublic) ? document : null;
}

/** `documents` and `document` on an area's namespace, and its document mutations. */
export function documentResolvers(types: AreaTypes): Function[] {
  @Resolver(() => types.Namespace)
  class DocumentsResolver {
    @FieldResolver(() => DocumentConnection, { description: "The area's routines, guidelines and methods, a page at a time." })
    async documents(@Root() ns: AreaNamespace, @Args() args: DocumentsArgs, @Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo): Promise<DocumentConnection> {
      if (args.first < 1 || args.first > MAX_PAGE) throw new BadInputError(`first must be between 1 and ${MAX_PAGE}.`, { first: args.first });
      if (!PUBLIC_STATUSES.includes(args.status)) {
        if (!ctx.principal) throw new UnauthenticatedError(`Sign in to see documents in status ${args.status}.`);
        if (!policy.canReadUnpublished(ctx.principal, ns.area)) throw new ForbiddenError(`Only process leaders of the area see documents in status ${args.status}.`);
        cacheNever(info);
      } else {
        cachePublic(info, ctx.principal);
      }
      const day = args.validOn ? isoDate(args.validOn) : ctx.today;
      const offset = decodeCursor(args.after);
      const { items, total } = await new DocumentReader(ctx.db).page(ns.area, { ...args, day, offset });
      if (args.status === VersionStatus.PUBLISHED) {
        const inForce = versionInForce(ctx, day);
        for (const { document, version } of items) inForce.prime(document.id, version);
      }
      return {
        edges: items.map(({ document, version }, i) => ({ cursor: encodeCursor(offset + i + 1), node: Object.assign(document, { listed: version }) })),
        pageInfo: { hasNextPage: offset + items.length < total, endCursor: items.length ? encodeCursor(offset + items.length) : null },
        totalCount: total,
      };
    }

    @FieldResolver(() => KnowledgeDocument, { nullable: true, description: 'One document by id or slug; null when there is none the caller may see.' })
    async document(
      @Root() ns: AreaNamespace,
      @Ctx() ctx: SubgraphContext,
      @Info() info: GraphQLResolveInfo,
      @Arg('id', () => ID, { nullable: true }) id?: string | null,
      @Arg('slug', () => String, { nullable: true }) slug?: string | null,
    ): Promise<KnowledgeDocument | null> {
      if (!id === !slug) throw new BadInputError('Give exactly one of id and slug.');
      cachePublic(info, ctx.principal);
      const document = id ? await documentById(ctx).load(id) : await documentBySlug(ctx, ns.area).load(slug as string);
      return visible(ctx, document?.area === ns.area ? document : null);
    }
  }

  @Resolver(() => types.Mutations)
  class DocumentMutationsResolver {
    @FieldResolver(() => DocumentVersion, { description: 'Starts a draft: a new document (kind, slug) or a new version of one (documentId).' })
    createDraft(@Root() ns: AreaNamespace, @Arg('input', () => DraftInput) input: DraftInput, @Ctx() ctx: SubgraphContext): Promise<DocumentVersion> {
      return lifecycle(ctx).createDraft(ns.area, input);
    }

    @FieldResolver(() => DocumentVersion, { description: 'Changes a draft; expectedRevision must be its current revision (else CONFLICT).' })
    updateDraft(
      @Root() ns: AreaNamespace,
      @Arg('versionId', () => ID) versionId: string,
      @Arg('expectedRevision', () => Int) expectedRevision: number,
      @Arg('input', () => DraftInput) input: DraftInput,
      @Ctx() ctx: SubgraphContext,
    ): Promise<DocumentVersion> {
      return lifecycle(ctx).updateDraft(ns.area, versionId, expectedRevision, input);
    }

    @FieldResolver(() => DocumentVersion)
    submitForReview(@Root() ns: AreaNamespace, @Arg('versionId', () => ID) versionId: string, @Ctx() ctx: SubgraphContext): Promise<DocumentVersion> {
      return lifecycle(ctx).submitForReview(ns.area, versionId);
    }

    @FieldResolver(() => DocumentVersion, { description: 'Sends a version in review back to draft, saying why.' })
    returnToDraft(
      @Root() ns: AreaNamespace,
      @Arg('versionId', () => ID) versionId: string,
      @Arg('comment') comment: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<DocumentVersion> {
      return lifecycle(ctx).returnToDraft(ns.area, versionId, comment);
    }

    @FieldResolver(() => DocumentVersion, { description: 'Publishes a version in review from validFrom (today or later); someone other than its submitter must do it.' })
    publish(
      @Root() ns: AreaNamespace,
      @Arg('versionId', () => ID) versionId: string,
      @Arg('validFrom', () => GraphQLDate) validFrom: Date,
      @Ctx() ctx: SubgraphContext,
    ): Promise<DocumentVersion> {
      return lifecycle(ctx).publish(ns.area, versionId, isoDate(validFrom));
    }

    @FieldResolver(() => KnowledgeDocument, { description: 'Retires a document, saying why; it is then no longer in force.' })
    retire(
      @Root() ns: AreaNamespace,
      @Arg('documentId', () => ID) documentId: string,
      @Arg('reason') reason: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<KnowledgeDocument> {
      return lifecycle(ctx).retire(ns.area, documentId, reason);
    }
  }

  return [DocumentsResolver, DocumentMutationsResolver];
}

function lifecycle(ctx: SubgraphContext): DocumentLifecycle {
  return new DocumentLifecycle(ctx.db, ctx.principal, ctx.today);
}

/** The fields of a document that are read from its versions and audit log, the same in every area. */
@Resolver(() => KnowledgeDocument)
export class KnowledgeDocumentResolver {
  @FieldResolver(() => DocumentVersion, { nullable: true, description: 'The version in force on the given day (default today); null when none is.' })
  current(@Root() document: KnowledgeDocument, @Ctx() ctx: SubgraphContext, @Arg('on', () => GraphQLDate, { nullable: true }) on?: Date | null): Promise<DocumentVersion | null> {
    return versionInForce(ctx, on ? isoDate(on) : ctx.today).load(document.id);
  }

  @FieldResolver(() => String, { description: 'The title of the version in force, or of the latest version the caller may see.' })
  async title(@Root() document: KnowledgeDocument, @Ctx() ctx: SubgraphContext): Promise<string> {
    return (await representative(document, ctx))?.title ?? document.slug;
  }

  @FieldResolver(() => String, { nullable: true })
  async targetGroup(@Root() document: KnowledgeDocument, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return (await representative(document, ctx))?.targetGroup ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the version in force should have been reviewed by now (revideras senast has passed).' })
  async overdueForReview(@Root() document: KnowledgeDocument, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    const current = await versionInForce(ctx, ctx.today).load(document.id);
    return current?.reviewBy != null && current.reviewBy < ctx.today;
  }

  @FieldResolver(() => [DocumentVersion], { description: 'Versions, newest first: the published ones for everyone, drafts and reviews for the area’s process leaders.' })
  async versions(@Root() document: KnowledgeDocument, @Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo): Promise<DocumentVersion[]> {
    const versions = await versionsOfDocument(ctx).load(document.id);
    if (policy.canReadUnpublished(ctx.principal, document.area)) {
      cacheNever(info);
      return versions;
    }
    return versions.filter(isPublic);
  }

  @FieldResolver(() => [AuditEntry], { description: 'The audit log of the document, oldest first: process leaders of the area and admins.' })
  async history(@Root() document: KnowledgeDocument, @Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo): Promise<AuditEntry[]> {
    cacheNever(info);
    if (!ctx.principal) throw new UnauthenticatedError('Sign in to see the audit history.');
    if (!policy.canReadUnpublished(ctx.principal, document.area)) throw new ForbiddenError('Only process leaders of the area and admins see the audit history.');
    return historyOfDocument(ctx).load(document.id);
  }

  @FieldResolver(() => ProcessLeaderRef, { nullable: true, description: 'The process leader who owns the document.' })
  owner(@Root() document: KnowledgeDocument): ProcessLeaderRef | null {
    return document.ownerId ? { id: document.ownerId } : null;
  }
}

/** The version a document is shown by: the one it was listed by, the one in force, or the latest visible. */
async function representative(document: KnowledgeDocument, ctx: SubgraphContext): Promise<DocumentVersion | null> {
  if (document.listed) return document.listed;
  const current = await versionInForce(ctx, ctx.today).load(document.id);
  if (current) return current;
  const versions = await versionsOfDocument(ctx).load(document.id);
  const mayReadAll = policy.canReadUnpublished(ctx.principal, document.area);
  return versions.find((version) => mayReadAll || isPublic(version)) ?? null;
}

@Resolver(() => DocumentVersion)
export class DocumentVersionResolver {
  @FieldResolver(() => KnowledgeDocument, { description: 'The document this is a version of.' })
  async document(@Root() version: DocumentVersion, @Ctx() ctx: SubgraphContext): Promise<KnowledgeDocument> {
    return (await documentById(ctx).load(version.documentId)) as KnowledgeDocument;
  }
}

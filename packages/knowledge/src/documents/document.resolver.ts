import { Arg, Args, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import {
  BadInputError,
  cacheNever,
  errorsDoc,
  GraphQLDate,
  isoDate,
  isUuid,
  policy,
  privateToCaller,
  REFUSALS,
  type Constructor,
  type SubgraphContext,
} from '@samsyn/core';
import { AreaNamespace, AuditEntry, type AreaTypes } from '@samsyn/area';
import { checkSearch, documentConnection, pageWindow } from './document-page';
import { DocumentConnection, DocumentsArgs } from './document-page.types';
import { DocumentLifecycle } from './document.lifecycle';
import { documentById, documentBySlug, historyOfDocument, upcomingVersion, versionInForce, versionsOfDocument } from './document.loaders';
import { DocumentReader } from './document.reader';
import {
  ChangeKind,
  DocumentVersion,
  isPublic,
  KnowledgeDocument,
  ProcessLeaderRef,
  PUBLIC_STATUSES,
  VersionStatus,
} from './document.types';
import { DraftInput, OwnerInput } from './draft.types';
import { REASON_LIMIT } from './draft.rules';

/** The versions of a document the caller may see, newest first: all of them for whom `policy.canReadUnpublished`, else the published. */
async function visibleVersions(ctx: SubgraphContext, document: KnowledgeDocument): Promise<DocumentVersion[]> {
  const versions = await versionsOfDocument(ctx).load(document.id);
  return policy.canReadUnpublished(ctx.principal, document.area) ? versions : versions.filter(isPublic);
}

/**
 * A document is shown to whoever may see one of its versions. One seen only through drafts or reviews is a draft
 * itself: no cache keeps the answer.
 */
async function visible(ctx: SubgraphContext, document: KnowledgeDocument | null): Promise<KnowledgeDocument | null> {
  if (!document) return null;
  const versions = await visibleVersions(ctx, document);
  if (versions.length === 0) return null;
  if (!versions.some(isPublic)) cacheNever(ctx);
  return document;
}

/** `documents` and `document` of every area, on the interface the areas share. */
@Resolver(() => AreaNamespace)
export class DocumentsResolver {
  @FieldResolver(() => DocumentConnection, { description: "The area's routines, guidelines and methods, a page at a time." })
  async documents(@Root() ns: AreaNamespace, @Args() args: DocumentsArgs, @Ctx() ctx: SubgraphContext): Promise<DocumentConnection> {
    const window = pageWindow(args);
    checkSearch(args.search);
    if (!PUBLIC_STATUSES.includes(args.status)) {
      policy.requireUnpublishedReader(ctx.principal, ns.area, `documents in status ${args.status}`);
      cacheNever(ctx);
    } else {
      privateToCaller(ctx);
    }
    const day = args.validOn ? isoDate(args.validOn) : ctx.today;
    const { items, total } = await new DocumentReader(ctx.db).page(ns.area, { ...args, day, window });
    if (args.status === VersionStatus.PUBLISHED) {
      const inForce = versionInForce(ctx, day);
      for (const { document, version } of items) inForce.prime(document.id, version);
    }
    return documentConnection(items, total, window);
  }

  @FieldResolver(() => KnowledgeDocument, {
    nullable: true,
    description: 'One document by id or slug; null when there is none the caller may see.',
  })
  async document(
    @Root() ns: AreaNamespace,
    @Ctx() ctx: SubgraphContext,
    @Arg('id', () => ID, { nullable: true, description: "The document's id; give it or slug." }) id?: string | null,
    @Arg('slug', () => String, { nullable: true, description: "The document's slug in this area; give it or id." }) slug?: string | null,
  ): Promise<KnowledgeDocument | null> {
    if (!id === !slug) throw new BadInputError('Give exactly one of id and slug.');
    privateToCaller(ctx);
    const document = id ? await documentById(ctx).load(id) : await documentBySlug(ctx, ns.area).load(slug as string);
    return visible(ctx, document?.area === ns.area ? document : null);
  }
}

/** The document mutations of an area. */
export function documentMutations(types: AreaTypes): Constructor[] {
  @Resolver(() => types.Mutations)
  class DocumentMutationsResolver {
    @FieldResolver(() => DocumentVersion, {
      description: `Starts a draft: a new document (kind, slug) or a new version of one (documentId). Process leaders of the area and admins. ${errorsDoc(
        {
          ...REFUSALS.areaEditor,
          NOT_FOUND: 'no such document in the area',
          CONFLICT: 'the slug is taken in the area',
          BAD_USER_INPUT: 'invalid content, or a retired document',
        },
      )}`,
    })
    createDraft(
      @Root() ns: AreaNamespace,
      @Arg('input', () => DraftInput, { description: 'The content of the draft.' }) input: DraftInput,
      @Ctx() ctx: SubgraphContext,
    ): Promise<DocumentVersion> {
      return lifecycle(ctx).createDraft(ns.area, input);
    }

    @FieldResolver(() => DocumentVersion, {
      description: `Changes a draft's content. ${errorsDoc({
        ...REFUSALS.areaEditor,
        NOT_FOUND: 'no such version in the area',
        CONFLICT: 'expectedRevision is not its current revision: someone changed it first',
        BAD_USER_INPUT: 'not a draft, or invalid content',
      })}`,
    })
    updateDraft(
      @Root() ns: AreaNamespace,
      @Arg('versionId', () => ID, { description: 'The draft to change.' }) versionId: string,
      @Arg('expectedRevision', () => Int, { description: 'The revision the change was based on (the draft as last read).' })
      expectedRevision: number,
      @Arg('input', () => DraftInput, { description: 'The fields to change; those left out stay as they are.' }) input: DraftInput,
      @Ctx() ctx: SubgraphContext,
    ): Promise<DocumentVersion> {
      return lifecycle(ctx).updateDraft(ns.area, versionId, expectedRevision, input);
    }

    @FieldResolver(() => DocumentVersion, {
      description: `Submits a draft for review; another process leader of the area (or an admin) then publishes it or returns it. ${errorsDoc(
        {
          ...REFUSALS.areaEditor,
          NOT_FOUND: 'no such version in the area',
          CONFLICT: 'expectedRevision given and not its current revision',
          BAD_USER_INPUT: 'not a draft',
        },
      )}`,
    })
    submitForReview(
      @Root() ns: AreaNamespace,
      @Arg('versionId', () => ID, { description: 'The draft to submit.' }) versionId: string,
      @Ctx() ctx: SubgraphContext,
      @Arg('expectedRevision', () => Int, {
        nullable: true,
        description: 'The revision the submitter read; given, a draft changed since is not submitted (CONFLICT).',
      })
      expectedRevision?: number | null,
    ): Promise<DocumentVersion> {
      return lifecycle(ctx).submitForReview(ns.area, versionId, expectedRevision);
    }

    @FieldResolver(() => DocumentVersion, {
      description: `Sends a version in review back to draft, saying why. ${errorsDoc({
        ...REFUSALS.areaEditor,
        NOT_FOUND: 'no such version in the area',
        BAD_USER_INPUT: `not in review, or an empty comment or one over ${REASON_LIMIT} characters`,
      })}`,
    })
    returnToDraft(
      @Root() ns: AreaNamespace,
      @Arg('versionId', () => ID, { description: 'The version in review.' }) versionId: string,
      @Arg('comment', { description: 'Why it goes back: shown to the author as returnComment.' }) comment: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<DocumentVersion> {
      return lifecycle(ctx).returnToDraft(ns.area, versionId, comment);
    }

    @FieldResolver(() => DocumentVersion, {
      description: `Publishes a version in review, as the publisher read it (expectedRevision), from validFrom; the version published before is superseded in the same transaction. Four eyes: nobody who wrote, changed or submitted the version may publish it. ${errorsDoc(
        {
          UNAUTHENTICATED: '',
          FORBIDDEN: 'not a process leader of the area, or one who wrote, changed or submitted the version (four eyes)',
          NOT_FOUND: 'no such version in the area',
          CONFLICT:
            'the version is no longer at expectedRevision (extensions: expectedRevision, actualRevision), or another version was published after this draft was started',
          BAD_USER_INPUT:
            'not in review, a retired document, validFrom in the past or before the previous version, identical to the version published before (extensions: identicalTo), or EDITORIAL for a first version',
        },
      )}`,
    })
    publish(
      @Root() ns: AreaNamespace,
      @Arg('versionId', () => ID, { description: 'The version in review.' }) versionId: string,
      @Arg('validFrom', () => GraphQLDate, { description: 'Gäller från: today or later.' }) validFrom: Date,
      @Arg('expectedRevision', () => Int, {
        description: "The revision the publisher reviewed (the version's revision as read): a version changed since is not published.",
      })
      expectedRevision: number,
      @Ctx() ctx: SubgraphContext,
      @Arg('changeKind', () => ChangeKind, {
        defaultValue: ChangeKind.SUBSTANTIVE,
        description:
          'Ändringens art: EDITORIAL (redaktionell: acknowledgements of the version before carry over) or SUBSTANTIVE (saklig: districts acknowledge again, lagging from validFrom).',
      })
      changeKind: ChangeKind = ChangeKind.SUBSTANTIVE,
    ): Promise<DocumentVersion> {
      return lifecycle(ctx).publish(ns.area, versionId, isoDate(validFrom), expectedRevision, changeKind);
    }

    @FieldResolver(() => KnowledgeDocument, {
      description: `Hands a document to another owner (ägare). Process leaders of the area and admins; audited. ${errorsDoc({
        ...REFUSALS.areaEditor,
        NOT_FOUND: 'no such document in the area',
        BAD_USER_INPUT: 'an empty or too long id or name, or a retired document',
      })}`,
    })
    transferOwnership(
      @Root() ns: AreaNamespace,
      @Arg('documentId', () => ID, { description: 'The document.' }) documentId: string,
      @Arg('to', () => OwnerInput, { description: 'The new owner.' }) to: OwnerInput,
      @Ctx() ctx: SubgraphContext,
    ): Promise<KnowledgeDocument> {
      return lifecycle(ctx).transferOwnership(ns.area, documentId, to);
    }

    @FieldResolver(() => KnowledgeDocument, {
      description: `Retires a document, saying why; it is then no longer in force. ${errorsDoc({
        ...REFUSALS.areaEditor,
        NOT_FOUND: 'no such document in the area',
        BAD_USER_INPUT: `already retired, or an empty reason or one over ${REASON_LIMIT} characters`,
      })}`,
    })
    retire(
      @Root() ns: AreaNamespace,
      @Arg('documentId', () => ID, { description: 'The document to retire.' }) documentId: string,
      @Arg('reason', { description: 'Why: kept as retiredReason.' }) reason: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<KnowledgeDocument> {
      return lifecycle(ctx).retire(ns.area, documentId, reason);
    }
  }

  return [DocumentMutationsResolver];
}

function lifecycle(ctx: SubgraphContext): DocumentLifecycle {
  return new DocumentLifecycle(ctx.db, ctx.principal, ctx.today);
}

/** The fields of a document that are read from its versions and audit log, the same in every area. */
@Resolver(() => KnowledgeDocument)
export class KnowledgeDocumentResolver {
  @FieldResolver(() => DocumentVersion, {
    nullable: true,
    description: 'The version in force on the given day (default today); null when none is.',
  })
  current(
    @Root() document: KnowledgeDocument,
    @Ctx() ctx: SubgraphContext,
    @Arg('on', () => GraphQLDate, { nullable: true, description: 'The day; default today.' }) on?: Date | null,
  ): Promise<DocumentVersion | null> {
    return versionInForce(ctx, on ? isoDate(on) : ctx.today).load(document.id);
  }

  @FieldResolver(() => String, { description: 'The title of the version in force, or of the latest version the caller may see.' })
  async title(@Root() document: KnowledgeDocument, @Ctx() ctx: SubgraphContext): Promise<string> {
    return (await representative(document, ctx))?.title ?? document.slug;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Målgrupp of the version in force, or of the latest version the caller may see.',
  })
  async targetGroup(@Root() document: KnowledgeDocument, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return (await representative(document, ctx))?.targetGroup ?? null;
  }

  @FieldResolver(() => DocumentVersion, {
    nullable: true,
    description: 'A published version not yet in force (its gäller från is later than today); null when there is none.',
  })
  upcoming(@Root() document: KnowledgeDocument, @Ctx() ctx: SubgraphContext): Promise<DocumentVersion | null> {
    return upcomingVersion(ctx, document);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the version in force should have been reviewed by now (revideras senast has passed).',
  })
  async overdueForReview(@Root() document: KnowledgeDocument, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    const current = await versionInForce(ctx, ctx.today).load(document.id);
    return current?.reviewBy != null && current.reviewBy < ctx.today;
  }

  @FieldResolver(() => [DocumentVersion], {
    description: 'Versions, newest first: the published ones for everyone, drafts and reviews for the area’s process leaders.',
  })
  async versions(@Root() document: KnowledgeDocument, @Ctx() ctx: SubgraphContext): Promise<DocumentVersion[]> {
    // Whoever may see drafts gets an answer no cache keeps.
    if (policy.canReadUnpublished(ctx.principal, document.area)) cacheNever(ctx);
    return visibleVersions(ctx, document);
  }

  @FieldResolver(() => [AuditEntry], {
    nullable: true,
    description:
      'The audit log of the document, oldest first. Only for process leaders of the area and admins: for anyone else it is null with an UNAUTHENTICATED or FORBIDDEN error, and the rest of the query still answers.',
  })
  async history(@Root() document: KnowledgeDocument, @Ctx() ctx: SubgraphContext): Promise<AuditEntry[]> {
    cacheNever(ctx);
    policy.requireUnpublishedReader(ctx.principal, document.area, 'the audit history');
    return historyOfDocument(ctx).load(document.id);
  }

  @FieldResolver(() => ProcessLeaderRef, {
    nullable: true,
    description:
      "The process leader who owns the document, from the organisation's directory; null when the owner is not in it (ownerName still names them).",
  })
  owner(@Root() document: KnowledgeDocument): ProcessLeaderRef | null {
    return document.ownerId && isUuid(document.ownerId) ? { id: document.ownerId } : null;
  }
}

/** The version a document is shown by: the one it was listed by, the one in force, or the latest visible. */
async function representative(document: KnowledgeDocument, ctx: SubgraphContext): Promise<DocumentVersion | null> {
  if (document.listed) return document.listed;
  const current = await versionInForce(ctx, ctx.today).load(document.id);
  if (current) return current;
  const latest = (await visibleVersions(ctx, document))[0] ?? null;
  // Shown by a draft or a review (to whoever may see those): no cache keeps the answer.
  if (latest && !isPublic(latest)) cacheNever(ctx);
  return latest;
}

@Resolver(() => DocumentVersion)
export class DocumentVersionResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Why the caller may not publish this version, in English; null when they may (it is in review, they lead its area or are an admin, and they neither wrote, changed nor submitted it: four eyes).',
  })
  publishRefusal(@Root() version: DocumentVersion, @Ctx() ctx: SubgraphContext): string | null {
    privateToCaller(ctx);
    if (version.status !== VersionStatus.IN_REVIEW) return `Only a version in review can be published; this one is ${version.status}.`;
    if (!ctx.principal || !policy.canReadUnpublished(ctx.principal, version.area)) {
      return 'Only process leaders of the area and admins publish its documents.';
    }
    return policy.secondPairRefusal(ctx.principal, { submittedBy: version.submitterId, editors: version.editors });
  }

  @FieldResolver(() => KnowledgeDocument, { description: 'The document this is a version of.' })
  async document(@Root() version: DocumentVersion, @Ctx() ctx: SubgraphContext): Promise<KnowledgeDocument> {
    return (await documentById(ctx).load(version.documentId)) as KnowledgeDocument;
  }
}

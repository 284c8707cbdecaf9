import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { BadInputError, cacheNever, errorsDoc, NEEDS_TOKEN, policy, REFUSALS, type Constructor, type SubgraphContext } from '@samsyn/core';
import { AreaNamespace, type AreaTypes } from '@samsyn/area';
import { documentById, versionById } from '../documents/document.loaders';
import { DocumentVersion, isPublic, KnowledgeDocument } from '../documents/document.types';
import { feedbackAddressedBy, feedbackOfDocument } from './feedback.loaders';
import { FeedbackService } from './feedback.service';
import { Feedback, FeedbackInput, FeedbackStatus } from './feedback.types';

const MAX_FEEDBACK_PAGE = 500;

/** Synpunkter in an area's mutations: left by district systems and people, answered and linked by process leaders. */
export function feedbackMutations(types: AreaTypes): Constructor[] {
  @Resolver(() => types.Mutations)
  class FeedbackMutationsResolver {
    @FieldResolver(() => Feedback, {
      description: `Leaves a synpunkt on a published version: a district system for its own district, or a signed-in person. ${errorsDoc({
        UNAUTHENTICATED: '',
        NOT_FOUND: 'no published version with that id in the area',
        BAD_USER_INPUT: 'empty or too long text or section, or a retired document',
      })}`,
    })
    leaveFeedback(
      @Root() ns: AreaNamespace,
      @Arg('input', () => FeedbackInput, { description: 'The version, the synpunkt and optionally the section.' }) input: FeedbackInput,
      @Ctx() ctx: SubgraphContext,
    ): Promise<Feedback> {
      return new FeedbackService(ctx.db, ctx.principal).leave(ns.area, input);
    }

    @FieldResolver(() => Feedback, {
      description: `Answers a synpunkt (a new answer replaces the previous one); the district or person who left it sees the answer, and FEEDBACK_ANSWERED is told. ${errorsDoc(
        {
          ...REFUSALS.areaEditor,
          NOT_FOUND: 'no such synpunkt in the area',
          BAD_USER_INPUT: 'an empty or too long answer',
        },
      )}`,
    })
    answerFeedback(
      @Root() ns: AreaNamespace,
      @Arg('feedbackId', () => ID, { description: 'The synpunkt.' }) feedbackId: string,
      @Arg('answer', { description: 'The answer, in Swedish: 1 to 5,000 characters.' }) answer: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<Feedback> {
      return new FeedbackService(ctx.db, ctx.principal).answer(ns.area, feedbackId, answer);
    }

    @FieldResolver(() => Feedback, {
      description: `Links a synpunkt to the draft (or version in review) of its document that addresses it; versionId null unlinks it. ${errorsDoc(
        {
          ...REFUSALS.areaEditor,
          NOT_FOUND: 'no such synpunkt or version in the area',
          BAD_USER_INPUT: 'a version of another document, or one that is not a draft or in review',
        },
      )}`,
    })
    linkFeedbackToDraft(
      @Root() ns: AreaNamespace,
      @Arg('feedbackId', () => ID, { description: 'The synpunkt.' }) feedbackId: string,
      @Arg('versionId', () => ID, { nullable: true, description: 'The draft that addresses it; null to unlink.' })
      versionId: string | null,
      @Ctx() ctx: SubgraphContext,
    ): Promise<Feedback> {
      return new FeedbackService(ctx.db, ctx.principal).linkToDraft(ns.area, feedbackId, versionId ?? null);
    }
  }
  return [FeedbackMutationsResolver];
}

/** The synpunkter of an area, on every area namespace alike. */
@Resolver(() => AreaNamespace)
export class AreaFeedbackResolver {
  @FieldResolver(() => [Feedback], {
    nullable: true,
    description: `Synpunkter in the area, newest first: all of them for its process leaders and admins, a district system's own district's, a person's own. ${NEEDS_TOKEN} ${errorsDoc(
      { UNAUTHENTICATED: '', BAD_USER_INPUT: `first outside 1..${MAX_FEEDBACK_PAGE}` },
    )}`,
  })
  async feedback(
    @Root() ns: AreaNamespace,
    @Ctx() ctx: SubgraphContext,
    @Arg('status', () => FeedbackStatus, { nullable: true, description: 'Only open or only answered ones; all when left out.' })
    status?: FeedbackStatus | null,
    @Arg('first', () => Int, { defaultValue: 100, description: `At most this many (1..${MAX_FEEDBACK_PAGE}).` }) first: number = 100,
  ): Promise<Feedback[]> {
    cacheNever(ctx);
    const visibility = policy.feedbackVisibility(ctx.principal, ns.area);
    if (!Number.isInteger(first) || first < 1 || first > MAX_FEEDBACK_PAGE) {
      throw new BadInputError(`first must be 1..${MAX_FEEDBACK_PAGE}, not ${first}.`, { first });
    }
    return new FeedbackService(ctx.db, ctx.principal).ofArea(ns.area, visibility, status ?? null, first);
  }
}

/** A document's synpunkter. */
@Resolver(() => KnowledgeDocument)
export class DocumentFeedbackResolver {
  @FieldResolver(() => [Feedback], {
    nullable: true,
    description: `Synpunkter on the document's versions, newest first, as the caller may see them (see the area's feedback). ${NEEDS_TOKEN}`,
  })
  feedback(@Root() document: KnowledgeDocument, @Ctx() ctx: SubgraphContext): Promise<Feedback[]> {
    cacheNever(ctx);
    return feedbackOfDocument(ctx, document.area).load(document.id);
  }
}

/** The synpunkter a draft was linked as addressing. */
@Resolver(() => DocumentVersion)
export class VersionFeedbackResolver {
  @FieldResolver(() => [Feedback], {
    nullable: true,
    description: `Synpunkter a process leader linked to this version as addressing them (linkFeedbackToDraft), as the caller may see them. ${NEEDS_TOKEN}`,
  })
  addressesFeedback(@Root() version: DocumentVersion, @Ctx() ctx: SubgraphContext): Promise<Feedback[]> {
    cacheNever(ctx);
    return feedbackAddressedBy(ctx, version.area).load(version.id);
  }
}

@Resolver(() => Feedback)
export class FeedbackResolver {
  @FieldResolver(() => KnowledgeDocument, { description: 'The document it concerns.' })
  async document(@Root() feedback: Feedback, @Ctx() ctx: SubgraphContext): Promise<KnowledgeDocument> {
    return (await documentById(ctx).load(feedback.documentId)) as KnowledgeDocument;
  }

  @FieldResolver(() => DocumentVersion, { description: 'The (published) version it was left on.' })
  async version(@Root() feedback: Feedback, @Ctx() ctx: SubgraphContext): Promise<DocumentVersion> {
    return (await versionById(ctx).load(feedback.versionId)) as DocumentVersion;
  }

  @FieldResolver(() => DocumentVersion, {
    nullable: true,
    description:
      'The draft linked as addressing it, for those who may read it (the area’s process leaders and admins, or anyone once it is published).',
  })
  async addressedBy(@Root() feedback: Feedback, @Ctx() ctx: SubgraphContext): Promise<DocumentVersion | null> {
    if (!feedback.addressedByVersionId) return null;
    const version = await versionById(ctx).load(feedback.addressedByVersionId);
    if (!version) return null;
    return isPublic(version) || policy.canReadUnpublished(ctx.principal, version.area) ? version : null;
  }
}

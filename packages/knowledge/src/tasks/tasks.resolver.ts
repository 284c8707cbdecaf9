import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { cacheNever, policy, type SubgraphContext } from '@samsyn/core';
import { AreaNamespace } from '@samsyn/area';
import { DocumentVersion } from '../documents/document.types';
import { FeedbackService } from '../feedback/feedback.service';
import { Feedback, FeedbackStatus } from '../feedback/feedback.types';
import { LeaderTaskReader, REVIEW_DUE_WITHIN_DAYS } from './tasks.service';
import { LeaderTasks } from './tasks.types';

const MAX_OPEN_FEEDBACK = 500;

@Resolver(() => AreaNamespace)
export class MyTasksResolver {
  @FieldResolver(() => LeaderTasks, {
    nullable: true,
    description:
      'Att göra for the signed-in process leader (or admin) in this area. For anyone else it is null with an UNAUTHENTICATED or FORBIDDEN error, and the rest of the query still answers.',
  })
  myTasks(@Root() ns: AreaNamespace, @Ctx() ctx: SubgraphContext): LeaderTasks {
    cacheNever(ctx);
    const caller = policy.requireUnpublishedReader(ctx.principal, ns.area, 'the tasks of the area');
    return Object.assign(new LeaderTasks(), { area: ns.area, sub: caller.sub, today: ctx.today });
  }
}

@Resolver(() => LeaderTasks)
export class LeaderTasksResolver {
  @FieldResolver(() => [DocumentVersion], {
    description: 'My drafts: drafts I wrote or changed that nobody has returned, most recently changed first.',
  })
  drafts(@Root() tasks: LeaderTasks, @Ctx() ctx: SubgraphContext): Promise<DocumentVersion[]> {
    return new LeaderTaskReader(ctx.db, tasks.area).drafts(tasks.sub);
  }

  @FieldResolver(() => [DocumentVersion], {
    description: 'Returned to me: drafts I wrote or changed that a reviewer sent back (returnComment, returnedBy), latest first.',
  })
  returned(@Root() tasks: LeaderTasks, @Ctx() ctx: SubgraphContext): Promise<DocumentVersion[]> {
    return new LeaderTaskReader(ctx.db, tasks.area).returned(tasks.sub);
  }

  @FieldResolver(() => [DocumentVersion], {
    description:
      'To review: versions another leader submitted that I may publish (I neither wrote, changed nor submitted them), longest waiting first.',
  })
  toReview(@Root() tasks: LeaderTasks, @Ctx() ctx: SubgraphContext): Promise<DocumentVersion[]> {
    return new LeaderTaskReader(ctx.db, tasks.area).toReview(tasks.sub);
  }

  @FieldResolver(() => [DocumentVersion], {
    description: `Review due: versions in force whose revideras senast (reviewBy) has passed or comes within ${REVIEW_DUE_WITHIN_DAYS} days, earliest first.`,
  })
  reviewDue(@Root() tasks: LeaderTasks, @Ctx() ctx: SubgraphContext): Promise<DocumentVersion[]> {
    return new LeaderTaskReader(ctx.db, tasks.area).reviewDue(tasks.today);
  }

  @FieldResolver(() => [Feedback], { description: `Synpunkter in the area not yet answered, newest first (at most ${MAX_OPEN_FEEDBACK}).` })
  unansweredFeedback(@Root() tasks: LeaderTasks, @Ctx() ctx: SubgraphContext): Promise<Feedback[]> {
    return new FeedbackService(ctx.db, ctx.principal).ofArea(
      tasks.area,
      { all: true, district: null, authorSub: null },
      FeedbackStatus.OPEN,
      MAX_OPEN_FEEDBACK,
    );
  }
}

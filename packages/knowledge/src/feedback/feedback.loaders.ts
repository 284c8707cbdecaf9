import { groupByKeys, policy, type SubgraphContext } from '@samsyn/core';
import type { Area } from '@samsyn/area';
import { FeedbackService } from './feedback.service';
import type { Feedback } from './feedback.types';

/** The synpunkter the caller may see on each document, one statement per request. */
export function feedbackOfDocument(ctx: SubgraphContext, area: Area) {
  const visibility = policy.feedbackVisibility(ctx.principal, area);
  return ctx.loaders.get<string, Feedback[]>(`feedbackOfDocument:${area}`, async (ids) =>
    groupByKeys(ids, await new FeedbackService(ctx.db, ctx.principal).ofDocuments(area, ids, visibility), (f) => f.documentId),
  );
}

/** The synpunkter the caller may see that each version was linked as addressing, one statement per request. */
export function feedbackAddressedBy(ctx: SubgraphContext, area: Area) {
  const visibility = policy.feedbackVisibility(ctx.principal, area);
  return ctx.loaders.get<string, Feedback[]>(`feedbackAddressedBy:${area}`, async (ids) =>
    groupByKeys(
      ids,
      await new FeedbackService(ctx.db, ctx.principal).addressedBy(area, ids, visibility),
      (f) => f.addressedByVersionId as string,
    ),
  );
}

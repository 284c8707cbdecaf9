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

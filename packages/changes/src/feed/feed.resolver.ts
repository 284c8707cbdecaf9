import { Arg, Ctx, FieldResolver, Int, Resolver } from 'type-graphql';
import { BadInputError, errorsDoc, NEEDS_TOKEN, policy, type SubgraphContext } from '@samsyn/core';
import { AreaNamespace } from '@samsyn/area';
import { ChangeConnection, ChangeType } from '../change.types';
import { decodeCursor, encodeCursor, eventsAfter, FEED_START } from './feed.service';

export const MAX_CHANGES_PAGE = 500;
const DEFAULT_CHANGES_PAGE = 100;

/** The change feed of an area, on every area namespace alike. Never cached: it grows as transactions end. */
@Resolver(() => AreaNamespace)
export class ChangeFeedResolver {
  @FieldResolver(() => ChangeConnection, {
    nullable: true,
    description: `What changed in the area, oldest first, resumable: save pageInfo.endCursor and ask again with after: it later, even days later (events are kept at least 90 days). A district system sees the area's changes and its own district's, no other district's. ${NEEDS_TOKEN} ${errorsDoc(
      {
        UNAUTHENTICATED: '',
        BAD_USER_INPUT: `a cursor this feed did not hand out, an empty types list, or first outside 1..${MAX_CHANGES_PAGE}`,
      },
    )}`,
  })
  async changes(
    @Ctx() ctx: SubgraphContext,
    @Arg('after', () => String, {
      nullable: true,
      description: 'A cursor from this feed: the page starts after it. Left out: from the oldest kept.',
    })
    after?: string | null,
    @Arg('types', () => [ChangeType], { nullable: true, description: 'Only these types of change; all when left out.' })
    types?: ChangeType[] | null,
    @Arg('first', () => Int, { defaultValue: DEFAULT_CHANGES_PAGE, description: `At most this many changes (1..${MAX_CHANGES_PAGE}).` })
    first: number = DEFAULT_CHANGES_PAGE,
  ): Promise<ChangeConnection> {
    const caller = policy.requireAuthenticated(ctx.principal);
    if (!Number.isInteger(first) || first < 1 || first > MAX_CHANGES_PAGE) {
      throw new BadInputError(`first must be 1..${MAX_CHANGES_PAGE}, not ${first}.`, { first });
    }
    if (types?.length === 0) throw new BadInputError('types is empty: name at least one type, or leave it out for all.');
    const from = after ? decodeCursor(after) : FEED_START;
    const district = caller.roles.includes('district-system') && !caller.roles.includes('admin') ? (caller.district ?? '') : null;
    const page = await eventsAfter(ctx.db, from, { types, district, limit: first + 1 });
    const shown = page.slice(0, first);
    const edges = shown.map((entry) => ({ cursor: encodeCursor(entry), node: entry.event }));
    return {
      edges,
      pageInfo: { hasNextPage: page.length > first, endCursor: edges.at(-1)?.cursor ?? after ?? null },
    };
  }
}

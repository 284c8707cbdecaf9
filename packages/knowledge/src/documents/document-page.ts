import { BadInputError } from '@samsyn/core';
import type { ListedDocument, PageWindow } from './document.reader';
import {
  DEFAULT_PAGE,
  MAX_PAGE,
  MAX_SEARCH_LENGTH,
  MAX_SEARCH_WORDS,
  type DocumentConnection,
  type DocumentsArgs,
} from './document-page.types';

/** A cursor is the position in the listing (1-based), opaque to clients. */
const encodeCursor = (position: number) => Buffer.from(`offset:${position}`).toString('base64url');

function decodeCursor(argument: 'after' | 'before', cursor: string): number {
  // A position of at most nine digits: a longer one is no cursor this API gave out, and PostgreSQL would refuse it.
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new BadInputError(`${argument} is not a cursor this API gave out.`, { [argument]: cursor });
  return Number(match[1]);
}

/** The window of the listing that Relay's first/after/last/before arguments ask for. */
export function pageWindow(args: Pick<DocumentsArgs, 'first' | 'after' | 'last' | 'before'>): PageWindow {
  for (const name of ['first', 'last'] as const) {
    const size = args[name];
    if (size != null && (size < 1 || size > MAX_PAGE))
      throw new BadInputError(`${name} must be between 1 and ${MAX_PAGE}.`, { [name]: size });
  }
  if (args.first != null && args.last != null) throw new BadInputError('Give first or last, not both.');
  return {
    after: args.after ? decodeCursor('after', args.after) : 0,
    before: args.before ? decodeCursor('before', args.before) : null,
    first: args.first ?? (args.last == null ? DEFAULT_PAGE : null),
    last: args.last ?? null,
  };
}

/**
 * Refuses a search longer than MAX_SEARCH_LENGTH characters or of more than MAX_SEARCH_WORDS words, before any
 * statement: PostgreSQL makes one search term of each word, and 20,000 of them cost two seconds of database work
 * before it gave up ("stack depth limit exceeded"); 120,000 did not fit a tsvector.
 */
export function checkSearch(search: string | null | undefined): void {
  if (!search) return;
  if (search.length > MAX_SEARCH_LENGTH)
    throw new BadInputError(`search may be at most ${MAX_SEARCH_LENGTH} characters long; this one is ${search.length}.`, {
      length: search.length,
      maxLength: MAX_SEARCH_LENGTH,
    });
  const words = search.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  if (words > MAX_SEARCH_WORDS)
    throw new BadInputError(`search may hold at most ${MAX_SEARCH_WORDS} words; this one holds ${words}.`, {
      words,
      maxWords: MAX_SEARCH_WORDS,
    });
}

/** A page of listed documents as a Relay connection: cursors, where the page lies in the listing, the total. */
export function documentConnection(items: ListedDocument[], total: number, window: PageWindow): DocumentConnection {
  const start = items[0]?.position ?? null;
  const end = items.at(-1)?.position ?? null;
  return {
    edges: items.map(({ document, version, position }) => ({
      cursor: encodeCursor(position),
      node: Object.assign(document, { listed: version }),
    })),
    pageInfo: {
      // Where the page lies in the whole listing, whichever direction it was paged in.
      hasPreviousPage: start !== null ? start > 1 : window.after > 0 && total > 0,
      hasNextPage: end !== null ? end < total : window.before !== null && total > 0,
      startCursor: start !== null ? encodeCursor(start) : null,
      endCursor: end !== null ? encodeCursor(end) : null,
    },
    totalCount: total,
  };
}

import { ArgsType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { GraphQLDate } from '@samsyn/core';
import { DocumentKind, KnowledgeDocument, VersionStatus } from './document.types';

@ObjectType({ description: 'One document of a page, with its place in the listing.' })
@Directive('@shareable')
@Directive('@cacheControl(inheritMaxAge: true)')
export class DocumentEdge {
  @Field({ description: 'Opaque: pass it as after or before to page from this document.' })
  cursor!: string;

  @Field(() => KnowledgeDocument, { description: 'The document.' })
  node!: KnowledgeDocument;
}

@ObjectType({ description: 'Where a page lies in the whole listing (Relay cursor connections).' })
@Directive('@shareable')
@Directive('@cacheControl(inheritMaxAge: true)')
export class PageInfo {
  @Field({ description: 'Whether the listing goes on after this page: ask for `first: n, after: endCursor`.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether the listing has documents before this page: ask for `last: n, before: startCursor`.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first document of the page; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last document of the page; null when the page is empty.' })
  endCursor!: string | null;
}

@ObjectType({ description: 'A page of documents.' })
@Directive('@shareable')
@Directive('@cacheControl(inheritMaxAge: true)')
export class DocumentConnection {
  @Field(() => [DocumentEdge], { description: 'The documents of the page, in listing order.' })
  edges!: DocumentEdge[];

  @Field(() => PageInfo, { description: 'Where the page lies in the whole listing.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many documents match, over all pages.' })
  totalCount!: number;
}

/** The longest page `first` or `last` may ask for, and the page given when neither is. */
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;
/** The longest search, in characters and in words (each word is a term of the database's query). */
export const MAX_SEARCH_LENGTH = 256;
export const MAX_SEARCH_WORDS = 32;

@ArgsType()
export class DocumentsArgs {
  @Field(() => DocumentKind, { nullable: true, description: 'Only documents of this kind; all kinds when left out.' })
  kind?: DocumentKind | null;

  @Field(() => VersionStatus, {
    defaultValue: VersionStatus.PUBLISHED,
    description:
      'PUBLISHED (default): documents in force on validOn. DRAFT or IN_REVIEW (process leaders of the area): documents with such a version.',
  })
  status!: VersionStatus;

  @Field(() => String, { nullable: true, description: 'Part of the target group (målgrupp), any case.' })
  targetGroup?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Swedish full-text search over title, summary and body, best match first; other inflections of a word match too. At most ${MAX_SEARCH_WORDS} words and ${MAX_SEARCH_LENGTH} characters (BAD_USER_INPUT beyond).`,
  })
  search?: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'The day the documents are in force on; default today.' })
  validOn?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: `The first n documents after \`after\` (forward paging); default ${DEFAULT_PAGE} when last is not given; at most ${MAX_PAGE}.`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'A cursor from this listing (usually the endCursor of the previous page): the page starts after it.',
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `The last n documents before \`before\`, or of the whole listing (backward paging); at most ${MAX_PAGE}.`,
  })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'A cursor from this listing (usually the startCursor of the next page): the page ends before it.',
  })
  before?: string | null;
}

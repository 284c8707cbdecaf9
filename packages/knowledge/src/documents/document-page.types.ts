import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { KnowledgeDocument } from './document.types';

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

import { Field, ID, InputType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { GraphQLDate } from '@samsyn/core';
import { DocumentKind } from './document.types';

@InputType({
  description:
    'The content of a draft. On createDraft, give documentId for a new version of a document, or kind and slug for a new document; fields left out are taken from the version in force.',
})
export class DraftInput {
  @Field(() => ID, { nullable: true, description: 'createDraft: the document to draft a new version of.' })
  documentId?: string | null;

  @Field(() => DocumentKind, { nullable: true, description: 'createDraft of a new document: its kind.' })
  kind?: DocumentKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'createDraft of a new document: its stable name in the area (lower case, digits and hyphens).',
  })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'Diarienummer.' })
  registryNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'The title, in Swedish.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'A short summary, in Swedish.' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'The text, in Markdown.' })
  body?: string | null;

  @Field(() => [String], { nullable: true, description: 'Lagrum, e.g. "SoL 20 kap. 2 §".' })
  legalBasis?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Målgrupp: the people the document concerns.' })
  targetGroup?: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'Revideras senast: the day it must have been reviewed by.' })
  reviewBy?: Date | null;

  @Field(() => String, { nullable: true, description: 'Beslutad av: the committee or manager role that decides it.' })
  decidedBy?: string | null;

  @Field(() => String, { nullable: true, description: 'What changes from the version it is based on.' })
  changeSummary?: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Structured content of the kind (e.g. the rule values of a routine), as JSON.',
  })
  details?: Record<string, unknown> | null;
}

@InputType({ description: "A document's new owner (ägare): a process leader of the area." })
export class OwnerInput {
  @Field(() => ID, { description: "Their identity: the process leader directory's id (ProcessLeader.id), which is their token subject." })
  id!: string;

  @Field({ description: 'Their name, as readers see it.' })
  name!: string;
}

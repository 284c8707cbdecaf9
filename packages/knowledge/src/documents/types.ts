import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';
import { GraphQLDate } from '@samsyn/core';
import { Area } from '../area';

export enum DocumentKind {
  ROUTINE = 'ROUTINE',
  GUIDELINE = 'GUIDELINE',
  METHOD = 'METHOD',
}
registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  valuesConfig: {
    ROUTINE: { description: 'Rutin: how a task is done, step by step, who does what and by when.' },
    GUIDELINE: { description: 'Riktlinje: how to assess and decide: levels, criteria, what is normally granted.' },
    METHOD: { description: 'Metod: an evidence-informed way of working or assessment instrument.' },
  },
});

export enum VersionStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  SUPERSEDED = 'SUPERSEDED',
  RETIRED = 'RETIRED',
}
registerEnumType(VersionStatus, {
  name: 'VersionStatus',
  valuesConfig: {
    DRAFT: { description: 'Being written; the only status in which a version changes.' },
    IN_REVIEW: { description: 'Submitted; waiting for another process leader (or an admin) to publish or return it.' },
    PUBLISHED: { description: "The document's latest published version (in force from its validFrom)." },
    SUPERSEDED: { description: 'Replaced by a later published version; still in force until that one takes over.' },
    RETIRED: { description: 'The document was retired; no longer in force.' },
  },
});

/** Statuses of versions anyone may read: they were published. */
export const PUBLIC_STATUSES: readonly VersionStatus[] = [VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED, VersionStatus.RETIRED];

/** Whether anyone may read a version: it was published (a draft retired with its document never was). */
export function isPublic(version: { status: VersionStatus; publishedAt: Date | null }): boolean {
  return PUBLIC_STATUSES.includes(version.status) && version.publishedAt !== null;
}

@ObjectType({ description: 'One numbered version of a routine, guideline or method. A published version never changes.' })
@Directive('@shareable')
@Directive('@cacheControl(inheritMaxAge: true)')
export class DocumentVersion {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  documentId!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => VersionStatus)
  status!: VersionStatus;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field({ description: 'The text, in Markdown.' })
  body!: string;

  @Field(() => [String], { description: 'Lagrum: the provisions the document rests on, e.g. "SoL 20 kap. 2 §".' })
  legalBasis!: string[];

  @Field(() => String, { nullable: true, description: 'Målgrupp: the people the document concerns.' })
  targetGroup!: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'Gäller från: the day the version comes into force.' })
  validFrom!: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'Revideras senast: the day it must have been reviewed by.' })
  reviewBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Beslutad av: the committee or manager role that decided it.' })
  decidedBy!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who published it.' })
  publishedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'What changed from the version it was based on.' })
  changeSummary!: string | null;

  @Field(() => Int, { description: 'Increases with every change of a draft; updateDraft must name the revision it was based on.' })
  revision!: number;

  @Field(() => GraphQLJSONObject, { description: 'Structured content of the kind (e.g. the rule values of a routine), as JSON.' })
  details!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'Who submitted it for review.' })
  submittedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was returned to draft, when it was.' })
  returnComment!: string | null;

  /** The principal id of the submitter, for the four-eyes rule; not in the schema. */
  submittedBySub!: string | null;
  basedOnId!: string | null;
  area!: Area;
}

@ObjectType({ description: 'A routine, guideline or method that every district of the city follows, with its versions.' })
@Directive('@shareable')
@Directive('@cacheControl(inheritMaxAge: true)')
export class KnowledgeDocument {
  @Field(() => ID)
  id!: string;

  @Field(() => Area)
  area!: Area;

  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field({ description: 'Stable name within the area, for links.' })
  slug!: string;

  @Field(() => String, { nullable: true, description: 'Diarienummer.' })
  registryNumber!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  retiredAt!: Date | null;

  @Field(() => String, { nullable: true })
  retiredReason!: string | null;

  ownerId!: string | null;
  /** The version a listing matched this document by; saves looking it up again. */
  listed?: DocumentVersion;
}

@ObjectType({ description: 'One entry of the append-only audit log.' })
@Directive('@shareable')
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLDateTime)
  at!: Date;

  @Field({ description: 'Who did it (name from the token).' })
  actor!: string;

  @Field({ description: 'createDraft, updateDraft, submitForReview, returnToDraft, publish, retire …' })
  action!: string;

  @Field()
  entity!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  after!: Record<string, unknown> | null;
}

@ObjectType()
@Directive('@shareable')
@Directive('@cacheControl(inheritMaxAge: true)')
export class DocumentEdge {
  @Field()
  cursor!: string;

  @Field(() => KnowledgeDocument)
  node!: KnowledgeDocument;
}

@ObjectType()
@Directive('@shareable')
@Directive('@cacheControl(inheritMaxAge: true)')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'A page of documents.' })
@Directive('@shareable')
@Directive('@cacheControl(inheritMaxAge: true)')
export class DocumentConnection {
  @Field(() => [DocumentEdge])
  edges!: DocumentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many documents match, over all pages.' })
  totalCount!: number;
}

@InputType({ description: 'The content of a draft. On createDraft, give documentId for a new version of a document, or kind and slug for a new document; fields left out are taken from the version in force.' })
export class DraftInput {
  @Field(() => ID, { nullable: true })
  documentId?: string | null;

  @Field(() => DocumentKind, { nullable: true })
  kind?: DocumentKind | null;

  @Field(() => String, { nullable: true })
  slug?: string | null;

  @Field(() => String, { nullable: true })
  registryNumber?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  body?: string | null;

  @Field(() => [String], { nullable: true })
  legalBasis?: string[] | null;

  @Field(() => String, { nullable: true })
  targetGroup?: string | null;

  @Field(() => GraphQLDate, { nullable: true })
  reviewBy?: Date | null;

  @Field(() => String, { nullable: true })
  decidedBy?: string | null;

  @Field(() => String, { nullable: true })
  changeSummary?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  details?: Record<string, unknown> | null;
}

/** A process leader as a document's owner: the organisation subgraph resolves the rest. */
@ObjectType('ProcessLeader')
@Directive('@key(fields: "id", resolvable: false)')
@Directive('@cacheControl(inheritMaxAge: true)')
export class ProcessLeaderRef {
  @Field(() => ID)
  id!: string;
}

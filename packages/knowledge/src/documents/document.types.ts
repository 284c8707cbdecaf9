import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';
import { GraphQLDate } from '@samsyn/core';
import { Area } from '@samsyn/area';

export enum DocumentKind {
  ROUTINE = 'ROUTINE',
  GUIDELINE = 'GUIDELINE',
  METHOD = 'METHOD',
}
registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'The three kinds of shared document in platform work.',
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
  description: 'Where a version is in its lifecycle: DRAFT → IN_REVIEW → PUBLISHED → SUPERSEDED, or RETIRED with its document.',
  valuesConfig: {
    DRAFT: { description: 'Being written; the only status in which a version changes.' },
    IN_REVIEW: { description: 'Submitted; waiting for another process leader (or an admin) to publish or return it.' },
    PUBLISHED: { description: "The document's latest published version (in force from its validFrom)." },
    SUPERSEDED: { description: 'Replaced by a later published version; still in force until that one takes over.' },
    RETIRED: { description: 'The document was retired; no longer in force.' },
  },
});

export enum ChangeKind {
  EDITORIAL = 'EDITORIAL',
  SUBSTANTIVE = 'SUBSTANTIVE',
}
registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'What kind of change a published version is, for the districts that follow the document.',
  valuesConfig: {
    EDITORIAL: {
      description:
        'Redaktionell ändring: language or clarification, no new requirement. Districts’ acknowledgements of the version before carry over to it.',
    },
    SUBSTANTIVE: {
      description:
        'Saklig ändring: a changed requirement or responsibility. Districts acknowledge it again; until they do they lag, counted from its validFrom.',
    },
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
  @Field(() => ID, { description: 'Stable id of the version.' })
  id!: string;

  @Field(() => ID, { description: 'The id of the document this is a version of.' })
  documentId!: string;

  @Field(() => Int, { description: 'Version number within the document: 1, 2, 3 …' })
  number!: number;

  @Field(() => VersionStatus, { description: 'Where the version is in its lifecycle.' })
  status!: VersionStatus;

  @Field({ description: 'The title, in Swedish.' })
  title!: string;

  @Field({ description: 'A short summary of the content, in Swedish.' })
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

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was published; null while it never was.' })
  publishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who published it.' })
  publishedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'What changed from the version it was based on.' })
  changeSummary!: string | null;

  @Field(() => Int, {
    description:
      'Increases with every change of a draft (and when it is returned to draft); updateDraft names the revision it was based on, publish the revision the reviewer read.',
  })
  revision!: number;

  @Field(() => GraphQLJSONObject, { description: 'Structured content of the kind (e.g. the rule values of a routine), as JSON.' })
  details!: Record<string, unknown>;

  /** The submitter's name from their token (`submitted_by_name`). */
  @Field(() => String, { name: 'submittedBy', nullable: true, description: 'Who submitted it for review.' })
  submitterName!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was returned to draft, when it was.' })
  returnComment!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was last submitted for review; null while it is not in review.' })
  submittedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who last returned it to draft (name from the token), when someone did.' })
  returnedBy!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was last returned to draft.' })
  returnedAt!: Date | null;

  @Field(() => GraphQLDateTime, { description: 'When it last changed (its text or its status).' })
  updatedAt!: Date;

  @Field(() => ChangeKind, { nullable: true, description: 'Redaktionell or saklig, as its publisher said; null until published.' })
  changeKind!: ChangeKind | null;

  @Field(() => GraphQLDate, {
    nullable: true,
    description:
      'Since when its requirements hold: its validFrom, or for an editorial change that of the substantive version it clarifies. Districts lag from this day.',
  })
  requirementsSince!: string | null;

  /** The number of the substantive version whose requirements it carries (its own unless editorial); not in the schema. */
  requirementsNumber!: number;

  /** The submitter's token subject (`submitted_by`), for the four-eyes rule; not in the schema. */
  submitterId!: string | null;
  /** The token subjects of everyone who wrote or changed it (`edited_by`), for the four-eyes rule; not in the schema. */
  editors!: string[];
  basedOnId!: string | null;
  area!: Area;
}

@ObjectType({ description: 'A routine, guideline or method that every district of the city follows, with its versions.' })
@Directive('@shareable')
@Directive('@cacheControl(inheritMaxAge: true)')
export class KnowledgeDocument {
  @Field(() => ID, { description: 'Stable id of the document.' })
  id!: string;

  @Field(() => Area, { description: 'The area whose process leaders own it.' })
  area!: Area;

  @Field(() => DocumentKind, { description: 'Routine, guideline or method.' })
  kind!: DocumentKind;

  @Field({ description: 'Stable name within the area, for links.' })
  slug!: string;

  @Field(() => String, { nullable: true, description: 'Diarienummer.' })
  registryNumber!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the document was retired; null while it is not.' })
  retiredAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was retired.' })
  retiredReason!: string | null;

  @Field(() => String, { nullable: true, description: 'Ägare: the name of the process leader who owns the document.' })
  ownerName!: string | null;

  /** The owner's identity (`owner_sub`: the token subject, in production the directory's ProcessLeader id). */
  ownerId!: string | null;
  /** The version a listing matched this document by; saves looking it up again. */
  listed?: DocumentVersion;
}

/** A process leader as a document's owner: the organisation subgraph resolves the rest. */
@ObjectType('ProcessLeader')
@Directive('@key(fields: "id", resolvable: false)')
@Directive('@cacheControl(inheritMaxAge: true)')
export class ProcessLeaderRef {
  @Field(() => ID)
  id!: string;
}

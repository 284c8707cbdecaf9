import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';
import { Area } from '@samsyn/area';

/** What happened: the changes a district system (or a dashboard) is told of. */
export enum ChangeType {
  VERSION_PUBLISHED = 'VERSION_PUBLISHED',
  VERSION_IN_FORCE = 'VERSION_IN_FORCE',
  DOCUMENT_RETIRED = 'DOCUMENT_RETIRED',
  REVIEW_OVERDUE = 'REVIEW_OVERDUE',
  ADOPTION_CHANGED = 'ADOPTION_CHANGED',
  FIGURES_REPORTED = 'FIGURES_REPORTED',
  FEEDBACK_RECEIVED = 'FEEDBACK_RECEIVED',
  FEEDBACK_ANSWERED = 'FEEDBACK_ANSWERED',
}

registerEnumType(ChangeType, {
  name: 'ChangeType',
  description: 'A kind of change in an area that district systems and dashboards are told of.',
  valuesConfig: {
    VERSION_PUBLISHED: { description: 'A version was published; payload: documentId, slug, title, version, versionId, validFrom.' },
    VERSION_IN_FORCE: { description: 'A published version came into force today (its validFrom); payload as VERSION_PUBLISHED.' },
    DOCUMENT_RETIRED: { description: 'A document was retired; payload: documentId, slug, reason.' },
    REVIEW_OVERDUE: { description: 'The version in force is past its review date; payload: documentId, slug, versionId, reviewBy.' },
    ADOPTION_CHANGED: { description: "A district's adoption of a version changed; payload: documentId, versionId, version, status." },
    FIGURES_REPORTED: { description: 'Figures were reported or corrected; payload: indicators, periods, inserted, updated.' },
    FEEDBACK_RECEIVED: {
      description:
        'A synpunkt was left on a version (told to its district, when a district left it, and area-wide readers); payload: feedbackId, documentId, versionId, version.',
    },
    FEEDBACK_ANSWERED: {
      description:
        'A process leader answered a synpunkt (told to its district, when a district left it, and area-wide readers); payload: feedbackId, documentId, versionId, answeredAt.',
    },
  },
});

@ObjectType({ description: 'One change in an area, as the feed and webhooks tell it: enough to decide whether to fetch more.' })
@Directive('@shareable')
export class ChangeEvent {
  @Field(() => ID, { description: 'The event id; webhook deliveries carry it as webhook-id, so a receiver can drop a repeat.' })
  id!: string;

  @Field(() => ChangeType, { description: 'What happened.' })
  type!: ChangeType;

  @Field(() => Area, { description: 'The area it happened in.' })
  area!: Area;

  @Field(() => GraphQLDateTime, { description: 'When the change was committed (for VERSION_IN_FORCE and REVIEW_OVERDUE: noticed).' })
  occurredAt!: Date;

  @Field(() => [String], { description: 'The ids of what changed: a document and its version, a district, indicator codes.' })
  subjectIds!: string[];

  @Field(() => String, { nullable: true, description: 'The district concerned, for changes of one district (adoption, reports).' })
  districtCode!: string | null;

  @Field(() => GraphQLJSONObject, { description: 'The details of this type of change (see ChangeType).' })
  payload!: Record<string, unknown>;
}

@ObjectType({ description: 'A change with its place in the feed.' })
@Directive('@shareable')
export class ChangeEdge {
  @Field({ description: 'Opaque: save it, and ask for changes(after: cursor) to go on from here, later or after a restart.' })
  cursor!: string;

  @Field(() => ChangeEvent, { description: 'The change.' })
  node!: ChangeEvent;
}

@ObjectType({ description: 'Where a page of changes ends.' })
@Directive('@shareable')
export class ChangePageInfo {
  @Field({ description: 'Whether more changes follow now; ask again with after: endCursor.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor to go on from: the last change of the page, or the cursor asked with when the page is empty.',
  })
  endCursor!: string | null;
}

@ObjectType({ description: 'A page of the change feed, oldest first.' })
@Directive('@shareable')
export class ChangeConnection {
  @Field(() => [ChangeEdge], { description: 'The changes of the page, oldest first.' })
  edges!: ChangeEdge[];

  @Field(() => ChangePageInfo, { description: 'Where to go on from.' })
  pageInfo!: ChangePageInfo;
}

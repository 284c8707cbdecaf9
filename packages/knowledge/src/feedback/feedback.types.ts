import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { AreaDistrict, type Area, type DistrictKey } from '@samsyn/area';

export enum FeedbackStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
}
registerEnumType(FeedbackStatus, {
  name: 'FeedbackStatus',
  description: 'Whether a synpunkt has been answered by a process leader of the area.',
  valuesConfig: {
    OPEN: { description: 'Not answered yet.' },
    ANSWERED: { description: 'A process leader has answered it.' },
  },
});

@ObjectType({
  description:
    'A synpunkt: feedback from a district (its system) or a signed-in person on a published version of a document, answered by the area’s process leaders and possibly addressed by a new draft. Seen by the area’s process leaders and admins, the district it came from, and whoever left it.',
})
@Directive('@shareable')
export class Feedback {
  @Field(() => ID, { description: 'Stable id of the synpunkt.' })
  id!: string;

  @Field(() => ID, { description: 'The document it concerns.' })
  documentId!: string;

  @Field(() => ID, { description: 'The version it was left on.' })
  versionId!: string;

  @Field(() => String, { nullable: true, description: 'Which section of the text it concerns, as its author named it (e.g. a heading).' })
  section!: string | null;

  @Field({ description: 'The synpunkt itself, as written.' })
  text!: string;

  @Field(() => AreaDistrict(), { nullable: true, description: 'The district it came from, when a district system left it.' })
  district!: DistrictKey | null;

  /** The author's name from the token (`author_name`). */
  @Field({ name: 'author', description: 'Who left it (the name from the token: a district system or a person).' })
  authorName!: string;

  @Field(() => GraphQLDateTime, { description: 'When it was left.' })
  createdAt!: Date;

  @Field(() => FeedbackStatus, { description: 'Whether it has been answered.' })
  status!: FeedbackStatus;

  @Field(() => String, { nullable: true, description: 'The answer of the area’s process leader; null until answered.' })
  answer!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was (last) answered.' })
  answeredAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who answered it (name from the token).' })
  answeredBy!: string | null;

  @Field({ description: 'Whether a process leader has linked it to a draft (a new version) that addresses it.' })
  addressed!: boolean;

  /** The draft linked as addressing it; resolved as `addressedBy` for those who may see it. */
  addressedByVersionId!: string | null;
  /** Who left it (`author_sub`), for access checks; not in the schema. */
  authorSub!: string;
  area!: Area;
}

@InputType({ description: 'A synpunkt on a published version.' })
export class FeedbackInput {
  @Field(() => ID, { description: 'The published version it concerns (in force, coming into force, or superseded).' })
  versionId!: string;

  @Field({ description: 'The synpunkt: 1 to 5,000 characters.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'Which section it concerns (e.g. a heading), at most 300 characters.' })
  section?: string | null;
}

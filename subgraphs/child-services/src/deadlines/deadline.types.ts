import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLDate } from '@samsyn/core';
import { DocumentVersion } from '@samsyn/knowledge';

@ObjectType({ description: 'One statutory time limit, with where it comes from.' })
export class Deadline {
  @Field(() => GraphQLDate, { description: 'The last day the step may be done on.' })
  due!: string;

  @Field(() => Int, { nullable: true, description: 'The limit in days, when counted in days.' })
  days!: number | null;

  @Field(() => Int, { nullable: true, description: 'The limit in months, when counted in months.' })
  months!: number | null;

  @Field(() => String, { description: 'The provision it rests on.' })
  legalBasis!: string;

  @Field(() => DocumentVersion, { description: 'The routine version in force on the start day, which set the limit.' })
  routineVersion!: DocumentVersion;
}

@ObjectType({ description: 'The due dates of the investigation chain for a report of concern about a child.' })
export class Deadlines {
  @Field(() => Deadline, {
    description: 'Decision whether to open an investigation (förhandsbedömning), counted in days from the day the report came in.',
  })
  initialAssessment!: Deadline;

  @Field(() => Deadline, {
    nullable: true,
    description: 'The investigation finished, counted in months from the day it started; null until it has started.',
  })
  investigation!: Deadline | null;

  @Field(() => GraphQLDate, { deprecationReason: 'Use initialAssessment { due }.', description: 'The same as initialAssessment.due.' })
  initialAssessmentDue!: string;

  @Field(() => GraphQLDate, {
    nullable: true,
    deprecationReason: 'Use investigation { due }.',
    description: 'The same as investigation.due.',
  })
  investigationDue!: string | null;

  @Field(() => [String], {
    deprecationReason: 'Use initialAssessment { legalBasis } and investigation { legalBasis }.',
    description: 'The provisions of both deadlines.',
  })
  legalBasis!: string[];

  @Field(() => DocumentVersion, {
    nullable: true,
    deprecationReason: 'Use initialAssessment { routineVersion }: the investigation may follow another version.',
    description: 'The routine version the initial-assessment rule came from.',
  })
  routineVersion!: DocumentVersion | null;
}

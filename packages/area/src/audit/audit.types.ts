import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';

@ObjectType({ description: 'One entry of the append-only audit log.' })
@Directive('@shareable')
export class AuditEntry {
  @Field(() => ID, { description: 'Increasing with time: entries sort by it.' })
  id!: string;

  @Field(() => GraphQLDateTime, { description: 'When it happened.' })
  at!: Date;

  /** The display name from the token (`actor_name`); the token's subject (`actor_id`) is not shown. */
  @Field({ name: 'actor', description: 'Who did it (name from the token).' })
  actorName!: string;

  @Field({ description: 'createDraft, updateDraft, submitForReview, returnToDraft, publish, retire …' })
  action!: string;

  @Field({ description: 'What kind of thing changed: "document" or "version".' })
  entity!: string;

  @Field(() => ID, { description: 'The id of what changed.' })
  entityId!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The changed fields as they were; null when it was created.' })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The changed fields as they became.' })
  after!: Record<string, unknown> | null;

  /** The document the entry concerns, when it concerns one; not in the schema. */
  documentId!: string | null;
}

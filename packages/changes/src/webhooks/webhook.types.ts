import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { ChangeType } from '../change.types';

export enum WebhookStatus {
  ACTIVE = 'ACTIVE',
  FAILING = 'FAILING',
  UNSUBSCRIBED = 'UNSUBSCRIBED',
}

registerEnumType(WebhookStatus, {
  name: 'WebhookStatus',
  description: 'Whether a webhook subscription is being delivered to.',
  valuesConfig: {
    ACTIVE: { description: 'Deliveries arrive (or are retried within the retry window).' },
    FAILING: {
      description: 'An event has failed for longer than the retry window; it is still retried hourly, and later events wait behind it.',
    },
    UNSUBSCRIBED: { description: 'Ended by its owner, or by the receiver answering 410 Gone.' },
  },
});

@ObjectType({ description: 'One try to deliver an event to a webhook.' })
@Directive('@shareable')
export class WebhookAttempt {
  @Field(() => ID, { description: 'The event (webhook-id) tried.' })
  eventId!: string;

  @Field(() => GraphQLDateTime, { description: 'When the try began.' })
  attemptedAt!: Date;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status; null when it did not answer." })
  statusCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Why it failed without an answer (refused, timed out, private address, …).' })
  error!: string | null;

  @Field(() => Int, { description: 'How long the try took.' })
  durationMs!: number;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it is tried again; null when it succeeded.' })
  nextAttemptAt!: Date | null;
}

@ObjectType({ description: 'A receiver of signed change events (Standard Webhooks), registered by a district system or an admin.' })
@Directive('@shareable')
export class WebhookSubscription {
  @Field(() => ID, { description: 'The subscription, as unsubscribeWebhook and rotateWebhookSecret take it.' })
  id!: string;

  @Field({ description: 'Where events are POSTed.' })
  url!: string;

  @Field(() => [ChangeType], { description: 'The types of change delivered.' })
  types!: ChangeType[];

  @Field(() => String, { nullable: true, description: "The district whose events it gets besides the area's; null for an admin's (all)." })
  districtCode!: string | null;

  @Field(() => WebhookStatus, { description: 'Whether it is being delivered to.' })
  status!: WebhookStatus;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When a failed delivery is tried again; null while deliveries succeed.' })
  nextAttemptAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Since when the event now due has failed; null when deliveries succeed.' })
  failingSince!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Until when the previous secret still signs too, after a rotation.' })
  previousSecretUntil!: Date | null;

  @Field(() => GraphQLDateTime, { description: 'When it was registered.' })
  createdAt!: Date;

  @Field(() => [WebhookAttempt], { description: 'The latest delivery attempts, newest first (at most 20).' })
  attempts!: WebhookAttempt[];
}

@ObjectType({ description: 'A new subscription or secret: the secret is shown this once; store it where the receiver verifies.' })
@Directive('@shareable')
export class WebhookRegistration {
  @Field(() => WebhookSubscription, { description: 'The subscription as it now is.' })
  subscription!: WebhookSubscription;

  @Field({
    description: 'The signing secret (whsec_…), for the Standard Webhooks libraries. Samsyn keeps it encrypted and never shows it again.',
  })
  secret!: string;
}

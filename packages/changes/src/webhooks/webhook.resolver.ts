import { Arg, Ctx, FieldResolver, ID, Int, Resolver } from 'type-graphql';
import { errorsDoc, NEEDS_TOKEN, type Constructor, type SubgraphContext } from '@samsyn/core';
import { AreaNamespace, type AreaTypes } from '@samsyn/area';
import { changesConfigOf } from '../changes.config';
import { ChangeType } from '../change.types';
import { WebhookService } from './webhook.service';
import { WebhookRegistration, WebhookSubscription } from './webhook.types';

const OWNERS = { UNAUTHENTICATED: '', FORBIDDEN: 'not a district system or an admin' } as const;

/** The webhook subscriptions of the request's area, with the settings its service started with. */
const webhooks = (ctx: SubgraphContext) => new WebhookService(ctx.db, changesConfigOf(ctx.config));

/** Webhook subscriptions: listed on every area namespace, changed in the area's mutations. */
export function webhookResolvers(types: AreaTypes): Constructor[] {
  @Resolver(() => AreaNamespace)
  class WebhookListResolver {
    @FieldResolver(() => [WebhookSubscription], {
      nullable: true,
      description: `The caller's webhook subscriptions in this area with their latest delivery attempts (a district system: those it registered; an admin: all). ${NEEDS_TOKEN}`,
    })
    webhookSubscriptions(@Ctx() ctx: SubgraphContext): Promise<WebhookSubscription[]> {
      return webhooks(ctx).list(ctx.principal);
    }
  }

  @Resolver(() => types.Mutations)
  class WebhookMutationsResolver {
    @FieldResolver(() => WebhookRegistration, {
      description: `Registers an endpoint to receive the area's changes as signed POSTs (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature). Delivery is at least once, in order, retried with backoff; it starts with changes from now on. ${errorsDoc(
        {
          ...OWNERS,
          BAD_USER_INPUT: 'not an https URL, a private address in production, no types, a malformed secret, or webhooks not enabled',
        },
      )}`,
    })
    subscribeWebhook(
      @Ctx() ctx: SubgraphContext,
      @Arg('url', { description: 'The https endpoint events are POSTed to.' }) url: string,
      @Arg('types', () => [ChangeType], { description: 'The types of change to deliver.' }) changeTypes: ChangeType[],
      @Arg('secret', () => String, { nullable: true, description: 'whsec_… of your own; left out, one is made and returned once.' })
      secret?: string | null,
    ): Promise<WebhookRegistration> {
      ctx.showsSecret = true;
      return webhooks(ctx).subscribe(ctx.principal, { url, types: changeTypes, secret });
    }

    @FieldResolver(() => WebhookSubscription, {
      description: `Ends a subscription: nothing more is delivered to it. ${errorsDoc({ ...OWNERS, NOT_FOUND: 'no such subscription of yours' })}`,
    })
    unsubscribeWebhook(
      @Ctx() ctx: SubgraphContext,
      @Arg('id', () => ID, { description: 'The subscription (WebhookSubscription.id).' }) id: string,
    ): Promise<WebhookSubscription> {
      return webhooks(ctx).unsubscribe(ctx.principal, id);
    }

    @FieldResolver(() => WebhookRegistration, {
      description: `Gives a subscription a new secret, returned once; the previous one signs beside it for overlapHours, so receivers can switch without losing a delivery. ${errorsDoc(
        {
          ...OWNERS,
          NOT_FOUND: 'no such subscription of yours',
          BAD_USER_INPUT: 'overlapHours outside 0..168, an ended subscription, or webhooks not enabled',
        },
      )}`,
    })
    rotateWebhookSecret(
      @Ctx() ctx: SubgraphContext,
      @Arg('id', () => ID, { description: 'The subscription (WebhookSubscription.id).' }) id: string,
      @Arg('overlapHours', () => Int, { defaultValue: 24, description: 'How long the previous secret still signs too (0..168).' })
      overlapHours: number,
    ): Promise<WebhookRegistration> {
      ctx.showsSecret = true;
      return webhooks(ctx).rotateSecret(ctx.principal, id, overlapHours);
    }
  }
  return [WebhookListResolver, WebhookMutationsResolver];
}

export { ChangeType, ChangeEvent, ChangeConnection } from './change.types';
export { recordChange, type ChangeRecord } from './change.recorder';
export { changesModule } from './changes.module';
export { decodeCursor, encodeCursor, eventsAfter, FEED_START, type FeedPosition } from './feed/feed.service';
export { deliveryBody, prune, retryDelayMs } from './webhooks/webhook.dispatcher';
export { guardedLookup, isPrivateAddress, targetProblem } from './webhooks/webhook.target';
export { send, type SendOutcome } from './webhooks/webhook.sender';
export { signatureHeader, seal, unseal } from './webhooks/webhook.secrets';
export { WebhookStatus } from './webhooks/webhook.types';

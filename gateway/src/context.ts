import type { Principal } from '@samsyn/core';

/** What the gateway knows of a request: the verified caller and what it forwards to subgraphs. */
export interface GatewayContext {
  requestId: string;
  authorization?: string;
  /** A mutation's Idempotency-Key, passed on to the subgraphs that carry it out. */
  idempotencyKey?: string;
  principal: Principal | null;
}

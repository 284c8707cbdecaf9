import type { Principal } from '@samsyn/core';

/** What the gateway knows of a request: the verified caller and what it forwards to subgraphs. */
export interface GatewayContext {
  requestId: string;
  authorization?: string;
  /** A mutation's Idempotency-Key, passed on to the subgraphs that carry it out. */
  idempotencyKey?: string;
  /** The client's whole request, fingerprinted for a keyed mutation (see `idempotencyAtGateway`), passed on beside the key. */
  idempotencyFingerprint?: string;
  principal: Principal | null;
}

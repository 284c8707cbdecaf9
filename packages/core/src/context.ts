import type { DataSource } from 'typeorm';
import type { Logger } from './logger';
import type { LoaderRegistry } from './loaders';
import type { Principal } from './auth/principal';

/** What every resolver of a subgraph gets: who asks, this request's loaders, and the subgraph's database. */
export interface SubgraphContext {
  requestId: string;
  principal: Principal | null;
  loaders: LoaderRegistry;
  logger: Logger;
  db: DataSource;
  /** The calendar day the request is answered for (YYYY-MM-DD, Europe/Stockholm). */
  today: string;
}

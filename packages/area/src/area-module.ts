import type { DataSource, MigrationInterface } from 'typeorm';
import type { BackgroundContext, BackgroundTask, Constructor } from '@samsyn/core';
import type { Area } from './area';
import type { AreaTypes } from './area-types';

/** A piece of an area subgraph: shared packages and the area's own capabilities alike. */
export interface AreaModule {
  migrations?: (new () => MigrationInterface)[];
  /** The resolver classes of the module, built once per area subgraph for that area's types. */
  resolvers(types: AreaTypes): Constructor[];
  /** Types in the schema that no resolver returns (entities other subgraphs resolve). */
  orphanedTypes?: Constructor[];
  /** Loads this module's demo data for the area; running it again changes nothing. */
  seed?(db: DataSource, area: Area, today: string): Promise<void>;
  /**
   * Work this module does between requests in every process of the area subgraph (see BackgroundTask). Built at
   * start-up, before the database is opened: the place to read the module's own settings from `context.config.env`.
   */
  background?(context: BackgroundContext, area: Area): BackgroundTask[];
}

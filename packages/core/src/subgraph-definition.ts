import type { GraphQLSchema } from 'graphql';
import type { DataSource, MigrationInterface } from 'typeorm';
import type { BackgroundContext, BackgroundTask } from './background';
import type { SubgraphName } from './config';
import type { Constructor } from './database';

/** Everything that makes one subgraph: its tables, its schema and its demo data. */
export interface SubgraphDefinition {
  name: SubgraphName;
  /** The PostgreSQL schema it owns (the configured suffix is appended). */
  dbSchema: string;
  entities: Constructor[];
  migrations: (new () => MigrationInterface)[];
  buildSchema(): GraphQLSchema;
  /** Loads the demo data; running it again changes nothing. */
  seed?(db: DataSource, today: string): Promise<void>;
  /**
   * Work the process does between requests (see BackgroundTask): built as the runtime starts, before the database is
   * opened, so a module reading its own settings here (from `config.env`) stops a start with a bad one; started with
   * the runtime, stopped before the pool closes.
   */
  background?(context: BackgroundContext): BackgroundTask[];
}

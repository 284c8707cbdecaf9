import { SUBGRAPHS, type SubgraphName } from '@samsyn/core';
import type { SubgraphDefinition } from '@samsyn/core';

/**
 * Every subgraph of the supergraph, in composition order: the package `@samsyn/<name>` of each name in
 * core's SUBGRAPHS (a workspace under `subgraphs/<name>` whose main module exports `subgraph`).
 */
export const ALL_SUBGRAPHS = Object.fromEntries(
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package name comes from the list of subgraphs
  SUBGRAPHS.map((name) => [name, (require(`@samsyn/${name}`) as { subgraph: SubgraphDefinition }).subgraph]),
) as Record<SubgraphName, SubgraphDefinition>;

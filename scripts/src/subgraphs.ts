import { SUBGRAPHS, type SubgraphDefinition, type SubgraphName } from '@samsyn/core';
import type { FigureBreakdown } from '@samsyn/equality';

/**
 * Every subgraph of the supergraph, in composition order: the package `@samsyn/<name>` of each name in
 * core's SUBGRAPHS (a workspace under `subgraphs/<name>` whose main module exports `subgraph`).
 */
export const ALL_SUBGRAPHS = Object.fromEntries(
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package name comes from the list of subgraphs
  SUBGRAPHS.map((name) => [name, (require(`@samsyn/${name}`) as { subgraph: SubgraphDefinition }).subgraph]),
) as Record<SubgraphName, SubgraphDefinition>;

/**
 * The breakdowns of an area's figures as its subgraph package declares them (`figureBreakdowns`: disability's decisions
 * per intervention), for writers of figures outside the subgraph (the import, the bench); none when it declares none.
 */
export function figureBreakdownsOf(name: SubgraphName): readonly FigureBreakdown[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package name comes from the list of subgraphs
  return (require(`@samsyn/${name}`) as { figureBreakdowns?: readonly FigureBreakdown[] }).figureBreakdowns ?? [];
}

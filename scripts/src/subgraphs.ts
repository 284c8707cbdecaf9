import type { SubgraphDefinition, SubgraphName } from '@samsyn/core';
import { subgraph as organisation } from '@samsyn/organisation';
import { subgraph as childServices } from '@samsyn/child-services';
import { subgraph as adultServices } from '@samsyn/adult-services';
import { subgraph as disability } from '@samsyn/disability';
import { subgraph as incomeSupport } from '@samsyn/income-support';

/** Every subgraph of the supergraph, in composition order. */
export const ALL_SUBGRAPHS: Record<SubgraphName, SubgraphDefinition> = {
  organisation,
  'child-services': childServices,
  'adult-services': adultServices,
  disability,
  'income-support': incomeSupport,
};

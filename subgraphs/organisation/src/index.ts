import { runSubgraph } from '@samsyn/core';
import { subgraph } from './subgraph';

runSubgraph(subgraph, process.env);

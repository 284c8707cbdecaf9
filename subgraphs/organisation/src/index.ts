import { runSubgraph } from '@samsyn/runtime';
import { subgraph } from './subgraph';

runSubgraph(subgraph, process.env);

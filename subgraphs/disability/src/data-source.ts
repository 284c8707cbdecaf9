// For the TypeORM CLI, e.g. `npx typeorm migration:show -d subgraphs/disability/dist/src/data-source.js`.
import { loadConfig, subgraphDataSource } from '@samsyn/core';
import { subgraph } from './subgraph';

export default subgraphDataSource(subgraph, loadConfig('disability', process.env));

// For the TypeORM CLI, e.g. `npx typeorm migration:show -d subgraphs/organisation/dist/src/data-source.js`.
import { loadConfig, subgraphDataSource } from '@samsyn/core';
import { subgraph } from './subgraph';

export default subgraphDataSource(subgraph, loadConfig('organisation', process.env));

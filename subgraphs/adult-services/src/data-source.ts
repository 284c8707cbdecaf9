// For the TypeORM CLI, e.g. `npx typeorm migration:show -d subgraphs/adult-services/dist/src/data-source.js`.
import { loadConfig, subgraphDataSource } from '@samsyn/core';
import { subgraph } from './subgraph';

export default subgraphDataSource(subgraph, loadConfig('adult-services', process.env));

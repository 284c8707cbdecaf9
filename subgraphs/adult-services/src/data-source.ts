// For the TypeORM CLI, e.g. `npx typeorm migration:show -d subgraphs/adult-services/dist/src/data-source.js`
// (DATABASE_URL, or the embedded PostgreSQL of `npm start`).
import { cliDataSource } from '@samsyn/runtime';
import { subgraph } from './subgraph';

export default cliDataSource(subgraph, process.env);

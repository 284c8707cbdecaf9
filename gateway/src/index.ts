import { loadConfig, runMain } from '@samsyn/core';
import { createGateway, serveGateway } from './gateway';

runMain('gateway', async () => {
  const config = loadConfig('gateway', process.env);
  const service = await serveGateway(await createGateway(config), config);
  console.log(`gateway ready at ${service.url}`);
  return { close: () => service.stop() };
});

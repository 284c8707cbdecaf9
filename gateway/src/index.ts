import { loadConfig, runMain, startTracing } from '@samsyn/core';
import { createGateway, serveGateway } from './gateway';

runMain('gateway', async () => {
  const config = loadConfig('gateway', process.env);
  const tracing = startTracing({ service: 'gateway', otlpEndpoint: config.otlpEndpoint });
  const service = await serveGateway(await createGateway(config), config);
  console.log(`gateway ready at ${service.url}`);
  return {
    async close() {
      await service.stop();
      await tracing?.shutdown();
    },
  };
});

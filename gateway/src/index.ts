import { loadConfig, runMain, startTracing } from '@samsyn/core';
import { createGateway, serveGateway } from './gateway';

// @apollo/gateway otherwise sends usage data to Apollo every hour; a municipal service does not phone
// home unasked (and may have no internet). Set APOLLO_TELEMETRY_DISABLED=false to allow it.
process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';

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

import { loadConfig } from '@samsyn/core';
import { runMain, startTracing } from '@samsyn/runtime';
import { createGateway, serveGateway } from './gateway';

// @apollo/gateway 2.14 otherwise sends usage metrics to Apollo and probes cloud metadata addresses (169.254.169.254)
// from every gateway it constructs; it reads only this variable, from the environment. Off unless an operator sets
// APOLLO_TELEMETRY_DISABLED=false (see docs/configuration.md). Set here, where the process starts, not in a factory.
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

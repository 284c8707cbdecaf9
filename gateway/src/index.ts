import { loadConfig } from '@samsyn/core';
import { isLaneWorker, runLaneWorker, runMain, startLane, startTracing } from '@samsyn/runtime';
import { createGateway, gatewayLane, serveGateway } from './gateway';

// @apollo/gateway 2.14 otherwise sends usage metrics to Apollo and probes cloud metadata addresses (169.254.169.254)
// from every gateway it constructs; it reads only this variable, from the environment. Off unless an operator sets
// APOLLO_TELEMETRY_DISABLED=false (see docs/configuration.md). Set here, where the process starts, not in a factory.
process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';

// This script runs in the analytical lane's worker thread too (packages/runtime/src/lane.ts): there it serves the lane.
if (isLaneWorker()) runLaneWorker(() => gatewayLane(loadConfig('gateway', process.env)));
else
  runMain('gateway', async () => {
    const config = loadConfig('gateway', process.env);
    const tracing = startTracing({ service: 'gateway', otlpEndpoint: config.otlpEndpoint });
    const runtime = await createGateway(config);
    // Without Redis, the worker answers into this thread's response cache: a stored answer is written from here.
    const lane = startLane(config, runtime.logger, runtime.sharedCache.laneStore);
    const service = await serveGateway(runtime, config, config.port, lane);
    console.log(`gateway ready at ${service.url}`);
    return {
      async close() {
        await service.stop();
        await lane?.close();
        await tracing?.shutdown();
      },
    };
  });

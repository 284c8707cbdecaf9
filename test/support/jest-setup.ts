// Registered by jest.config.js (setupFilesAfterEnv): every test file has the GraphQL matchers.
import { matchers } from './matchers';

expect.extend(matchers);

// As gateway/src/index.ts does for a gateway process: the in-process test gateways send Apollo nothing either.
process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';

// Registered by jest.config.js (setupFilesAfterEnv): every test file has the GraphQL matchers.
import { matchers } from './matchers';

expect.extend(matchers);

export * from './harness';
export * from './http-supergraph';
export * from './matchers';
export * from './builders';

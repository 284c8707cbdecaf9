export * from './harness';
export * from './http-supergraph';

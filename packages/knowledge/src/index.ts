export * from './area';
export * from './area-subgraph';
export * from './profile';
export * from './demo-districts';

export * from './demo-districts';
export * from './demo-people';

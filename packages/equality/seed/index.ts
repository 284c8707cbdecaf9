export * from './demo-figures';

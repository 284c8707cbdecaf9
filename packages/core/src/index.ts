import 'reflect-metadata';

export * from './config';
export * from './errors';
export * from './logger';
export * from './request-scope';
export * from './loaders';
export * from './database';
export * from './embedded-postgres';
export * from './federation';
export * from './http';
export * from './apollo';
export * from './context';
export * from './dates';
export * from './subgraph';
export * from './main';
export * from './auth/principal';
export * from './auth/verify';

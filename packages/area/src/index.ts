// type-graphql's decorators below read design-time types: the polyfill must load before any of them runs.
import 'reflect-metadata';

export * from './area';
export * from './area-district';
export * from './area-types';
export * from './area-module';
export * from './area-profile';
export * from './area-subgraph';
export * from './audit/audit.types';
export * from './audit/audit.service';

import type { NonEmptyArray } from 'type-graphql';
import { buildFederatedSchema, type Constructor } from '@samsyn/core';
import type { SubgraphDefinition } from '@samsyn/core';
import { dbSchemaOf, subgraphOf, type Area } from './area';
import { buildWithDistrict, type DistrictKey } from './area-district';
import type { AreaModule } from './area-module';
import { areaRootResolvers } from './area-root.resolver';
import { defineArea } from './area-types';
import { auditModule } from './audit/audit.module';

/**
 * Builds an area subgraph from its modules: its name (`child-services`) and PostgreSQL schema
 * (`child_services`) follow from the area, and the audit log is always there.
 */
export function areaSubgraph(area: Area, options: { modules: AreaModule[] }): SubgraphDefinition {
  const types = defineArea(area);
  const modules = [auditModule, ...options.modules];
  // Built once, like the root resolvers: type-graphql keeps every decorated class for the process.
  const resolvers = [...areaRootResolvers(types), ...modules.flatMap((module) => module.resolvers(types))] as NonEmptyArray<Constructor>;
  const orphanedTypes = [types.District, ...modules.flatMap((module) => module.orphanedTypes ?? [])];
  return {
    name: subgraphOf(area),
    dbSchema: dbSchemaOf(area),
    entities: [],
    migrations: modules.flatMap((module) => module.migrations ?? []),
    buildSchema: () =>
      buildWithDistrict(types.District, () =>
        buildFederatedSchema(
          { resolvers, orphanedTypes },
          { District: { __resolveReference: (reference: DistrictKey) => ({ code: reference.code }) } },
        ),
      ),
    async seed(db, today) {
      for (const module of modules) await module.seed?.(db, area, today);
    },
    background: (context) => modules.flatMap((module) => module.background?.(context, area) ?? []),
  };
}

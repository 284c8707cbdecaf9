import type { AreaModule } from '../area-module';
import { AuditLog1763800007000 } from '../migrations/1763800007000-AuditLog';

/** The append-only audit log every area subgraph has, whichever modules write to it. */
export const auditModule: AreaModule = {
  migrations: [AuditLog1763800007000],
  resolvers: () => [],
};

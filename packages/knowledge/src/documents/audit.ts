import type { EntityManager } from 'typeorm';
import { currentRequestScope, type Principal } from '@samsyn/core';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string;
  documentId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one entry to the audit log, inside the caller's transaction. */
export async function recordAudit(tx: EntityManager, actor: Principal, record: AuditRecord): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (actor, actor_name, action, entity, entity_id, document_id, before, after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      actor.sub,
      actor.name,
      record.action,
      record.entity,
      record.entityId,
      record.documentId ?? null,
      record.before === undefined ? null : JSON.stringify(record.before),
      record.after === undefined ? null : JSON.stringify(record.after),
      currentRequestScope()?.requestId ?? null,
    ],
  );
}

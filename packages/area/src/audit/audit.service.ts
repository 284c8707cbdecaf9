import { currentRequestScope, isUuid, type Db, type Principal } from '@samsyn/core';
import { AuditEntry } from './audit.types';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string;
  documentId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one entry to the audit log, inside the caller's transaction. The log keeps who did it twice:
 * `actor_id`, the token's subject, and `actor_name`, the name it carried (what `AuditEntry.actor` shows).
 */
export async function recordAudit(tx: Db, by: Principal, record: AuditRecord): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (actor_id, actor_name, action, entity, entity_id, document_id, before, after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      by.sub,
      by.name,
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

interface AuditRow {
  id: string;
  at: Date;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  document_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The audit entries of each document, oldest first: the log's one reader. */
export async function auditEntriesOfDocuments(db: Db, documentIds: readonly string[]): Promise<AuditEntry[]> {
  const rows: AuditRow[] = await db.query(
    `SELECT id, at, actor_name, action, entity, entity_id, document_id, before, after FROM audit_log
       WHERE document_id = ANY($1) ORDER BY id`,
    [documentIds.filter(isUuid)],
  );
  return rows.map((row) =>
    Object.assign(new AuditEntry(), {
      id: row.id,
      at: row.at,
      actorName: row.actor_name,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      documentId: row.document_id,
      before: row.before,
      after: row.after,
    }),
  );
}

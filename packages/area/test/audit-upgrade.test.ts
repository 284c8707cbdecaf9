import { randomUUID } from 'node:crypto';
import { openDatabase, type Principal } from '@samsyn/core';
import { schemaName, subgraphDataSource } from '@samsyn/runtime';
import { auditEntriesOfDocuments, recordAudit } from '@samsyn/area';
import { ALL_SUBGRAPHS } from '@samsyn/scripts';
import { dropSchemas, testConfig } from '@samsyn/test-support';
import { KnowledgeDocumentsBeforeAuditMoved } from './fixtures/knowledge-documents-before-audit-moved';

const current = ALL_SUBGRAPHS['child-services'];
/** The child-services subgraph as it was migrated before the audit log had its own migration (and nothing later). */
const before = {
  ...current,
  migrations: current.migrations
    .filter((migration) => Number(migration.name.slice(-13)) < 1763800007000)
    .map((migration) => (migration.name === 'KnowledgeDocuments1763800001000' ? KnowledgeDocumentsBeforeAuditMoved : migration)),
};
const anna: Principal = { sub: 'anna', name: 'Anna Exempel', roles: ['process-leader'], areas: ['CHILD_SERVICES'] };

describe('the audit log on a database migrated before it had a migration of its own', () => {
  const suffix = `_audit_${randomUUID().slice(0, 8)}`;
  const config = testConfig('child-services', suffix);
  const documentId = randomUUID();
  afterAll(() => dropSchemas(process.env.DATABASE_URL as string, [schemaName(current, config)]));

  it('keeps its entries, names the subject actor_id and stays append-only after the upgrade', async () => {
    const old = subgraphDataSource(before, config);
    await openDatabase(old, true);
    try {
      await old.query(
        `INSERT INTO audit_log (actor, actor_name, action, entity, entity_id, document_id) VALUES ('jonas', 'Jonas Prov', 'createDocument', 'document', $1, $2)`,
        [documentId, documentId],
      );
    } finally {
      await old.destroy();
    }

    const upgraded = subgraphDataSource(current, config);
    await openDatabase(upgraded, true);
    try {
      const applied: { name: string }[] = await upgraded.query(`SELECT name FROM migrations ORDER BY id`);
      expect(applied.map((row) => row.name).filter((name) => name.startsWith('AuditLog'))).toEqual(['AuditLog1763800007000']);

      await recordAudit(upgraded.manager, anna, { action: 'publish', entity: 'version', entityId: documentId, documentId });
      expect(await upgraded.query(`SELECT actor_id, actor_name, action FROM audit_log ORDER BY id`)).toEqual([
        { actor_id: 'jonas', actor_name: 'Jonas Prov', action: 'createDocument' },
        { actor_id: 'anna', actor_name: 'Anna Exempel', action: 'publish' },
      ]);
      const entries = await auditEntriesOfDocuments(upgraded.manager, [documentId]);
      expect(entries.map((entry) => [entry.actorName, entry.action])).toEqual([
        ['Jonas Prov', 'createDocument'],
        ['Anna Exempel', 'publish'],
      ]);
      await expect(upgraded.query(`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow('audit_log is append-only');
      await expect(upgraded.query(`DELETE FROM audit_log`)).rejects.toThrow('audit_log is append-only');
      // The list of areas is packages/area's alone: no CHECK in the schema repeats it.
      expect(
        await upgraded.query(
          // This schema's constraints first: pg_get_constraintdef on another test's constraint can meet its schema dropped.
          `WITH mine AS MATERIALIZED (SELECT oid, conname FROM pg_constraint WHERE contype = 'c' AND connamespace = current_schema()::regnamespace)
           SELECT conname FROM mine WHERE pg_get_constraintdef(oid) LIKE '%CHILD_SERVICES%'`,
        ),
      ).toEqual([]);
    } finally {
      await upgraded.destroy();
    }
  });
});

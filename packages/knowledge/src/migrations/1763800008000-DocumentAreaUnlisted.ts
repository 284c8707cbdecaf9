import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops the list of the four areas from `document.area` (KnowledgeDocuments1763800001000 checked
 * `area IN (…)`). The list of areas is `Area` in packages/area; a copy here would need a migration in
 * every area's schema for each new area. What it guarded stays guarded: each area subgraph writes only
 * its own area (every statement takes it from the subgraph's `Area`), and a value outside the enum
 * could not be read back through the GraphQL `Area` enum without an error.
 */
export class DocumentAreaUnlisted1763800008000 implements MigrationInterface {
  name = 'DocumentAreaUnlisted1763800008000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE document DROP CONSTRAINT IF EXISTS document_area_check`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE document ADD CONSTRAINT document_area_check CHECK (area IN ('CHILD_SERVICES','ADULT_SERVICES','DISABILITY','INCOME_SUPPORT'))`,
    );
  }
}

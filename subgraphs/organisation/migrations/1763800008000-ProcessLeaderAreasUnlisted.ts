import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops the list of the four areas from `process_leader.areas` (Organisation1763800000000 checked
 * `areas <@ ARRAY[…]`). The list of areas is `Area` in packages/area; a copy here would need a
 * migration for each new area. Process leaders are written from data typed with `Area`, and a value
 * outside the enum could not be read back through the GraphQL `Area` enum without an error.
 */
export class ProcessLeaderAreasUnlisted1763800008000 implements MigrationInterface {
  name = 'ProcessLeaderAreasUnlisted1763800008000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE process_leader DROP CONSTRAINT IF EXISTS process_leader_areas_check`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE process_leader ADD CONSTRAINT process_leader_areas_check CHECK (areas <@ ARRAY['CHILD_SERVICES','ADULT_SERVICES','DISABILITY','INCOME_SUPPORT'])`,
    );
  }
}

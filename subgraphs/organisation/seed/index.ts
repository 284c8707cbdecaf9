import type { DataSource } from 'typeorm';
import { inTransaction } from '@samsyn/core';
import { DEMO_DISTRICTS, DEMO_DISTRICTS_VALID_FROM, DEMO_PROCESS_LEADERS } from '@samsyn/area/seed';

/** Loads the demo organisation; existing rows (by code or e-mail) are left as they are. */
export async function seedOrganisation(db: DataSource): Promise<void> {
  await inTransaction(db.manager, async (tx) => {
    await tx.query(
      `INSERT INTO district (code, name, population, valid_from)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::date[])
       ON CONFLICT (code) DO NOTHING`,
      [
        DEMO_DISTRICTS.map((d) => d.code),
        DEMO_DISTRICTS.map((d) => d.name),
        DEMO_DISTRICTS.map((d) => d.population),
        DEMO_DISTRICTS.map(() => DEMO_DISTRICTS_VALID_FROM),
      ],
    );
    for (const leader of DEMO_PROCESS_LEADERS) {
      await tx.query(
        `INSERT INTO process_leader (id, name, title, email, phone, areas) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING`,
        [leader.id, leader.name, leader.title, leader.email, leader.phone, leader.areas],
      );
    }
  });
}

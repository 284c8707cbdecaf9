import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { inTransaction } from '@samsyn/core';
import type { Area, AreaModule } from '@samsyn/area';
import { DEMO_DISTRICTS, DEMO_PROCESS_LEADERS } from '@samsyn/area/seed';
import { IN_FORCE_ORDER, inForceOn } from '../src/documents/document.reader';
import type { DocumentKind } from '../src/documents/document.types';

/** One version of a demo document, in the order they were written. */
export interface VersionSeed {
  status: 'PUBLISHED' | 'IN_REVIEW' | 'DRAFT';
  /** Required for PUBLISHED versions. */
  validFrom?: string;
  title: string;
  summary: string;
  body: string;
  legalBasis: string[];
  targetGroup?: string;
  reviewBy?: string;
  decidedBy?: string;
  changeSummary?: string;
  details?: Record<string, unknown>;
}

/** A demo document: who owns it (a demo process leader's e-mail) and its versions. */
export interface DocumentSeed {
  kind: DocumentKind;
  slug: string;
  registryNumber?: string;
  owner: string;
  versions: VersionSeed[];
}

const SEEDER = 'samsyn-demo-data';

/**
 * Loads demo documents of an area: each document once (by slug), all its versions as written,
 * earlier published versions superseded by later ones. Running it again changes nothing.
 */
export async function seedDocuments(db: DataSource, area: Area, seeds: DocumentSeed[]): Promise<void> {
  await inTransaction(db.manager, async (tx) => {
    const existing = new Set<string>(
      (await tx.query<{ slug: string }[]>(`SELECT slug FROM document WHERE area = $1`, [area])).map((row) => row.slug),
    );
    for (const seed of seeds) {
      const owner = DEMO_PROCESS_LEADERS.find((leader) => leader.email === seed.owner);
      if (!owner) throw new Error(`demo document ${seed.slug}: no demo process leader ${seed.owner}`);
      if (existing.has(seed.slug)) {
        // Loaded before owners had names: the name of a demo owner is filled in once.
        await tx.query(`UPDATE document SET owner_name = $3 WHERE area = $1 AND slug = $2 AND owner_sub = $4 AND owner_name IS NULL`, [
          area,
          seed.slug,
          owner.name,
          owner.id,
        ]);
        continue;
      }
      const documentId = randomUUID();
      await tx.query(
        `INSERT INTO document (id, area, kind, slug, registry_number, owner_sub, owner_name, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [documentId, area, seed.kind, seed.slug, seed.registryNumber ?? null, owner.id, owner.name, SEEDER],
      );
      const lastPublished = seed.versions.map((v) => v.status).lastIndexOf('PUBLISHED');
      let basedOn: string | null = null;
      for (const [i, version] of seed.versions.entries()) {
        if (version.status === 'PUBLISHED' && !version.validFrom)
          throw new Error(`demo document ${seed.slug}: a published version needs validFrom`);
        const id = randomUUID();
        const status = version.status === 'PUBLISHED' && i < lastPublished ? 'SUPERSEDED' : version.status;
        const published = version.status === 'PUBLISHED';
        await tx.query(
          `INSERT INTO document_version (id, document_id, number, status, based_on_id, title, summary, body, legal_basis, target_group,
             valid_from, review_by, decided_by, change_summary, details, created_by, updated_by,
             submitted_at, submitted_by, submitted_by_name, published_at, published_by, published_by_name, edited_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16,
             $17, $18, $19, $20, $16, $21, ARRAY[$22::text])`,
          [
            id,
            documentId,
            i + 1,
            status,
            basedOn,
            version.title,
            version.summary,
            version.body,
            version.legalBasis,
            version.targetGroup ?? null,
            version.validFrom ?? null,
            version.reviewBy ?? null,
            version.decidedBy ?? null,
            version.changeSummary ?? null,
            JSON.stringify(version.details ?? {}),
            SEEDER,
            version.status === 'DRAFT' ? null : (version.validFrom ?? new Date().toISOString()),
            version.status === 'DRAFT' ? null : owner.id,
            version.status === 'DRAFT' ? null : owner.name,
            published ? version.validFrom : null,
            published ? owner.name : null,
            // The owner wrote it: their drafts are theirs in Att göra, and four eyes keep them from publishing them.
            owner.id,
          ],
        );
        if (published) basedOn = id;
      }
    }
  });
}

/**
 * Demo adoption: for each published version in force, most demo districts have implemented or
 * acknowledged it; some still run an older version or none, so they lag. The same every time.
 */
export async function seedAdoption(db: DataSource, area: Area, today: string): Promise<void> {
  const [{ present }] = await db.query<{ present: boolean }[]>(
    `SELECT exists(SELECT 1 FROM adoption a JOIN document d ON d.id = a.document_id WHERE d.area = $1) AS present`,
    [area],
  );
  if (present) return;
  const versions: { id: string; document_id: string; slug: string; number: number; previous_id: string | null }[] = await db.query(
    `SELECT DISTINCT ON (v.document_id) v.id, v.document_id, d.slug, v.number,
       (SELECT p.id FROM document_version p WHERE p.document_id = v.document_id AND p.number < v.number AND p.status = 'SUPERSEDED' ORDER BY p.number DESC LIMIT 1) AS previous_id
     FROM document_version v JOIN document d ON d.id = v.document_id
     WHERE d.area = $1 AND ${inForceOn('$2')}
     ORDER BY v.document_id, ${IN_FORCE_ORDER}`,
    [area, today],
  );
  for (const version of versions) {
    for (const district of DEMO_DISTRICTS) {
      // A stable pseudo-random bucket 0–9 per document and district.
      const bucket = Array.from(`${version.slug}:${district.code}`).reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 10;
      const target = bucket <= 7 ? version.id : bucket === 8 ? version.previous_id : null;
      if (!target) continue;
      const status = bucket <= 4 ? 'IMPLEMENTED' : 'ACKNOWLEDGED';
      await db.query(
        `INSERT INTO adoption (version_id, document_id, district, status, acknowledged_at, implemented_at, updated_by)
         VALUES ($1, $2, $3, $4, now(), CASE WHEN $4 = 'IMPLEMENTED' THEN now() END, $5) ON CONFLICT DO NOTHING`,
        [target, version.document_id, district.code, status, SEEDER],
      );
    }
  }
}

/** The demo documents of an area, and districts' adoption of them: mounted after `knowledgeModule`. */
export function knowledgeDemo(documents: DocumentSeed[]): AreaModule {
  return {
    resolvers: () => [],
    async seed(db, area, today) {
      await seedDocuments(db, area, documents);
      await seedAdoption(db, area, today);
    },
  };
}

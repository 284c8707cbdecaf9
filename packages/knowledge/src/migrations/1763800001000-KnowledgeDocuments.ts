import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents and their numbered versions, in the area's own schema. (Until the audit log moved to
 * packages/area this migration also created `audit_log`; AuditLog1763800007000 now does, and is safe
 * for databases that got it from here.)
 * Search: a Swedish full-text vector per version (title A, summary B, body C) with a GIN index,
 * and `swedish_search_query`, which also matches other inflections and derivations of each word
 * by a prefix of its stem (so "orosanmälningar" finds "orosanmälan").
 */
export class KnowledgeDocuments1763800001000 implements MigrationInterface {
  name = 'KnowledgeDocuments1763800001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        area text NOT NULL CHECK (area IN ('CHILD_SERVICES','ADULT_SERVICES','DISABILITY','INCOME_SUPPORT')),
        kind text NOT NULL CHECK (kind IN ('ROUTINE','GUIDELINE','METHOD')),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        registry_number text,
        owner_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        retired_at timestamptz,
        retired_by text,
        retired_reason text,
        UNIQUE (area, slug)
      )`);
    await db.query(`
      CREATE TABLE document_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES document (id),
        number integer NOT NULL CHECK (number > 0),
        status text NOT NULL CHECK (status IN ('DRAFT','IN_REVIEW','PUBLISHED','SUPERSEDED','RETIRED')),
        based_on_id uuid REFERENCES document_version (id),
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        body text NOT NULL DEFAULT '',
        legal_basis text[] NOT NULL DEFAULT '{}',
        target_group text,
        valid_from date,
        review_by date,
        decided_by text,
        change_summary text,
        details jsonb NOT NULL DEFAULT '{}',
        revision integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        submitted_at timestamptz,
        submitted_by text,
        submitted_by_name text,
        returned_at timestamptz,
        returned_by text,
        return_comment text,
        published_at timestamptz,
        published_by text,
        published_by_name text,
        superseded_at timestamptz,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('swedish', coalesce(title, '')), 'A') ||
          setweight(to_tsvector('swedish', coalesce(summary, '')), 'B') ||
          setweight(to_tsvector('swedish', coalesce(body, '')), 'C')
        ) STORED,
        UNIQUE (document_id, number),
        CHECK (status NOT IN ('PUBLISHED','SUPERSEDED') OR (valid_from IS NOT NULL AND published_at IS NOT NULL))
      )`);
    // Only one version of a document is the latest published one; a race to publish two loses here at the latest.
    await db.query(`CREATE UNIQUE INDEX document_version_one_published ON document_version (document_id) WHERE status = 'PUBLISHED'`);
    await db.query(
      `CREATE INDEX document_version_in_force_idx ON document_version (document_id, valid_from DESC, number DESC) WHERE status IN ('PUBLISHED','SUPERSEDED')`,
    );
    await db.query(`CREATE INDEX document_version_status_idx ON document_version (status)`);
    await db.query(`CREATE INDEX document_version_search_idx ON document_version USING gin (search)`);

    await db.query(`
      CREATE FUNCTION swedish_search_query(words text) RETURNS tsquery LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE string_agg(
          format('(%s | %s:*)', quote_literal(lexeme), quote_literal(
            CASE WHEN length(stripped) >= 4 THEN stripped ELSE lexeme END)), ' & ')::tsquery END
        FROM (
          SELECT lexeme, regexp_replace(lexeme, '(ningarna|ningar|ningen|ning|ingar|ing|else|heten|het|ande|ende|an|en|ar|er|or)$', '') AS stripped
          FROM unnest(to_tsvector('swedish', words))
        ) AS terms
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION swedish_search_query(text)`);
    await db.query(`DROP TABLE document_version`);
    await db.query(`DROP TABLE document`);
  }
}

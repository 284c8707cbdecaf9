import type { DataSource } from 'typeorm';
import { BadInputError, type Principal } from '@samsyn/core';
import { Area, DocumentKind, DocumentLifecycle, DocumentReader, type DocumentVersion } from '@samsyn/knowledge';
import { problemsOf, type NormTable } from './norm-table';

/** The guideline whose versions are the yearly national norm tables. */
export const NORM_SLUG = 'riksnorm';

/** Finds and drafts national norm tables; publishing goes through the document lifecycle (four eyes). */
export class NormService {
  constructor(private readonly db: DataSource) {}

  /** The latest published version holding the norm for `year`, or a clear error when there is none. */
  async publishedNorm(year: number): Promise<{ table: NormTable; version: DocumentVersion }> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT v.id FROM document_version v JOIN document d ON d.id = v.document_id
       WHERE d.area = $1 AND d.slug = $2 AND v.status IN ('PUBLISHED', 'SUPERSEDED')
         AND v.details -> 'nationalNorm' ->> 'year' = $3
       ORDER BY v.number DESC LIMIT 1`,
      [Area.INCOME_SUPPORT, NORM_SLUG, String(year)],
    );
    if (!rows[0]) throw new BadInputError(`No national norm for ${year} has been published.`, { year });
    const [version] = await new DocumentReader(this.db).versionsByIds([rows[0].id]);
    const table = version.details.nationalNorm as NormTable;
    const problems = problemsOf(table);
    if (problems.length > 0) throw new BadInputError(`The published norm for ${year} is incomplete: ${problems.join('; ')}.`, { year });
    return { table, version };
  }

  /** The years with a published norm, newest first. */
  async publishedYears(): Promise<number[]> {
    const rows: { year: number }[] = await this.db.query(
      `SELECT DISTINCT (v.details -> 'nationalNorm' ->> 'year')::int AS year FROM document_version v JOIN document d ON d.id = v.document_id
       WHERE d.area = $1 AND d.slug = $2 AND v.status IN ('PUBLISHED', 'SUPERSEDED') AND v.details ? 'nationalNorm' ORDER BY year DESC`,
      [Area.INCOME_SUPPORT, NORM_SLUG],
    );
    return rows.map((row) => row.year);
  }

  /** A draft of the norm for a year, checked complete, as a new version of the norm guideline. */
  async createDraft(principal: Principal | null, today: string, table: NormTable): Promise<DocumentVersion> {
    const problems = problemsOf(table);
    if (problems.length > 0) throw new BadInputError(`The norm table is not complete: ${problems.join('; ')}.`, { problems });
    const lifecycle = new DocumentLifecycle(this.db, principal, today);
    const existing = await new DocumentReader(this.db).documentBySlug(Area.INCOME_SUPPORT, NORM_SLUG);
    const content = {
      title: `Riksnormen för försörjningsstöd ${table.year}`,
      summary: `Riksnormens belopp per månad för ${table.year}: personliga kostnader per hushållsmedlem och gemensamma hushållskostnader.`,
      body: `Beloppen gäller för ${table.year} enligt ${table.source}. Normen räknas i Samsyn med \`nationalNorm\`, samma i alla stadsdelar.`,
      legalBasis: ['SoL 12 kap. 7 §', table.source],
      details: { nationalNorm: table },
      changeSummary: `Riksnormen för ${table.year}.`,
    };
    return existing
      ? lifecycle.createDraft(Area.INCOME_SUPPORT, { documentId: existing.id, ...content })
      : lifecycle.createDraft(Area.INCOME_SUPPORT, { kind: DocumentKind.GUIDELINE, slug: NORM_SLUG, targetGroup: 'Hushåll som ansöker om ekonomiskt bistånd', ...content });
  }
}

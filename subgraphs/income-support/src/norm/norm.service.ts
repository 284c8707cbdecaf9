import { BadInputError, inTransaction, type Db, type Principal } from '@samsyn/core';
import { Area } from '@samsyn/area';
import { DocumentKind, DocumentLifecycle, DocumentReader, type DocumentVersion } from '@samsyn/knowledge';
import { normTableProblems, type NormTable } from './norm-table';
import { calculateNorm, type Household } from './norm.calculator';
import { NormResult, type NormLine } from './norm.types';

/** The guideline whose versions are the yearly national norm tables. */
export const NORM_SLUG = 'riksnorm';

/** Finds and drafts national norm tables; publishing goes through the document lifecycle (four eyes). */
export class NormService {
  constructor(private readonly db: Db) {}

  /** The published versions of the norm guideline that hold a table, newest first (a handful: one or two a year). */
  private async publishedTables(): Promise<{ table: NormTable; version: DocumentVersion }[]> {
    const versions = await new DocumentReader(this.db).publishedVersionsOf(Area.INCOME_SUPPORT, NORM_SLUG);
    return versions.flatMap((version) => {
      const table = version.details.nationalNorm as NormTable | undefined;
      return table && typeof table === 'object' ? [{ table, version }] : [];
    });
  }

  /** The latest published version holding the norm for `year`, or a clear error when there is none. */
  async publishedNorm(year: number): Promise<{ table: NormTable; version: DocumentVersion }> {
    const found = (await this.publishedTables()).find(({ table }) => String(table.year) === String(year));
    if (!found) throw new BadInputError(`No national norm for ${year} has been published.`, { year });
    const { table, version } = found;
    const problems = normTableProblems(table);
    if (problems.length > 0) throw new BadInputError(`The published norm for ${year} is incomplete: ${problems.join('; ')}.`, { year });
    return { table, version };
  }

  /** The monthly norm for a household from the published norm of `year`, with the version it comes from. */
  async nationalNorm(year: number, household: Household): Promise<NormResult> {
    const { table, version } = await this.publishedNorm(year);
    const { total, lines } = calculateNorm(table, household);
    return Object.assign(new NormResult(), { year, total, lines: lines as NormLine[], normVersion: version });
  }

  /** The years with a published norm, newest first. */
  async publishedYears(): Promise<number[]> {
    const years = new Set((await this.publishedTables()).map(({ table }) => table.year).filter(Number.isInteger));
    return [...years].sort((a, b) => b - a);
  }

  /** A draft of the norm for a year, checked complete, as a new version of the norm guideline. */
  async createDraft(principal: Principal | null, today: string, table: NormTable): Promise<DocumentVersion> {
    const problems = normTableProblems(table);
    if (problems.length > 0) throw new BadInputError(`The norm table is not complete: ${problems.join('; ')}.`, { problems });
    // One transaction: the norm document is looked up where the draft is written.
    const content = {
      title: `Riksnormen för försörjningsstöd ${table.year}`,
      summary: `Riksnormens belopp per månad för ${table.year}: personliga kostnader per hushållsmedlem och gemensamma hushållskostnader.`,
      body: `Beloppen gäller för ${table.year} enligt ${table.source}. Normen räknas i Samsyn med \`nationalNorm\`, samma i alla stadsdelar.`,
      legalBasis: ['SoL 12 kap. 7 §', table.source],
      details: { nationalNorm: table },
      changeSummary: `Riksnormen för ${table.year}.`,
    };
    return inTransaction(this.db, async (tx) => {
      const lifecycle = new DocumentLifecycle(tx, principal, today);
      const existing = await new DocumentReader(tx).documentBySlug(Area.INCOME_SUPPORT, NORM_SLUG);
      return existing
        ? lifecycle.createDraft(Area.INCOME_SUPPORT, { documentId: existing.id, ...content })
        : lifecycle.createDraft(Area.INCOME_SUPPORT, {
            kind: DocumentKind.GUIDELINE,
            slug: NORM_SLUG,
            targetGroup: 'Hushåll som ansöker om ekonomiskt bistånd',
            ...content,
          });
    });
  }
}

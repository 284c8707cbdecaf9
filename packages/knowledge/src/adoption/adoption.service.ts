import { ChangeType, recordChange } from '@samsyn/changes';
import { BadInputError, daysBetween, inTransaction, isUuid, NotFoundError, policy, type Db, type Principal } from '@samsyn/core';
import { recordAudit, type Area } from '@samsyn/area';
import { DocumentReader, wasPublished } from '../documents/document.reader';
import { VersionStatus, type DocumentVersion } from '../documents/document.types';
import { Adoption, AdoptionStatus } from './adoption.types';

export interface AdoptionRow {
  version_id: string;
  document_id: string;
  district: string;
  status: AdoptionStatus;
  acknowledged_at: Date;
  implemented_at: Date | null;
  number: number;
}

/**
 * Where `district` stands on a document, from all its adoption rows for the document (any version). It meets the
 * version in force `current` when it has acknowledged it or any version since the substantive one whose
 * requirements it carries (an editorial change asks nothing new); otherwise it lags, counted from the day those
 * requirements came into force (none in force: it cannot lag). `upcoming` is a published version not yet in
 * force, which a district may acknowledge ahead.
 */
export function adoptionOf(
  district: string,
  documentId: string,
  current: DocumentVersion | null,
  rows: AdoptionRow[],
  today: string,
  upcoming: DocumentVersion | null = null,
): Adoption {
  const own = rows.filter((row) => row.district === district && row.document_id === documentId);
  const newest = [...own].sort((a, b) => b.number - a.number)[0];
  const ofCurrent = current ? own.find((row) => row.version_id === current.id) : undefined;
  const meeting = current
    ? (ofCurrent ??
      own
        .filter((row) => row.number >= current.requirementsNumber && row.number <= current.number)
        .sort((a, b) => Number(b.status === AdoptionStatus.IMPLEMENTED) - Number(a.status === AdoptionStatus.IMPLEMENTED))[0])
    : undefined;
  const ofUpcoming = upcoming ? own.find((row) => row.version_id === upcoming.id) : undefined;
  const lagging = current !== null && !meeting;
  const lagSince = current?.requirementsSince ?? current?.validFrom ?? null;
  return Object.assign(new Adoption(), {
    district: { code: district },
    documentId,
    adoptedVersionId: newest?.version_id ?? null,
    currentVersionId: current?.id ?? null,
    currentStatus: meeting?.status ?? null,
    upcomingVersionId: upcoming?.id ?? null,
    upcomingStatus: ofUpcoming?.status ?? null,
    status: newest?.status ?? null,
    acknowledgedAt: newest?.acknowledged_at ?? null,
    implementedAt: newest?.implemented_at ?? null,
    lagging,
    daysLagging: lagging && lagSince ? Math.max(0, daysBetween(lagSince, today)) : null,
  });
}

/** Reads and records adoption: every read is one statement. */
export class AdoptionService {
  constructor(private readonly db: Db) {}

  /** All adoption rows of the given districts (with the version number), in one statement. */
  async ofDistricts(districts: readonly string[]): Promise<AdoptionRow[]> {
    return this.db.query(
      `SELECT a.version_id, a.document_id, a.district, a.status, a.acknowledged_at, a.implemented_at, v.number
       FROM adoption a JOIN document_version v ON v.id = a.version_id WHERE a.district = ANY($1)`,
      [districts],
    );
  }

  /** All adoption rows of the given documents. */
  async ofDocuments(documentIds: readonly string[]): Promise<AdoptionRow[]> {
    return this.db.query(
      `SELECT a.version_id, a.document_id, a.district, a.status, a.acknowledged_at, a.implemented_at, v.number
       FROM adoption a JOIN document_version v ON v.id = a.version_id WHERE a.document_id = ANY($1) ORDER BY a.district`,
      [documentIds.filter(isUuid)],
    );
  }

  /** The districts this area has heard from about adoption. */
  async knownDistricts(): Promise<string[]> {
    const rows: { district: string }[] = await this.db.query(`SELECT DISTINCT district FROM adoption ORDER BY district`);
    return rows.map((row) => row.district);
  }

  /**
   * A district system acknowledges (or reports as implemented) a published version for its own district.
   * Going back from IMPLEMENTED to ACKNOWLEDGED is refused; repeating a status changes nothing and
   * writes no audit entry. One transaction, every statement on its connection.
   */
  async acknowledge(
    principal: Principal | null,
    area: Area,
    versionId: string,
    status: AdoptionStatus,
    today: string,
    forDistrict?: string | null,
  ): Promise<Adoption> {
    const caller = policy.requireDistrictSystemFor(principal, forDistrict ? [forDistrict] : []);
    const district = caller.district as string;
    return inTransaction(this.db, async (tx) => {
      const documents = new DocumentReader(tx);
      const [version] = await documents.versionsByIds([versionId]);
      if (!version || version.area !== area) throw new NotFoundError(`No version ${versionId} in this area.`, { versionId });
      if (!wasPublished(version)) {
        throw new BadInputError(`Only a published version can be acknowledged; version ${version.number} is ${version.status}.`, {
          status: version.status,
        });
      }
      // The only change an existing row can take is ACKNOWLEDGED → IMPLEMENTED; concurrent callers queue on the row
      // and the later ones find nothing to change, so the outcome does not depend on who came first.
      const [changed]: (AdoptionRow & { inserted: boolean })[] = await tx.query(
        `INSERT INTO adoption AS a (version_id, document_id, district, status, acknowledged_at, implemented_at, updated_by)
         VALUES ($1, $2, $3, $4, now(), CASE WHEN $4 = 'IMPLEMENTED' THEN now() END, $5)
         ON CONFLICT (version_id, district) DO UPDATE SET status = 'IMPLEMENTED', implemented_at = now(), updated_by = excluded.updated_by
           WHERE a.status = 'ACKNOWLEDGED' AND excluded.status = 'IMPLEMENTED'
         RETURNING version_id, document_id, district, status, acknowledged_at, implemented_at, $6::int AS number, (xmax = 0) AS inserted`,
        [version.id, version.documentId, district, status, caller.sub, version.number],
      );
      const rows: AdoptionRow[] = await tx.query(
        `SELECT a.version_id, a.document_id, a.district, a.status, a.acknowledged_at, a.implemented_at, v.number
         FROM adoption a JOIN document_version v ON v.id = a.version_id WHERE a.document_id = $1 AND a.district = $2`,
        [version.documentId, district],
      );
      if (changed) {
        await recordChange(tx, {
          type: ChangeType.ADOPTION_CHANGED,
          area,
          subjectIds: [version.documentId, version.id, district],
          districtCode: district,
          payload: { documentId: version.documentId, versionId: version.id, version: version.number, status: changed.status },
        });
        const { inserted, ...after } = changed;
        const before = inserted ? null : { ...after, status: AdoptionStatus.ACKNOWLEDGED, implemented_at: null };
        await recordAudit(tx, caller, {
          action: 'acknowledge',
          entity: 'adoption',
          entityId: `${version.id}:${district}`,
          documentId: version.documentId,
          before,
          after,
        });
      } else if (
        status === AdoptionStatus.ACKNOWLEDGED &&
        rows.find((row) => row.version_id === version.id)?.status === AdoptionStatus.IMPLEMENTED
      ) {
        throw new BadInputError('The version is already reported as implemented; it cannot go back to acknowledged.', {
          status: AdoptionStatus.IMPLEMENTED,
        });
      }
      const [current] = await documents.inForce([version.documentId], today);
      const upcoming = (await documents.versionsOf([version.documentId])).find(
        (v) => v.status === VersionStatus.PUBLISHED && v.validFrom !== null && v.validFrom > today,
      );
      return adoptionOf(district, version.documentId, current ?? null, rows, today, upcoming ?? null);
    });
  }
}

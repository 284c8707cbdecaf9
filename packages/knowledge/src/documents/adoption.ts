import type { DataSource } from 'typeorm';
import { BadInputError, isUuid, NotFoundError, policy, type Principal } from '@samsyn/core';
import { Field, Int, ObjectType, registerEnumType, Directive } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Area } from '../area';
import { recordAudit } from './audit';
import { AreaDistrict, type DistrictKey } from '../area-subgraph';
import { DocumentReader } from './document.reader';
import { DocumentVersion, VersionStatus } from './types';

export enum AdoptionStatus {
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IMPLEMENTED = 'IMPLEMENTED',
}
registerEnumType(AdoptionStatus, {
  name: 'AdoptionStatus',
  description: 'How far a district has come with a published version.',
  valuesConfig: {
    ACKNOWLEDGED: { description: 'The district has taken note of the version and plans its introduction.' },
    IMPLEMENTED: { description: 'The district works by the version.' },
  },
});

/**
 * Where a district stands on one document: the newest version it has acknowledged or implemented,
 * and whether it lags behind the version in force.
 */
@ObjectType({ description: "A district's adoption of a document: the newest version it has acknowledged, and whether it lags behind the version in force.", simpleResolvers: true })
@Directive('@shareable')
export class Adoption {
  @Field(() => AreaDistrict(), { description: 'The district.' })
  district!: DistrictKey;

  documentId!: string;
  /** The version it has acknowledged most recently (highest number), if any. */
  adoptedVersionId!: string | null;
  /** The version in force, if any. */
  currentVersionId!: string | null;
  /** Its status for the version in force (for counting). */
  currentStatus!: AdoptionStatus | null;

  @Field(() => AdoptionStatus, { nullable: true, description: 'Its status for `version`; null when it has acknowledged no version.' })
  status!: AdoptionStatus | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the district acknowledged `version`.' })
  acknowledgedAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it reported `version` implemented; null until it has.' })
  implementedAt!: Date | null;

  @Field({ description: 'Whether the district has not yet acknowledged the version in force.' })
  lagging!: boolean;

  @Field(() => Int, { nullable: true, description: 'Days since the version in force came into force, while lagging.' })
  daysLagging!: number | null;
}

@ObjectType({ description: "A district's adoption of an area's documents in force." })
@Directive('@shareable')
export class AdoptionSummary {
  @Field(() => Int, { description: 'Documents of the area in force today.' })
  documentsInForce!: number;

  @Field(() => Int, { description: 'Of those, how many the district has acknowledged or implemented in the version in force.' })
  acknowledged!: number;

  @Field(() => Int, { description: 'Of those, how many it has implemented.' })
  implemented!: number;

  @Field(() => [Adoption], { description: 'The documents where the district lags, longest first.' })
  lagging!: Adoption[];
}

export interface AdoptionRow {
  version_id: string;
  document_id: string;
  district: string;
  status: AdoptionStatus;
  acknowledged_at: Date;
  implemented_at: Date | null;
  number: number;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Where `district` stands on a document, from all its adoption rows for the document (any version):
 * it lags when it has not acknowledged the version in force `current` (none in force: it cannot lag).
 */
export function standing(district: string, documentId: string, current: DocumentVersion | null, rows: AdoptionRow[], today: string): Adoption {
  const own = rows.filter((row) => row.district === district && row.document_id === documentId);
  const newest = [...own].sort((a, b) => b.number - a.number)[0];
  const ofCurrent = current ? own.find((row) => row.version_id === current.id) : undefined;
  const lagging = current !== null && !ofCurrent;
  return Object.assign(new Adoption(), {
    district: { code: district },
    documentId,
    adoptedVersionId: newest?.version_id ?? null,
    currentVersionId: current?.id ?? null,
    currentStatus: ofCurrent?.status ?? null,
    status: newest?.status ?? null,
    acknowledgedAt: newest?.acknowledged_at ?? null,
    implementedAt: newest?.implemented_at ?? null,
    lagging,
    daysLagging: lagging && current?.validFrom ? Math.max(0, daysBetween(current.validFrom, today)) : null,
  });
}

/** Reads and records adoption: every read is one statement. */
export class AdoptionService {
  constructor(private readonly db: DataSource) {}

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
   * Going back from IMPLEMENTED to ACKNOWLEDGED is refused; repeating a status changes nothing.
   */
  async acknowledge(principal: Principal | null, area: Area, versionId: string, status: AdoptionStatus, today: string, forDistrict?: string | null): Promise<Adoption> {
    const caller = policy.requireDistrictSystemFor(principal, forDistrict ? [forDistrict] : []);
    const district = caller.district as string;
    return this.db.transaction(async (tx) => {
      const versions: { id: string; document_id: string; status: VersionStatus; number: number }[] = isUuid(versionId)
        ? await tx.query(
            `SELECT v.id, v.document_id, v.status, v.number FROM document_version v JOIN document d ON d.id = v.document_id
             WHERE v.id = $1 AND d.area = $2`,
            [versionId, area],
          )
        : [];
      const version = versions[0];
      if (!version) throw new NotFoundError(`No version ${versionId} in this area.`, { versionId });
      if (version.status !== VersionStatus.PUBLISHED && version.status !== VersionStatus.SUPERSEDED) {
        throw new BadInputError(`Only a published version can be acknowledged; version ${version.number} is ${version.status}.`, { status: version.status });
      }
      const [before]: AdoptionRow[] = await tx.query(
        `SELECT version_id, document_id, district, status, acknowledged_at, implemented_at, $3::int AS number FROM adoption
         WHERE version_id = $1 AND district = $2 FOR UPDATE`,
        [versionId, district, version.number],
      );
      if (before?.status === AdoptionStatus.IMPLEMENTED && status === AdoptionStatus.ACKNOWLEDGED) {
        throw new BadInputError('The version is already reported as implemented; it cannot go back to acknowledged.', { status: before.status });
      }
      const [row]: AdoptionRow[] = await tx.query(
        `INSERT INTO adoption AS a (version_id, document_id, district, status, acknowledged_at, implemented_at, updated_by)
         VALUES ($1, $2, $3, $4, now(), CASE WHEN $4 = 'IMPLEMENTED' THEN now() END, $5)
         ON CONFLICT (version_id, district) DO UPDATE SET
           status = excluded.status,
           implemented_at = coalesce(a.implemented_at, excluded.implemented_at),
           updated_by = excluded.updated_by
         RETURNING version_id, document_id, district, status, acknowledged_at, implemented_at, $6::int AS number`,
        [versionId, version.document_id, district, status, caller.sub, version.number],
      );
      await recordAudit(tx, caller, {
        action: 'acknowledge',
        entity: 'adoption',
        entityId: `${versionId}:${district}`,
        documentId: version.document_id,
        before: before ?? null,
        after: row,
      });
      const rows: AdoptionRow[] = await tx.query(
        `SELECT a.version_id, a.document_id, a.district, a.status, a.acknowledged_at, a.implemented_at, v.number
         FROM adoption a JOIN document_version v ON v.id = a.version_id WHERE a.document_id = $1 AND a.district = $2`,
        [version.document_id, district],
      );
      const [current] = await new DocumentReader(this.db).inForce([version.document_id], today);
      return standing(district, version.document_id, current ?? null, rows, today);
    });
  }
}


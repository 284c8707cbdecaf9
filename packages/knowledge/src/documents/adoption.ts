import type { DataSource } from 'typeorm';
import { BadInputError, isUuid, NotFoundError, policy, type Principal } from '@samsyn/core';
import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType, Directive } from 'type-graphql';
import type { Area } from '../area';
import { recordAudit } from './audit';
import { AreaDistrict, type DistrictKey } from '../area-subgraph';
import { DocumentVersion, VersionStatus } from './types';

export enum AdoptionStatus {
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IMPLEMENTED = 'IMPLEMENTED',
}
registerEnumType(AdoptionStatus, {
  name: 'AdoptionStatus',
  valuesConfig: {
    ACKNOWLEDGED: { description: 'The district has taken note of the version and plans its introduction.' },
    IMPLEMENTED: { description: 'The district works by the version.' },
  },
});

/** A district's stand on one version of a document. */
@ObjectType({ description: "A district's adoption of a document version." })
@Directive('@shareable')
export class Adoption {
  @Field(() => AreaDistrict())
  district!: DistrictKey;

  versionId!: string;
  documentId!: string;

  @Field(() => AdoptionStatus)
  status!: AdoptionStatus;

  @Field(() => GraphQLISODateTime)
  acknowledgedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  implementedAt!: Date | null;
}

/** Where a district stands on one document: the version in force against the one it runs. */
@ObjectType({ description: "A district's standing on one document: lagging when it has not adopted the version in force.", simpleResolvers: true })
@Directive('@shareable')
export class DocumentAdoption {
  @Field(() => AreaDistrict())
  district!: DistrictKey;

  documentId!: string;
  currentVersionId!: string;
  adoptedVersionId!: string | null;

  @Field(() => AdoptionStatus, { nullable: true, description: 'Its adoption of the version in force; null when it has none.' })
  status!: AdoptionStatus | null;

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

  @Field(() => [DocumentAdoption], { description: 'The documents where the district lags, longest first.' })
  lagging!: DocumentAdoption[];
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

export function toAdoption(row: AdoptionRow): Adoption {
  return Object.assign(new Adoption(), {
    district: { code: row.district },
    versionId: row.version_id,
    documentId: row.document_id,
    status: row.status,
    acknowledgedAt: row.acknowledged_at,
    implementedAt: row.implemented_at,
  });
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Where `district` stands on a document whose version in force is `current`, given all its adoption
 * rows for the document (any version). It lags when it has not acknowledged the version in force.
 */
export function standing(district: string, current: DocumentVersion, rows: AdoptionRow[], today: string): DocumentAdoption {
  const own = rows.filter((row) => row.district === district && row.document_id === current.documentId);
  const ofCurrent = own.find((row) => row.version_id === current.id);
  const newest = own.sort((a, b) => b.number - a.number)[0];
  const lagging = !ofCurrent;
  return Object.assign(new DocumentAdoption(), {
    district: { code: district },
    documentId: current.documentId,
    currentVersionId: current.id,
    adoptedVersionId: newest?.version_id ?? null,
    status: ofCurrent?.status ?? null,
    lagging,
    daysLagging: lagging && current.validFrom ? Math.max(0, daysBetween(current.validFrom, today)) : null,
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
  async acknowledge(principal: Principal | null, area: Area, versionId: string, status: AdoptionStatus, forDistrict?: string | null): Promise<Adoption> {
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
      const adoption = toAdoption(row);
      await recordAudit(tx, caller, {
        action: 'acknowledge',
        entity: 'adoption',
        entityId: `${versionId}:${district}`,
        documentId: version.document_id,
        before: before ? toAdoption(before) : null,
        after: adoption,
      });
      return adoption;
    });
  }
}


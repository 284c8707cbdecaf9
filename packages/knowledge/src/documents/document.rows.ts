import type { Area } from '@samsyn/area';
import { DocumentVersion, KnowledgeDocument, type ChangeKind, type DocumentKind, type VersionStatus } from './document.types';

/** The columns of a version as selected by the services (`v` is the alias of document_version). */
export const VERSION_COLUMNS = `v.id, v.document_id, v.number, v.status, v.based_on_id, v.title, v.summary, v.body, v.legal_basis,
  v.target_group, v.valid_from, v.review_by, v.decided_by, v.change_summary, v.details, v.revision,
  v.submitted_by, v.submitted_by_name, v.return_comment, v.published_at, v.published_by_name, v.edited_by,
  v.submitted_at, v.returned_at, v.returned_by_name, v.updated_at, v.change_kind, v.requirements_number, v.requirements_since`;

export const DOCUMENT_COLUMNS = `d.id AS d_id, d.area AS d_area, d.kind AS d_kind, d.slug AS d_slug, d.registry_number AS d_registry_number,
  d.owner_sub AS d_owner_sub, d.owner_name AS d_owner_name, d.retired_at AS d_retired_at, d.retired_reason AS d_retired_reason`;

export interface VersionRow {
  id: string;
  document_id: string;
  number: number;
  status: VersionStatus;
  based_on_id: string | null;
  title: string;
  summary: string;
  body: string;
  legal_basis: string[];
  target_group: string | null;
  valid_from: string | null;
  review_by: string | null;
  decided_by: string | null;
  change_summary: string | null;
  details: Record<string, unknown>;
  revision: number;
  submitted_by: string | null;
  submitted_by_name: string | null;
  return_comment: string | null;
  published_at: Date | null;
  published_by_name: string | null;
  edited_by: string[];
  submitted_at: Date | null;
  returned_at: Date | null;
  returned_by_name: string | null;
  updated_at: Date;
  change_kind: ChangeKind | null;
  requirements_number: number | null;
  requirements_since: string | null;
}

export interface DocumentRow {
  d_id: string;
  d_area: Area;
  d_kind: DocumentKind;
  d_slug: string;
  d_registry_number: string | null;
  d_owner_sub: string | null;
  d_owner_name: string | null;
  d_retired_at: Date | null;
  d_retired_reason: string | null;
}

export function toVersion(row: VersionRow, area: Area): DocumentVersion {
  return Object.assign(new DocumentVersion(), {
    id: row.id,
    documentId: row.document_id,
    number: row.number,
    status: row.status,
    basedOnId: row.based_on_id,
    title: row.title,
    summary: row.summary,
    body: row.body,
    legalBasis: row.legal_basis,
    targetGroup: row.target_group,
    validFrom: row.valid_from,
    reviewBy: row.review_by,
    decidedBy: row.decided_by,
    changeSummary: row.change_summary,
    details: row.details,
    revision: row.revision,
    submitterName: row.submitted_by_name,
    submitterId: row.submitted_by,
    returnComment: row.return_comment,
    publishedAt: row.published_at,
    publishedBy: row.published_by_name,
    editors: row.edited_by,
    submittedAt: row.submitted_at,
    returnedAt: row.returned_at,
    returnedBy: row.returned_by_name,
    updatedAt: row.updated_at,
    changeKind: row.change_kind,
    // Versions written straight to the table (demo data, test builders) count as substantive.
    requirementsNumber: row.requirements_number ?? row.number,
    requirementsSince: row.requirements_since ?? row.valid_from,
    area,
  });
}

export function toDocument(row: DocumentRow): KnowledgeDocument {
  return Object.assign(new KnowledgeDocument(), {
    id: row.d_id,
    area: row.d_area,
    kind: row.d_kind,
    slug: row.d_slug,
    registryNumber: row.d_registry_number,
    ownerId: row.d_owner_sub,
    ownerName: row.d_owner_name,
    retiredAt: row.d_retired_at,
    retiredReason: row.d_retired_reason,
  });
}

/**
 * What the audit log keeps of a version: every field of the mapped version but its area (the
 * document's, kept with the document), under the keys the log has always used for the submitter.
 */
export function auditedVersion(version: DocumentVersion): Record<string, unknown> {
  const { area: _area, submitterName, submitterId, editors: _editors, requirementsNumber: _requirementsNumber, ...rest } = version;
  return { ...rest, submittedBy: submitterName, submittedBySub: submitterId };
}

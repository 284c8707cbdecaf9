import { ChangeType, recordChange } from '@samsyn/changes';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  BadInputError,
  ConflictError,
  inTransaction,
  isUuid,
  NotFoundError,
  policy,
  updatedRows,
  type Db,
  type Principal,
} from '@samsyn/core';
import { recordAudit, type Area } from '@samsyn/area';
import {
  auditedVersion,
  DOCUMENT_COLUMNS,
  toDocument,
  toVersion,
  VERSION_COLUMNS,
  type DocumentRow,
  type VersionRow,
} from './document.rows';
import { ChangeKind, type DocumentVersion, type KnowledgeDocument, VersionStatus } from './document.types';
import { draftContentOf, newDocumentOf, reasonOf, refuseDocumentFields, type DraftContent } from './draft.rules';
import type { DraftInput } from './draft.types';

type Locked = { version: DocumentVersion; document: KnowledgeDocument };

/**
 * The lifecycle of documents and versions: DRAFT → IN_REVIEW → PUBLISHED (→ SUPERSEDED), retire.
 * Each method is one transaction that also writes its audit entry; who may call it is checked first.
 */
export class DocumentLifecycle {
  constructor(
    private readonly db: Db,
    private readonly principal: Principal | null,
    private readonly today: string,
  ) {}

  /** A new document with version 1, or a new version of a document starting from the version in force. */
  async createDraft(area: Area, input: DraftInput): Promise<DocumentVersion> {
    const actor = policy.requireAreaEditor(this.principal, area);
    const content = draftContentOf(input);
    return inTransaction(this.db, async (tx) => {
      if (input.documentId) {
        const document = await this.lockDocument(tx, area, input.documentId);
        if (document.retiredAt) throw new BadInputError('The document is retired; it gets no new versions.', { documentId: document.id });
        // Start from the latest published version (in force, or scheduled to be); without one, from the latest draft.
        const [base]: VersionRow[] = await tx.query(
          `SELECT ${VERSION_COLUMNS} FROM document_version v WHERE v.document_id = $1
           ORDER BY (v.status = 'PUBLISHED') DESC, v.number DESC LIMIT 1`,
          [document.id],
        );
        return this.insertVersion(tx, actor, document, content, base, base?.status === VersionStatus.PUBLISHED ? base.id : null);
      }
      const { kind, slug } = newDocumentOf(input);
      // The unique (area, slug) decides, also between concurrent drafts: the loser waits for the winner's commit and gets no row.
      const [row]: DocumentRow[] = await tx.query(
        `INSERT INTO document AS d (id, area, kind, slug, registry_number, owner_sub, owner_name, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $6) ON CONFLICT (area, slug) DO NOTHING RETURNING ${DOCUMENT_COLUMNS}`,
        [randomUUID(), area, kind, slug, input.registryNumber ?? null, actor.sub, actor.name],
      );
      if (!row) throw new ConflictError(`A document with slug "${slug}" already exists in this area.`, { slug });
      const document = toDocument(row);
      await recordAudit(tx, actor, {
        action: 'createDocument',
        entity: 'document',
        entityId: document.id,
        documentId: document.id,
        after: document,
      });
      return this.insertVersion(tx, actor, document, content, undefined, null);
    });
  }

  /** Changes a draft; `expectedRevision` must be its current revision, or nothing changes (CONFLICT). */
  async updateDraft(area: Area, versionId: string, expectedRevision: number, input: DraftInput): Promise<DocumentVersion> {
    const actor = policy.requireAreaEditor(this.principal, area);
    refuseDocumentFields(input);
    const content = draftContentOf(input);
    return inTransaction(this.db, async (tx) => {
      const { version } = await this.lockVersion(tx, area, versionId);
      requireStatus(version, VersionStatus.DRAFT, 'changed');
      requireRevision(version, expectedRevision, 'Reload it and apply your change again.');
      const [row] = await updatedRows<VersionRow>(
        tx,
        `UPDATE document_version AS v SET
           title = coalesce($2, title), summary = coalesce($3, summary), body = coalesce($4, body),
           legal_basis = coalesce($5, legal_basis),
           target_group = CASE WHEN $6 THEN $7 ELSE target_group END,
           review_by = CASE WHEN $8 THEN $9::date ELSE review_by END,
           decided_by = CASE WHEN $10 THEN $11 ELSE decided_by END,
           change_summary = CASE WHEN $12 THEN $13 ELSE change_summary END,
           details = coalesce($14, details),
           revision = revision + 1, updated_at = now(), updated_by = $15,
           edited_by = CASE WHEN $15 = ANY(edited_by) THEN edited_by ELSE edited_by || $15::text END
         WHERE id = $1 RETURNING ${VERSION_COLUMNS}`,
        [
          version.id,
          content.title ?? null,
          content.summary ?? null,
          content.body ?? null,
          content.legalBasis ?? null,
          content.targetGroup !== undefined,
          content.targetGroup ?? null,
          content.reviewBy !== undefined,
          content.reviewBy ?? null,
          content.decidedBy !== undefined,
          content.decidedBy ?? null,
          content.changeSummary !== undefined,
          content.changeSummary ?? null,
          content.details ? JSON.stringify(content.details) : null,
          actor.sub,
        ],
      );
      const updated = toVersion(row, area);
      await recordAudit(tx, actor, {
        action: 'updateDraft',
        entity: 'version',
        entityId: version.id,
        documentId: version.documentId,
        before: auditedVersion(version),
        after: auditedVersion(updated),
      });
      return updated;
    });
  }

  /** Submits a draft for review; with `expectedRevision`, only if the draft is still at that revision (else CONFLICT). */
  async submitForReview(area: Area, versionId: string, expectedRevision?: number | null): Promise<DocumentVersion> {
    const actor = policy.requireAreaEditor(this.principal, area);
    return this.transition(area, versionId, 'submitForReview', async (tx, { version }) => {
      requireStatus(version, VersionStatus.DRAFT, 'submitted for review');
      if (expectedRevision !== undefined && expectedRevision !== null) {
        requireRevision(version, expectedRevision, 'Read it again before you submit it.');
      }
      return updatedRows<VersionRow>(
        tx,
        `UPDATE document_version AS v SET status = 'IN_REVIEW', submitted_at = now(), submitted_by = $2, submitted_by_name = $3,
           updated_at = now(), updated_by = $2
         WHERE id = $1 RETURNING ${VERSION_COLUMNS}`,
        [version.id, actor.sub, actor.name],
      );
    });
  }

  /** Sends a version in review back to its authors with a comment. */
  async returnToDraft(area: Area, versionId: string, comment: string): Promise<DocumentVersion> {
    const actor = policy.requireAreaEditor(this.principal, area);
    const why = reasonOf(comment, 'comment');
    return this.transition(area, versionId, 'returnToDraft', async (tx, { version }) => {
      requireStatus(version, VersionStatus.IN_REVIEW, 'returned to draft');
      return updatedRows<VersionRow>(
        tx,
        `UPDATE document_version AS v SET status = 'DRAFT', revision = revision + 1, returned_at = now(), returned_by = $2,
           returned_by_name = $4, return_comment = $3, submitted_at = NULL, submitted_by = NULL, submitted_by_name = NULL,
           updated_at = now(), updated_by = $2
         WHERE id = $1 RETURNING ${VERSION_COLUMNS}`,
        [version.id, actor.sub, why, actor.name],
      );
    });
  }

  /**
   * Publishes a version in review from `validFrom` (today or later), as the publisher read it: `expectedRevision`
   * must be its revision now (else CONFLICT), and the publisher must not have written, changed or submitted it
   * (four eyes). The previous published version becomes SUPERSEDED in the same transaction and stays in force
   * until `validFrom`.
   */
  async publish(
    area: Area,
    versionId: string,
    validFrom: string,
    expectedRevision: number,
    changeKind: ChangeKind = ChangeKind.SUBSTANTIVE,
  ): Promise<DocumentVersion> {
    const actor = policy.requireAreaEditor(this.principal, area);
    if (validFrom < this.today)
      throw new BadInputError(`validFrom must be today (${this.today}) or later, not ${validFrom}.`, { validFrom });
    let carriedOver = 0;
    const audited = (after: Record<string, unknown>) => ({ ...after, publishedRevision: expectedRevision, carriedOver });
    return this.transition(
      area,
      versionId,
      'publish',
      async (tx, { version, document }) => {
        requireStatus(version, VersionStatus.IN_REVIEW, 'published');
        requireRevision(version, expectedRevision, 'Read the version again before you publish it.');
        policy.requireSecondPair(actor, { submittedBy: version.submitterId, editors: version.editors });
        if (document.retiredAt) throw new BadInputError('The document is retired; its versions cannot be published.');
        const [previous]: VersionRow[] = await tx.query(
          `SELECT ${VERSION_COLUMNS} FROM document_version v WHERE v.document_id = $1 AND v.status = 'PUBLISHED'`,
          [document.id],
        );
        if (previous && previous.id !== version.basedOnId) {
          throw new ConflictError(
            `Version ${previous.number} was published after this draft was started; start a new draft from it instead.`,
            { publishedVersionId: previous.id, publishedNumber: previous.number },
          );
        }
        if (previous && previous.valid_from !== null && validFrom < previous.valid_from) {
          throw new BadInputError(`validFrom must not be before that of version ${previous.number} (${previous.valid_from}).`, {
            validFrom,
          });
        }
        if (previous) await refuseIdentical(tx, version, previous);
        if (changeKind === ChangeKind.EDITORIAL && !previous) {
          throw new BadInputError('A first version is a substantive change: there is nothing before it to clarify.', { changeKind });
        }
        if (previous) {
          await tx.query(`UPDATE document_version SET status = 'SUPERSEDED', superseded_at = now() WHERE id = $1`, [previous.id]);
        }
        // An editorial change keeps the requirements (and lag clock) of the substantive version it clarifies.
        const requirements =
          changeKind === ChangeKind.EDITORIAL && previous
            ? { number: previous.requirements_number ?? previous.number, since: previous.requirements_since ?? previous.valid_from }
            : { number: version.number, since: validFrom };
        const published = await updatedRows<VersionRow>(
          tx,
          `UPDATE document_version AS v SET status = 'PUBLISHED', valid_from = $2, published_at = now(), published_by = $3,
           published_by_name = $4, updated_at = now(), updated_by = $3, change_kind = $5, requirements_number = $6,
           requirements_since = $7
         WHERE id = $1 RETURNING ${VERSION_COLUMNS}`,
          [version.id, validFrom, actor.sub, actor.name, changeKind, requirements.number, requirements.since],
        );
        if (changeKind === ChangeKind.EDITORIAL && previous) {
          carriedOver = await carryOverAcknowledgements(tx, version, requirements.number, previous.number, actor);
        }
        await recordChange(tx, {
          type: ChangeType.VERSION_PUBLISHED,
          area,
          subjectIds: [document.id, version.id],
          payload: {
            documentId: document.id,
            slug: document.slug,
            title: published[0].title,
            version: version.number,
            versionId: version.id,
            validFrom,
            changeKind,
          },
        });
        return published;
      },
      audited,
    );
  }

  /** Hands a document to another owner (ägare): `to` names them by identity (token subject / directory id) and name. */
  async transferOwnership(area: Area, documentId: string, to: { id: string; name: string }): Promise<KnowledgeDocument> {
    const actor = policy.requireAreaEditor(this.principal, area);
    const owner = { id: to.id.trim(), name: to.name.trim() };
    if (!owner.id || owner.id.length > 200 || !owner.name || owner.name.length > 300) {
      throw new BadInputError('Name the new owner: to.id 1-200 and to.name 1-300 characters.', { to });
    }
    return inTransaction(this.db, async (tx) => {
      const document = await this.lockDocument(tx, area, documentId);
      if (document.retiredAt) throw new BadInputError('The document is retired; its ownership does not change.', { documentId });
      const [row] = await updatedRows<DocumentRow>(
        tx,
        `UPDATE document AS d SET owner_sub = $2, owner_name = $3 WHERE id = $1 RETURNING ${DOCUMENT_COLUMNS}`,
        [documentId, owner.id, owner.name],
      );
      const transferred = toDocument(row);
      await recordAudit(tx, actor, {
        action: 'transferOwnership',
        entity: 'document',
        entityId: documentId,
        documentId,
        before: { ownerId: document.ownerId, ownerName: document.ownerName },
        after: { ownerId: transferred.ownerId, ownerName: transferred.ownerName },
      });
      return transferred;
    });
  }

  /** Retires a document: none of its versions is in force any more, and it gets no new ones. */
  async retire(area: Area, documentId: string, reason: string): Promise<KnowledgeDocument> {
    const actor = policy.requireAreaEditor(this.principal, area);
    const why = reasonOf(reason, 'reason');
    return inTransaction(this.db, async (tx) => {
      const document = await this.lockDocument(tx, area, documentId);
      if (document.retiredAt) throw new BadInputError('The document is already retired.', { documentId });
      await tx.query(
        `UPDATE document_version SET status = 'RETIRED', updated_at = now(), updated_by = $2 WHERE document_id = $1 AND status <> 'RETIRED'`,
        [documentId, actor.sub],
      );
      const [row] = await updatedRows<DocumentRow>(
        tx,
        `UPDATE document AS d SET retired_at = now(), retired_by = $2, retired_reason = $3 WHERE id = $1 RETURNING ${DOCUMENT_COLUMNS}`,
        [documentId, actor.sub, why],
      );
      const retired = toDocument(row);
      await recordChange(tx, {
        type: ChangeType.DOCUMENT_RETIRED,
        area,
        subjectIds: [documentId],
        payload: { documentId, slug: retired.slug, reason: why },
      });
      await recordAudit(tx, actor, {
        action: 'retire',
        entity: 'document',
        entityId: documentId,
        documentId,
        before: document,
        after: retired,
      });
      return retired;
    });
  }

  private async insertVersion(
    tx: EntityManager,
    actor: Principal,
    document: KnowledgeDocument,
    content: DraftContent,
    base: VersionRow | undefined,
    basedOnId: string | null,
  ): Promise<DocumentVersion> {
    const [row]: VersionRow[] = await tx.query(
      `INSERT INTO document_version AS v (id, document_id, number, status, based_on_id, title, summary, body, legal_basis,
         target_group, review_by, decided_by, change_summary, details, created_by, updated_by, edited_by)
       VALUES ($1, $2, (SELECT coalesce(max(number), 0) + 1 FROM document_version WHERE document_id = $2), 'DRAFT', $3,
         $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, ARRAY[$13::text])
       RETURNING ${VERSION_COLUMNS}`,
      [
        randomUUID(),
        document.id,
        basedOnId,
        content.title ?? base?.title,
        content.summary ?? base?.summary ?? '',
        content.body ?? base?.body ?? '',
        content.legalBasis ?? base?.legal_basis ?? [],
        content.targetGroup !== undefined ? content.targetGroup : (base?.target_group ?? null),
        content.reviewBy !== undefined ? content.reviewBy : (base?.review_by ?? null),
        content.decidedBy !== undefined ? content.decidedBy : (base?.decided_by ?? null),
        content.changeSummary ?? null,
        JSON.stringify(content.details ?? base?.details ?? {}),
        actor.sub,
      ],
    );
    const version = toVersion(row, document.area);
    await recordAudit(tx, actor, {
      action: 'createDraft',
      entity: 'version',
      entityId: version.id,
      documentId: document.id,
      after: auditedVersion(version),
    });
    return version;
  }

  /** Runs a status change of one version under row locks and records it. */
  private async transition(
    area: Area,
    versionId: string,
    action: string,
    change: (tx: EntityManager, locked: Locked) => Promise<VersionRow[]>,
    audited: (after: Record<string, unknown>) => Record<string, unknown> = (after) => after,
  ): Promise<DocumentVersion> {
    const actor = this.principal as Principal;
    return inTransaction(this.db, async (tx) => {
      const locked = await this.lockVersion(tx, area, versionId);
      const [row] = await change(tx, locked);
      const after = toVersion(row, area);
      await recordAudit(tx, actor, {
        action,
        entity: 'version',
        entityId: versionId,
        documentId: after.documentId,
        before: auditedVersion(locked.version),
        after: audited(auditedVersion(after)),
      });
      return after;
    });
  }

  private async lockDocument(tx: EntityManager, area: Area, documentId: string): Promise<KnowledgeDocument> {
    const rows: DocumentRow[] = isUuid(documentId)
      ? await tx.query(`SELECT ${DOCUMENT_COLUMNS} FROM document d WHERE d.id = $1 AND d.area = $2 FOR UPDATE`, [documentId, area])
      : [];
    if (!rows[0]) throw new NotFoundError(`No document ${documentId} in this area.`, { documentId });
    return toDocument(rows[0]);
  }

  /** Locks the version's document first, then the version: every writer of a document queues in that order. */
  private async lockVersion(tx: EntityManager, area: Area, versionId: string): Promise<Locked> {
    const found: { document_id: string }[] = isUuid(versionId)
      ? await tx.query(`SELECT document_id FROM document_version WHERE id = $1`, [versionId])
      : [];
    if (!found[0]) throw new NotFoundError(`No version ${versionId} in this area.`, { versionId });
    const document = await this.lockDocument(tx, area, found[0].document_id);
    const [row]: VersionRow[] = await tx.query(`SELECT ${VERSION_COLUMNS} FROM document_version v WHERE v.id = $1 FOR UPDATE`, [versionId]);
    return { document, version: toVersion(row, area) };
  }
}

function requireStatus(version: DocumentVersion, expected: VersionStatus, what: string): void {
  if (version.status !== expected) {
    throw new BadInputError(`Only a version in status ${expected} can be ${what}; version ${version.number} is ${version.status}.`, {
      status: version.status,
      expected,
    });
  }
}

/** Refuses with CONFLICT when the version is no longer at the revision the caller read (`then`: what to do now). */
function requireRevision(version: DocumentVersion, expectedRevision: number, then: string): void {
  if (version.revision !== expectedRevision) {
    throw new ConflictError(
      `Version ${version.number} has changed since revision ${expectedRevision}; it is now at revision ${version.revision}. ${then}`,
      { expectedRevision, actualRevision: version.revision },
    );
  }
}

/**
 * Refuses to publish a version identical to the latest published one (`previous`): the same title, summary, text,
 * lagrum, målgrupp, revideras senast, beslutad av and details (compared as the database holds them).
 */
async function refuseIdentical(tx: EntityManager, version: DocumentVersion, previous: VersionRow): Promise<void> {
  const [{ identical }]: { identical: boolean }[] = await tx.query(
    `SELECT (a.title, a.summary, a.body, a.legal_basis, a.target_group, a.review_by, a.decided_by, a.details)
            IS NOT DISTINCT FROM (b.title, b.summary, b.body, b.legal_basis, b.target_group, b.review_by, b.decided_by, b.details) AS identical
     FROM document_version a, document_version b WHERE a.id = $1 AND b.id = $2`,
    [version.id, previous.id],
  );
  if (identical) {
    throw new BadInputError(
      `Version ${version.number} is identical to version ${previous.number} (title, summary, text, lagrum, målgrupp, revideras senast, beslutad av and details): there is nothing new to publish. Change it, or return it to its author.`,
      { identicalTo: previous.number },
    );
  }
}

/**
 * An editorial change: every district that has acknowledged (or implemented) a version from the substantive one
 * (`fromNumber`) to the one superseded (`toNumber`) has acknowledged (or implemented) the new version as well, as
 * of when it did. Returns how many districts it carried.
 */
async function carryOverAcknowledgements(
  tx: EntityManager,
  version: DocumentVersion,
  fromNumber: number,
  toNumber: number,
  actor: Principal,
): Promise<number> {
  const rows: unknown[] = await tx.query(
    `INSERT INTO adoption (version_id, document_id, district, status, acknowledged_at, implemented_at, updated_by)
     SELECT DISTINCT ON (a.district) $1::uuid, a.document_id, a.district, a.status, a.acknowledged_at, a.implemented_at, $5
     FROM adoption a JOIN document_version v ON v.id = a.version_id
     WHERE a.document_id = $2 AND v.number BETWEEN $3 AND $4
     ORDER BY a.district, (a.status = 'IMPLEMENTED') DESC, v.number DESC
     ON CONFLICT (version_id, district) DO NOTHING RETURNING district`,
    [version.id, version.documentId, fromNumber, toNumber, actor.sub],
  );
  return rows.length;
}

import { ChangeType, recordChange } from '@samsyn/changes';
import {
  BadInputError,
  inTransaction,
  isUuid,
  NotFoundError,
  policy,
  updatedRows,
  type Db,
  type FeedbackVisibility,
  type Principal,
} from '@samsyn/core';
import { recordAudit, type Area } from '@samsyn/area';
import { isPublic, VersionStatus } from '../documents/document.types';
import { DocumentReader, wasPublished } from '../documents/document.reader';
import { Feedback, FeedbackStatus, type FeedbackInput } from './feedback.types';

const TEXT_LIMIT = 5_000;
const SECTION_LIMIT = 300;

const FEEDBACK_COLUMNS = `f.id, f.document_id, f.version_id, f.section, f.text, f.district, f.author_sub, f.author_name, f.created_at,
  f.answer, f.answered_at, f.answered_by_name, f.addressed_by_version_id`;

interface FeedbackRow {
  id: string;
  document_id: string;
  version_id: string;
  section: string | null;
  text: string;
  district: string | null;
  author_sub: string;
  author_name: string;
  created_at: Date;
  answer: string | null;
  answered_at: Date | null;
  answered_by_name: string | null;
  addressed_by_version_id: string | null;
}

function toFeedback(row: FeedbackRow, area: Area): Feedback {
  return Object.assign(new Feedback(), {
    id: row.id,
    documentId: row.document_id,
    versionId: row.version_id,
    section: row.section,
    text: row.text,
    district: row.district ? { code: row.district } : null,
    authorName: row.author_name,
    authorSub: row.author_sub,
    createdAt: row.created_at,
    status: row.answer === null ? FeedbackStatus.OPEN : FeedbackStatus.ANSWERED,
    answer: row.answer,
    answeredAt: row.answered_at,
    answeredBy: row.answered_by_name,
    addressed: row.addressed_by_version_id !== null,
    addressedByVersionId: row.addressed_by_version_id,
    area,
  });
}

/** What the audit log keeps of a synpunkt. */
function audited(feedback: Feedback): Record<string, unknown> {
  const { area: _area, district, ...rest } = feedback;
  return { ...rest, district: district?.code ?? null };
}

/** SQL condition on `feedback f` for what a caller sees (`$n` parameters from `next`). */
function visibleTo(visibility: FeedbackVisibility, next: (value: unknown) => string): string {
  if (visibility.all) return 'true';
  if (visibility.district) return `f.district = ${next(visibility.district)}`;
  return `f.author_sub = ${next(visibility.authorSub)}`;
}

/**
 * Synpunkter: left on published versions by district systems and signed-in people, answered and linked to the
 * draft that addresses them by the area's process leaders. Each change is one transaction with its audit entry;
 * a new synpunkt and a new answer are told in the change feed (to the district concerned and area-wide readers).
 */
export class FeedbackService {
  constructor(
    private readonly db: Db,
    private readonly principal: Principal | null,
  ) {}

  /** Leaves a synpunkt on a published version: a district system for its own district, anyone else signed in as a person. */
  async leave(area: Area, input: FeedbackInput): Promise<Feedback> {
    const author = policy.requireAuthenticated(this.principal);
    const district = author.roles.includes('district-system') ? (author.district ?? null) : null;
    const text = input.text.trim();
    const section = input.section?.trim() || null;
    const problems: string[] = [];
    if (text.length === 0) problems.push('text must not be empty');
    if (text.length > TEXT_LIMIT) problems.push(`text is longer than ${TEXT_LIMIT} characters`);
    if (section && section.length > SECTION_LIMIT) problems.push(`section is longer than ${SECTION_LIMIT} characters`);
    if (problems.length > 0) throw new BadInputError(`The synpunkt is not valid: ${problems.join('; ')}.`, { problems });
    return inTransaction(this.db, async (tx) => {
      const [version] = await new DocumentReader(tx).versionsByIds([input.versionId]);
      // A version never published is answered as unknown: its existence is not the caller's to learn.
      if (!version || version.area !== area || !isPublic(version)) {
        throw new NotFoundError(`No published version ${input.versionId} in this area.`, { versionId: input.versionId });
      }
      if (!wasPublished(version)) {
        throw new BadInputError('The document is retired; it takes no synpunkter.', { status: version.status });
      }
      const [row]: FeedbackRow[] = await tx.query(
        `INSERT INTO feedback AS f (document_id, version_id, section, text, district, author_sub, author_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${FEEDBACK_COLUMNS}`,
        [version.documentId, version.id, section, text, district, author.sub, author.name],
      );
      const feedback = toFeedback(row, area);
      await recordAudit(tx, author, {
        action: 'leaveFeedback',
        entity: 'feedback',
        entityId: feedback.id,
        documentId: feedback.documentId,
        after: audited(feedback),
      });
      await recordChange(tx, {
        type: ChangeType.FEEDBACK_RECEIVED,
        area,
        subjectIds: [feedback.documentId, feedback.versionId, feedback.id],
        districtCode: district,
        payload: { feedbackId: feedback.id, documentId: feedback.documentId, versionId: feedback.versionId, version: version.number },
      });
      return feedback;
    });
  }

  /** A process leader of the area answers a synpunkt (again: the new answer replaces the old, both audited). */
  async answer(area: Area, feedbackId: string, answer: string): Promise<Feedback> {
    const actor = policy.requireAreaEditor(this.principal, area);
    const text = answer.trim();
    if (text.length === 0) throw new BadInputError('The answer must not be empty.');
    if (text.length > TEXT_LIMIT) throw new BadInputError(`The answer is longer than ${TEXT_LIMIT} characters.`);
    return inTransaction(this.db, async (tx) => {
      const before = await this.lock(tx, area, feedbackId);
      const [row] = await updatedRows<FeedbackRow>(
        tx,
        `UPDATE feedback AS f SET answer = $2, answered_at = now(), answered_by_sub = $3, answered_by_name = $4
         WHERE id = $1 RETURNING ${FEEDBACK_COLUMNS}`,
        [feedbackId, text, actor.sub, actor.name],
      );
      const after = toFeedback(row, area);
      await recordAudit(tx, actor, {
        action: 'answerFeedback',
        entity: 'feedback',
        entityId: feedbackId,
        documentId: after.documentId,
        before: audited(before),
        after: audited(after),
      });
      await recordChange(tx, {
        type: ChangeType.FEEDBACK_ANSWERED,
        area,
        subjectIds: [after.documentId, after.versionId, after.id],
        districtCode: after.district?.code ?? null,
        payload: { feedbackId: after.id, documentId: after.documentId, versionId: after.versionId, answeredAt: after.answeredAt },
      });
      return after;
    });
  }

  /**
   * A process leader links a synpunkt to the draft (or version in review) of the same document that addresses it,
   * or unlinks it (`versionId` null).
   */
  async linkToDraft(area: Area, feedbackId: string, versionId: string | null): Promise<Feedback> {
    const actor = policy.requireAreaEditor(this.principal, area);
    return inTransaction(this.db, async (tx) => {
      const before = await this.lock(tx, area, feedbackId);
      if (versionId !== null) {
        const [draft] = await new DocumentReader(tx).versionsByIds([versionId]);
        if (!draft || draft.area !== area) throw new NotFoundError(`No version ${versionId} in this area.`, { versionId });
        if (draft.documentId !== before.documentId) {
          throw new BadInputError('The draft is of another document than the synpunkt.', { versionId, documentId: before.documentId });
        }
        if (draft.status !== VersionStatus.DRAFT && draft.status !== VersionStatus.IN_REVIEW) {
          throw new BadInputError(`Link a draft or a version in review; version ${draft.number} is ${draft.status}.`, {
            status: draft.status,
          });
        }
      }
      const [row] = await updatedRows<FeedbackRow>(
        tx,
        `UPDATE feedback AS f SET addressed_by_version_id = $2 WHERE id = $1 RETURNING ${FEEDBACK_COLUMNS}`,
        [feedbackId, versionId],
      );
      const after = toFeedback(row, area);
      await recordAudit(tx, actor, {
        action: 'linkFeedbackToDraft',
        entity: 'feedback',
        entityId: feedbackId,
        documentId: after.documentId,
        before: audited(before),
        after: audited(after),
      });
      return after;
    });
  }

  /** The synpunkter on each document that `visibility` allows, newest first: one statement. */
  async ofDocuments(area: Area, documentIds: readonly string[], visibility: FeedbackVisibility): Promise<Feedback[]> {
    const params: unknown[] = [documentIds.filter(isUuid)];
    const next = (value: unknown) => `$${params.push(value)}`;
    const rows: FeedbackRow[] = await this.db.query(
      `SELECT ${FEEDBACK_COLUMNS} FROM feedback f WHERE f.document_id = ANY($1) AND ${visibleTo(visibility, next)}
       ORDER BY f.created_at DESC, f.id`,
      params,
    );
    return rows.map((row) => toFeedback(row, area));
  }

  /** The synpunkter linked as addressed by each of the given versions that `visibility` allows, oldest first. */
  async addressedBy(area: Area, versionIds: readonly string[], visibility: FeedbackVisibility): Promise<Feedback[]> {
    const params: unknown[] = [versionIds.filter(isUuid)];
    const next = (value: unknown) => `$${params.push(value)}`;
    const rows: FeedbackRow[] = await this.db.query(
      `SELECT ${FEEDBACK_COLUMNS} FROM feedback f WHERE f.addressed_by_version_id = ANY($1) AND ${visibleTo(visibility, next)}
       ORDER BY f.created_at, f.id`,
      params,
    );
    return rows.map((row) => toFeedback(row, area));
  }

  /** The synpunkter of the area that `visibility` allows, optionally only open or answered ones, newest first. */
  async ofArea(area: Area, visibility: FeedbackVisibility, status: FeedbackStatus | null, limit: number): Promise<Feedback[]> {
    const params: unknown[] = [area, limit];
    const next = (value: unknown) => `$${params.push(value)}`;
    const statusCondition = status === null ? 'true' : status === FeedbackStatus.OPEN ? 'f.answer IS NULL' : 'f.answer IS NOT NULL';
    const rows: FeedbackRow[] = await this.db.query(
      `SELECT ${FEEDBACK_COLUMNS} FROM feedback f JOIN document d ON d.id = f.document_id
       WHERE d.area = $1 AND ${statusCondition} AND ${visibleTo(visibility, next)}
       ORDER BY f.created_at DESC, f.id LIMIT $2`,
      params,
    );
    return rows.map((row) => toFeedback(row, area));
  }

  private async lock(tx: Db, area: Area, feedbackId: string): Promise<Feedback> {
    const rows: FeedbackRow[] = isUuid(feedbackId)
      ? await tx.query(
          `SELECT ${FEEDBACK_COLUMNS} FROM feedback f JOIN document d ON d.id = f.document_id WHERE f.id = $1 AND d.area = $2 FOR UPDATE OF f`,
          [feedbackId, area],
        )
      : [];
    if (!rows[0]) throw new NotFoundError(`No synpunkt ${feedbackId} in this area.`, { feedbackId });
    return toFeedback(rows[0], area);
  }
}

import { swedishToday, type BackgroundContext, type BackgroundTask, type Db } from '@samsyn/core';
import { ChangeType } from '@samsyn/changes';

/** How far back a round looks for versions that came into force: a service down for a while still tells them. */
const CATCH_UP_DAYS = 30;

/**
 * Records the changes that come with the calendar rather than with a write: a published version coming into
 * force on its day, and a version in force passing its review date. Each is recorded once, however many
 * replicas notice it, in the same statement as the check: its key goes into `change_once`, which the feed's
 * retention never prunes, so a version overdue for longer than events are kept is not told again.
 */
export async function recordDueNotices(db: Db, today: string): Promise<void> {
  await recordOnce(
    db,
    `SELECT $2::text AS type, d.area, ARRAY[d.id::text, v.id::text] AS subject_ids,
            jsonb_build_object('documentId', d.id, 'slug', d.slug, 'title', v.title, 'version', v.number, 'versionId', v.id,
                               'validFrom', v.valid_from) AS payload,
            $2 || ':' || v.id AS once_key, v.valid_from AS due, v.id AS version_id
     FROM document_version v JOIN document d ON d.id = v.document_id
     WHERE v.status = 'PUBLISHED' AND d.retired_at IS NULL AND v.valid_from <= $1::date AND v.valid_from > $1::date - $3::int`,
    [today, ChangeType.VERSION_IN_FORCE, CATCH_UP_DAYS],
  );
  await recordOnce(
    db,
    `SELECT $2::text AS type, d.area, ARRAY[d.id::text, v.id::text] AS subject_ids,
            jsonb_build_object('documentId', d.id, 'slug', d.slug, 'title', v.title, 'versionId', v.id, 'reviewBy', v.review_by) AS payload,
            $2 || ':' || v.id AS once_key, v.review_by AS due, v.id AS version_id
     FROM document_version v JOIN document d ON d.id = v.document_id
     WHERE v.status = 'PUBLISHED' AND d.retired_at IS NULL AND v.valid_from <= $1::date AND v.review_by < $1::date`,
    [today, ChangeType.REVIEW_OVERDUE],
  );
}

/** Records the events `due` selects whose once_key is new, in order of their day: one statement. */
async function recordOnce(db: Db, due: string, parameters: unknown[]): Promise<void> {
  await db.query(
    `WITH due AS (${due}),
          fresh AS (INSERT INTO change_once (once_key) SELECT once_key FROM due ORDER BY once_key ON CONFLICT DO NOTHING RETURNING once_key)
     INSERT INTO change_event (type, area, subject_ids, payload, once_key)
     SELECT due.type, due.area, due.subject_ids, due.payload, due.once_key FROM due JOIN fresh USING (once_key)
     ORDER BY due.due, due.version_id`,
    parameters,
  );
}

/** Looks every minute; a new day's notices are told within a minute of midnight (Europe/Stockholm). */
export function documentNotices({ db }: BackgroundContext): BackgroundTask {
  return { name: 'document-notices', intervalMs: 60_000, tick: () => recordDueNotices(db.manager, swedishToday()) };
}

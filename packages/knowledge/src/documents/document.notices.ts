import { swedishToday, type BackgroundContext, type BackgroundTask, type Db } from '@samsyn/core';
import { ChangeType } from '@samsyn/changes';

/** How far back a round looks for versions that came into force: a service down for a while still tells them. */
const CATCH_UP_DAYS = 30;

/**
 * Records the changes that come with the calendar rather than with a write: a published version coming into
 * force on its day, and a version in force passing its review date. Each is recorded once (`once_key`),
 * however many replicas notice it, and in the same statement as the check, so nothing is told twice.
 */
export async function recordDueNotices(db: Db, today: string): Promise<void> {
  await db.query(
    `INSERT INTO change_event (type, area, subject_ids, payload, once_key)
     SELECT $2, d.area, ARRAY[d.id::text, v.id::text],
            jsonb_build_object('documentId', d.id, 'slug', d.slug, 'title', v.title, 'version', v.number, 'versionId', v.id,
                               'validFrom', v.valid_from),
            $2 || ':' || v.id
     FROM document_version v JOIN document d ON d.id = v.document_id
     WHERE v.status = 'PUBLISHED' AND d.retired_at IS NULL AND v.valid_from <= $1::date AND v.valid_from > $1::date - $3::int
     ORDER BY v.valid_from, v.id
     ON CONFLICT (once_key) DO NOTHING`,
    [today, ChangeType.VERSION_IN_FORCE, CATCH_UP_DAYS],
  );
  await db.query(
    `INSERT INTO change_event (type, area, subject_ids, payload, once_key)
     SELECT $2, d.area, ARRAY[d.id::text, v.id::text],
            jsonb_build_object('documentId', d.id, 'slug', d.slug, 'title', v.title, 'versionId', v.id, 'reviewBy', v.review_by),
            $2 || ':' || v.id
     FROM document_version v JOIN document d ON d.id = v.document_id
     WHERE v.status = 'PUBLISHED' AND d.retired_at IS NULL AND v.valid_from <= $1::date AND v.review_by < $1::date
     ORDER BY v.review_by, v.id
     ON CONFLICT (once_key) DO NOTHING`,
    [today, ChangeType.REVIEW_OVERDUE],
  );
}

/** Looks every minute; a new day's notices are told within a minute of midnight (Europe/Stockholm). */
export function documentNotices({ db }: BackgroundContext): BackgroundTask {
  return { name: 'document-notices', intervalMs: 60_000, tick: () => recordDueNotices(db.manager, swedishToday()) };
}

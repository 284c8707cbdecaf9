import { BadInputError, type Db } from '@samsyn/core';
import type { Area } from '@samsyn/area';
import { ChangeEvent, type ChangeType } from '../change.types';

/** A place in an area's feed: after the event of transaction `tx` at `position`. */
export interface FeedPosition {
  tx: string;
  position: string;
}

/** Before the first event. */
export const FEED_START: FeedPosition = { tx: '0', position: '0' };

export interface FeedEvent extends FeedPosition {
  event: ChangeEvent;
}

interface EventRow {
  position: string;
  tx: string;
  id: string;
  type: ChangeType;
  area: Area;
  occurred_at: Date;
  subject_ids: string[];
  district_code: string | null;
  payload: Record<string, unknown>;
}

export function encodeCursor(at: FeedPosition): string {
  return Buffer.from(`${at.tx}:${at.position}`).toString('base64url');
}

export function decodeCursor(cursor: string): FeedPosition {
  const match = /^(\d{1,20}):(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new BadInputError('The cursor is not one this feed handed out; pass an endCursor or cursor as it came.', { cursor });
  return { tx: match[1], position: match[2] };
}

/**
 * The events after `from`, oldest first, that no running transaction can still add to: ordered by (tx, position)
 * and only from transactions older than every one still running (see the ChangeFeed migration). A district
 * system's view (`district` set) leaves out other districts' events; `committedAfter` (a webhook subscription's
 * start snapshot) leaves out events whose transactions had committed when that snapshot was taken.
 */
export async function eventsAfter(
  db: Db,
  from: FeedPosition,
  options: { types?: readonly ChangeType[] | null; district?: string | null; limit: number; committedAfter?: string | null },
): Promise<FeedEvent[]> {
  const rows: EventRow[] = await db.query(
    `SELECT position, tx::text AS tx, id, type, area, occurred_at, subject_ids, district_code, payload
     FROM change_event e
     WHERE (tx, position) > ($1::xid8, $2::bigint)
       AND tx < pg_snapshot_xmin(pg_current_snapshot())
       AND ($3::text[] IS NULL OR type = ANY($3))
       AND ($4::text IS NULL OR district_code IS NULL OR district_code = $4)
       AND ($6::pg_snapshot IS NULL OR NOT pg_visible_in_snapshot(tx, $6::pg_snapshot))
     -- e.tx, not tx: an ORDER BY name means the output column first, and that is the text (xid 10 before 9).
     ORDER BY e.tx, e.position
     LIMIT $5`,
    [
      from.tx,
      from.position,
      options.types?.length ? options.types : null,
      options.district ?? null,
      options.limit,
      options.committedAfter ?? null,
    ],
  );
  return rows.map((row) => ({
    tx: row.tx,
    position: row.position,
    event: Object.assign(new ChangeEvent(), {
      id: row.id,
      type: row.type,
      area: row.area,
      occurredAt: row.occurred_at,
      subjectIds: row.subject_ids,
      districtCode: row.district_code,
      payload: row.payload,
    }),
  }));
}

/**
 * Where a new webhook subscription starts: after the newest event the feed shows now. Events past it that had
 * committed already are left out by the subscription's start snapshot, so it gets every change committed from
 * now on, and none from before.
 */
export async function feedEnd(db: Db): Promise<FeedPosition> {
  const [row]: { tx: string | null; position: string | null }[] = await db.query(
    `SELECT e.tx::text AS tx, e.position FROM change_event e WHERE e.tx < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY e.tx DESC, e.position DESC LIMIT 1`,
  );
  return row?.tx ? { tx: row.tx, position: row.position ?? '0' } : FEED_START;
}

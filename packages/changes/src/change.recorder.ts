import type { Db } from '@samsyn/core';
import type { Area } from '@samsyn/area';
import type { ChangeType } from './change.types';

/** A change worth telling, as its writer records it. */
export interface ChangeRecord {
  type: ChangeType;
  area: Area;
  /** The ids of what changed, most specific last (document, version). */
  subjectIds: string[];
  /** Set for a change of one district: only that district's system (and area-wide readers) will see it. */
  districtCode?: string | null;
  payload: Record<string, unknown>;
}

/**
 * Writes a change to the area's outbox in the caller's transaction: it is told if and only if the change commits.
 * Never opens a connection of its own.
 */
export async function recordChange(tx: Db, change: ChangeRecord): Promise<void> {
  await tx.query(`INSERT INTO change_event (type, area, subject_ids, district_code, payload) VALUES ($1, $2, $3, $4, $5)`, [
    change.type,
    change.area,
    change.subjectIds,
    change.districtCode ?? null,
    JSON.stringify(change.payload),
  ]);
}

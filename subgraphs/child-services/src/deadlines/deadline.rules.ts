import type { DataSource } from 'typeorm';
import { BadInputError } from '@samsyn/core';
import { Area, DocumentReader, type DocumentVersion } from '@samsyn/knowledge';

/** The deadline rules a routine version carries in its details: the values the law and the routine set. */
export interface DeadlineRules {
  initialAssessmentDays?: number;
  investigationMonths?: number;
  legalBasis?: { initialAssessment?: string; investigation?: string };
}

type Rule = 'initialAssessmentDays' | 'investigationMonths';

/**
 * The routine version in force on `day` that sets `rule`: the rules are data published with a routine,
 * so a new routine version changes them without a code change. One statement.
 */
export async function ruleInForce(db: DataSource, rule: Rule, day: string): Promise<{ version: DocumentVersion; value: number; rules: DeadlineRules }> {
  const rows: { document_id: string }[] = await db.query(
    `SELECT DISTINCT v.document_id FROM document_version v JOIN document d ON d.id = v.document_id
     WHERE d.area = $1 AND d.kind = 'ROUTINE' AND v.status IN ('PUBLISHED', 'SUPERSEDED') AND jsonb_typeof(v.details -> 'deadlines' -> $2) = 'number'`,
    [Area.CHILD_SERVICES, rule],
  );
  const inForce = await new DocumentReader(db).inForce(rows.map((row) => row.document_id), day);
  const version = inForce
    .filter((candidate) => typeof (candidate.details.deadlines as DeadlineRules | undefined)?.[rule] === 'number')
    .sort((a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? ''))[0];
  if (!version) throw new BadInputError(`No routine in force on ${day} sets ${rule}; there is no deadline to compute for that day.`, { day, rule });
  const rules = version.details.deadlines as DeadlineRules;
  const value = rules[rule] as number;
  if (!Number.isInteger(value) || value <= 0) throw new BadInputError(`The routine version ${version.id} sets ${rule} to ${value}, which is not a positive whole number.`);
  return { version, value, rules };
}

import { BadInputError, type Db } from '@samsyn/core';
import { Area } from '@samsyn/area';
import { DocumentKind, DocumentReader, type DocumentVersion } from '@samsyn/knowledge';

/** The deadline rules a routine version carries in its details: the values the law and the routine set. */
export interface DeadlineRules {
  initialAssessmentDays?: number;
  investigationMonths?: number;
  legalBasis?: { initialAssessment?: string; investigation?: string };
}

type Rule = 'initialAssessmentDays' | 'investigationMonths';

/**
 * The routine version in force on `day` that sets `rule`: the rules are data published with a routine,
 * so a new routine version changes them without a code change. One statement, the document reader's.
 */
export async function ruleInForce(
  db: Db,
  rule: Rule,
  day: string,
): Promise<{ version: DocumentVersion; value: number; rules: DeadlineRules }> {
  const inForce = await new DocumentReader(db).inForceWithNumberAt(Area.CHILD_SERVICES, DocumentKind.ROUTINE, ['deadlines', rule], day);
  const version = inForce
    .filter((candidate) => typeof (candidate.details.deadlines as DeadlineRules | undefined)?.[rule] === 'number')
    .sort((a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? ''))[0];
  if (!version)
    throw new BadInputError(`No routine in force on ${day} sets ${rule}; there is no deadline to compute for that day.`, { day, rule });
  const rules = version.details.deadlines as DeadlineRules;
  const value = rules[rule] as number;
  if (!Number.isInteger(value) || value <= 0)
    throw new BadInputError(`The routine version ${version.id} sets ${rule} to ${value}, which is not a positive whole number.`);
  return { version, value, rules };
}

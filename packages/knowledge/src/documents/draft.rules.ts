import { BadInputError, isoDate } from '@samsyn/core';
import type { DraftInput } from './draft.types';

const LIMITS = {
  title: 300,
  summary: 2_000,
  body: 200_000,
  legalBasis: 200,
  targetGroup: 300,
  decidedBy: 300,
  changeSummary: 2_000,
  registryNumber: 100,
  slug: 100,
  /** Entries of legalBasis. */
  legalBasisEntries: 50,
  /** Characters of details as JSON. */
  details: 20_000,
} as const;
/** Characters of a free-text reason given with a transition (retire's reason, returnToDraft's comment). */
export const REASON_LIMIT = 2_000;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The content fields of a draft, checked: undefined means "not given, keep or inherit". */
export interface DraftContent {
  title?: string;
  summary?: string;
  body?: string;
  legalBasis?: string[];
  targetGroup?: string | null;
  reviewBy?: string | null;
  decidedBy?: string | null;
  changeSummary?: string | null;
  details?: Record<string, unknown>;
}

function text(name: keyof typeof LIMITS, value: string | null | undefined, problems: string[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value.length > LIMITS[name]) problems.push(`${name} is longer than ${LIMITS[name]} characters`);
  return value;
}

/** The content of a draft, checked: every problem is named in every problem in one BAD_USER_INPUT error. */
export function draftContentOf(input: DraftInput): DraftContent {
  const problems: string[] = [];
  const content: DraftContent = {
    title: text('title', input.title, problems)?.trim(),
    summary: text('summary', input.summary, problems),
    body: text('body', input.body, problems),
    targetGroup: input.targetGroup === undefined ? undefined : (text('targetGroup', input.targetGroup, problems) ?? null),
    decidedBy: input.decidedBy === undefined ? undefined : (text('decidedBy', input.decidedBy, problems) ?? null),
    changeSummary: input.changeSummary === undefined ? undefined : (text('changeSummary', input.changeSummary, problems) ?? null),
    reviewBy: input.reviewBy === undefined ? undefined : input.reviewBy === null ? null : isoDate(input.reviewBy),
    details: input.details ?? undefined,
  };
  if (content.title !== undefined && content.title.length === 0) problems.push('title must not be empty');
  if (content.details !== undefined && JSON.stringify(content.details).length > LIMITS.details)
    problems.push(`details is longer than ${LIMITS.details} characters as JSON`);
  if (input.legalBasis) {
    content.legalBasis = input.legalBasis.map((entry) => entry.trim());
    if (content.legalBasis.length > LIMITS.legalBasisEntries) problems.push(`legalBasis has more than ${LIMITS.legalBasisEntries} entries`);
    if (content.legalBasis.some((entry) => entry.length === 0 || entry.length > LIMITS.legalBasis)) {
      problems.push(`every legalBasis entry must be 1-${LIMITS.legalBasis} characters`);
    }
  }
  if (problems.length > 0) throw new BadInputError(`The draft is not valid: ${problems.join('; ')}.`, { problems });
  return content;
}

/** A free-text reason, trimmed: refused when empty or longer than REASON_LIMIT; `what` names it in the message. */
export function reasonOf(value: string, what: string): string {
  const reason = value.trim();
  if (!reason) throw new BadInputError(`Say why: ${what} must not be empty.`);
  if (reason.length > REASON_LIMIT)
    throw new BadInputError(`${what} may be at most ${REASON_LIMIT} characters long.`, { length: reason.length });
  return reason;
}

/** The kind and slug of a new document, checked (with its title and registry number): refused with every problem named. */
export function newDocumentOf(input: DraftInput): { kind: NonNullable<DraftInput['kind']>; slug: string } {
  const problems: string[] = [];
  if (!input.kind) problems.push('kind is required for a new document');
  if (input.slug && input.slug.length > LIMITS.slug) problems.push(`slug is longer than ${LIMITS.slug} characters`);
  else if (!input.slug || !SLUG.test(input.slug))
    problems.push('slug is required: lower-case letters, digits and single hyphens, e.g. "forhandsbedomning"');
  if (!input.title?.trim()) problems.push('title is required for a new document');
  if (input.registryNumber && input.registryNumber.length > LIMITS.registryNumber) problems.push('registryNumber is too long');
  if (problems.length > 0) throw new BadInputError(`The new document is not valid: ${problems.join('; ')}.`, { problems });
  return { kind: input.kind!, slug: input.slug! };
}

/** Refuses document-level fields on updateDraft: a draft's document does not change. */
export function refuseDocumentFields(input: DraftInput): void {
  const given = (['documentId', 'kind', 'slug', 'registryNumber'] as const).filter(
    (field) => input[field] !== undefined && input[field] !== null,
  );
  if (given.length > 0)
    throw new BadInputError(`updateDraft changes a version's content only; ${given.join(', ')} cannot be given.`, { fields: given });
}

import type { Area, DocumentKind, VersionStatus } from '../gql/graphql';
import { AREAS, type ShownArea } from './areas';

/** The areas a signed-in person leads: their token's areas, or all of them for an admin. */
export function ledAreas(principal: { roles: string[]; areas: string[] } | null | undefined): ShownArea[] {
  if (!principal) return [];
  if (principal.roles.includes('admin')) return AREAS;
  if (!principal.roles.includes('process-leader')) return [];
  return AREAS.filter((area) => principal.areas.includes(area));
}

/** The @include switches of an operation that names all four areas: the given ones on. */
export function areaSwitches(areas: readonly Area[]): {
  childServices: boolean;
  adultServices: boolean;
  disability: boolean;
  incomeSupport: boolean;
} {
  return {
    childServices: areas.includes('CHILD_SERVICES'),
    adultServices: areas.includes('ADULT_SERVICES'),
    disability: areas.includes('DISABILITY'),
    incomeSupport: areas.includes('INCOME_SUPPORT'),
  };
}

/** The one answer of an operation that names all four areas with only one switched on. */
export function oneArea<T>(data: {
  childServices?: T | null;
  adultServices?: T | null;
  disability?: T | null;
  incomeSupport?: T | null;
}): T | null {
  return data.childServices ?? data.adultServices ?? data.disability ?? data.incomeSupport ?? null;
}

export const STATUS_NAMES: Record<VersionStatus, string> = {
  DRAFT: 'Utkast',
  IN_REVIEW: 'Granskas',
  PUBLISHED: 'Publicerad',
  SUPERSEDED: 'Ersatt',
  RETIRED: 'Upphävd',
};

export const KINDS: { kind: DocumentKind; name: string }[] = [
  { kind: 'ROUTINE', name: 'Rutin' },
  { kind: 'GUIDELINE', name: 'Riktlinje' },
  { kind: 'METHOD', name: 'Metod' },
];

/** Today in Sweden as YYYY-MM-DD. */
export function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/** Whole days from one ISO day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** A stable link name for a new document from its title: lower case, Swedish letters folded, single hyphens. */
export function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** Who wrote a version: the actors of its createDraft and updateDraft audit entries, by name. */
export function authorsOf(
  document: { history?: { actor: string; action: string; entityId: string }[] | null },
  versionId: string,
): string[] {
  const names = (document.history ?? [])
    .filter((entry) => entry.entityId === versionId && (entry.action === 'createDraft' || entry.action === 'updateDraft'))
    .map((entry) => entry.actor);
  return [...new Set(names)];
}

/** The content of a version as the editor holds it: every field a string, lists one entry a line. */
export interface DraftFields {
  title: string;
  summary: string;
  body: string;
  legalBasis: string;
  targetGroup: string;
  reviewBy: string;
  details: string;
}

export const FIELD_NAMES: Record<keyof DraftFields, string> = {
  title: 'Titel',
  summary: 'Sammanfattning',
  body: 'Text',
  legalBasis: 'Lagrum',
  targetGroup: 'Målgrupp',
  reviewBy: 'Revideras senast',
  details: 'Detaljer',
};

export const FIELD_KEYS = Object.keys(FIELD_NAMES) as (keyof DraftFields)[];

/** The editor's fields of a version. */
export function fieldsOf(version: {
  title: string;
  summary: string;
  body: string;
  legalBasis: string[];
  targetGroup?: string | null;
  reviewBy?: string | null;
  details: Record<string, unknown>;
}): DraftFields {
  return {
    title: version.title,
    summary: version.summary,
    body: version.body,
    legalBasis: version.legalBasis.join('\n'),
    targetGroup: version.targetGroup ?? '',
    reviewBy: version.reviewBy ?? '',
    details: Object.keys(version.details).length === 0 ? '' : JSON.stringify(version.details, null, 2),
  };
}

/** The lagrum entries of the editor's text: one a line, blank lines left out. */
export function legalBasisOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The fields whose values differ. */
export function changedFields(before: DraftFields, after: DraftFields): (keyof DraftFields)[] {
  return FIELD_KEYS.filter((key) => normalised(key, before[key]) !== normalised(key, after[key]));
}

function normalised(key: keyof DraftFields, value: string): string {
  if (key === 'legalBasis') return legalBasisOf(value).join('\n');
  if (key === 'details') {
    try {
      return value.trim() ? JSON.stringify(JSON.parse(value)) : '';
    } catch {
      return value;
    }
  }
  return value;
}

/**
 * After a CONFLICT: what the other person changed since `base`, merged with the leader's own changes. A field only
 * they changed takes their value; one only the leader changed keeps the leader's; one both changed differently is
 * a clash the leader decides (the leader's value is kept meanwhile).
 */
export function mergeDrafts(
  base: DraftFields,
  mine: DraftFields,
  theirs: DraftFields,
): { merged: DraftFields; theirChanges: (keyof DraftFields)[]; clashes: (keyof DraftFields)[] } {
  const theirChanges = changedFields(base, theirs);
  const myChanges = new Set(changedFields(base, mine));
  const merged = { ...mine };
  const clashes: (keyof DraftFields)[] = [];
  for (const key of theirChanges) {
    if (!myChanges.has(key)) merged[key] = theirs[key];
    else if (normalised(key, mine[key]) !== normalised(key, theirs[key])) clashes.push(key);
  }
  return { merged, theirChanges, clashes };
}

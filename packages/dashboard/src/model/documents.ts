import { request } from '../api/client';
import {
  AreaNamesDocument,
  ReadDocumentAdultServicesDocument,
  ReadDocumentChildServicesDocument,
  ReadDocumentDisabilityDocument,
  ReadDocumentIncomeSupportDocument,
  SearchDocumentsAdultServicesDocument,
  SearchDocumentsChildServicesDocument,
  SearchDocumentsDisabilityDocument,
  SearchDocumentsIncomeSupportDocument,
  type Area,
  type DocumentKind,
  type ListedDocumentFieldsFragment,
  type ReadDocumentFieldsFragment,
  type ReadVersionFieldsFragment,
} from '../gql/graphql';
import { pathHref } from '../router';
import { isArea, type ShownArea } from './areas';

/** An area's name in a document's URL: `#/dokument/barn-och-unga/<slug>`. */
export const AREA_SEGMENTS: Record<ShownArea, string> = {
  CHILD_SERVICES: 'barn-och-unga',
  ADULT_SERVICES: 'vuxen',
  DISABILITY: 'funktionshinder',
  INCOME_SUPPORT: 'forsorjningsstod',
};

/** The area a URL segment names: its Swedish segment, or the API's name of it (`CHILD_SERVICES`). */
export function areaOfSegment(segment: string | undefined): ShownArea | undefined {
  if (!segment) return undefined;
  const upper = segment.toUpperCase();
  if (isArea(upper)) return upper;
  return (Object.entries(AREA_SEGMENTS) as [ShownArea, string][]).find(([, name]) => name === segment.toLowerCase())?.[0];
}

/** The reading view of a document (the version in force, or version `version`): every link to a document goes here. */
export function documentHref(area: Area, slug: string, version?: number): string {
  const segment = isArea(area) ? AREA_SEGMENTS[area] : area;
  return pathHref('dokument', [segment, slug], { version: version === undefined ? undefined : String(version) });
}

export const KIND_LABELS: Record<DocumentKind, string> = { ROUTINE: 'Rutin', GUIDELINE: 'Riktlinje', METHOD: 'Metod' };

/** The published documents of one area matching a search (best match first) and kind. */
export async function searchDocuments(
  area: ShownArea,
  search: string,
  kind: DocumentKind | undefined,
): Promise<ListedDocumentFieldsFragment[]> {
  const variables = { search: search.trim() || undefined, kind };
  const connection = await (async () => {
    switch (area) {
      case 'CHILD_SERVICES':
        return (await request(SearchDocumentsChildServicesDocument, variables)).childServices?.documents;
      case 'ADULT_SERVICES':
        return (await request(SearchDocumentsAdultServicesDocument, variables)).adultServices?.documents;
      case 'DISABILITY':
        return (await request(SearchDocumentsDisabilityDocument, variables)).disability?.documents;
      case 'INCOME_SUPPORT':
        return (await request(SearchDocumentsIncomeSupportDocument, variables)).incomeSupport?.documents;
    }
  })();
  return connection?.edges.map((edge) => edge.node) ?? [];
}

export type ReadDocument = ReadDocumentFieldsFragment & { version?: ReadVersionFieldsFragment[] };

/** One document as the reading view shows it; with every version's text when an earlier version is asked for. */
export async function readDocument(area: ShownArea, slug: string, withVersion: boolean): Promise<ReadDocument | null> {
  const variables = { slug, withVersion };
  switch (area) {
    case 'CHILD_SERVICES':
      return (await request(ReadDocumentChildServicesDocument, variables)).childServices?.document ?? null;
    case 'ADULT_SERVICES':
      return (await request(ReadDocumentAdultServicesDocument, variables)).adultServices?.document ?? null;
    case 'DISABILITY':
      return (await request(ReadDocumentDisabilityDocument, variables)).disability?.document ?? null;
    case 'INCOME_SUPPORT':
      return (await request(ReadDocumentIncomeSupportDocument, variables)).incomeSupport?.document ?? null;
  }
}

let areaNames: Promise<Map<string, string>> | undefined;

/** The areas' Swedish names, asked for once. */
export function loadAreaNames(): Promise<Map<string, string>> {
  areaNames ??= request(AreaNamesDocument, {}).then((data) => new Map(data.areas.map((area) => [area.area, area.name])));
  areaNames.catch(() => (areaNames = undefined));
  return areaNames;
}

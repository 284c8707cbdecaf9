/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How far a district has come with a published version. */
export type AdoptionStatus =
  /** The district has taken note of the version and plans its introduction. */
  | 'ACKNOWLEDGED'
  /** The district works by the version. */
  | 'IMPLEMENTED';

/** A target-group area of platform work, with one subgraph each. */
export type Area =
  /** Vuxen: missbruk och beroende, våld i nära relation, hemlöshet */
  | 'ADULT_SERVICES'
  /** Barn och unga */
  | 'CHILD_SERVICES'
  /** Funktionshinder: LSS och SoL */
  | 'DISABILITY'
  /** Försörjningsstöd / ekonomiskt bistånd */
  | 'INCOME_SUPPORT';

/** What kind of change a published version is, for the districts that follow the document. */
export type ChangeKind =
  /** Redaktionell ändring: language or clarification, no new requirement. Districts’ acknowledgements of the version before carry over to it. */
  | 'EDITORIAL'
  /** Saklig ändring: a changed requirement or responsibility. Districts acknowledge it again; until they do they lag, counted from its validFrom. */
  | 'SUBSTANTIVE';

/** Which way an indicator is better: ranks and improving follow it. */
export type Direction =
  /** A higher value is better (e.g. assessments in time). */
  | 'HIGHER_IS_BETTER'
  /** A lower value is better (e.g. waiting days). */
  | 'LOWER_IS_BETTER'
  /** Neither is better in itself (e.g. placements): no rank, no improving. */
  | 'NEITHER';

/** The three kinds of shared document in platform work. */
export type DocumentKind =
  /** Riktlinje: how to assess and decide: levels, criteria, what is normally granted. */
  | 'GUIDELINE'
  /** Metod: an evidence-informed way of working or assessment instrument. */
  | 'METHOD'
  /** Rutin: how a task is done, step by step, who does what and by when. */
  | 'ROUTINE';

/** The content of a draft. On createDraft, give documentId for a new version of a document, or kind and slug for a new document; fields left out are taken from the version in force. */
export type DraftInput = {
  /** The text, in Markdown. */
  body?: string | null | undefined;
  /** What changes from the version it is based on. */
  changeSummary?: string | null | undefined;
  /** Beslutad av: the committee or manager role that decides it. */
  decidedBy?: string | null | undefined;
  /** Structured content of the kind (e.g. the rule values of a routine), as JSON. */
  details?: Record<string, unknown> | null | undefined;
  /** createDraft: the document to draft a new version of. */
  documentId?: string | number | null | undefined;
  /** createDraft of a new document: its kind. */
  kind?: DocumentKind | null | undefined;
  /** Lagrum, e.g. "SoL 20 kap. 2 §". */
  legalBasis?: Array<string> | null | undefined;
  /** Diarienummer. */
  registryNumber?: string | null | undefined;
  /** Revideras senast: the day it must have been reviewed by. */
  reviewBy?: string | null | undefined;
  /** createDraft of a new document: its stable name in the area (lower case, digits and hyphens). */
  slug?: string | null | undefined;
  /** A short summary, in Swedish. */
  summary?: string | null | undefined;
  /** Målgrupp: the people the document concerns. */
  targetGroup?: string | null | undefined;
  /** The title, in Swedish. */
  title?: string | null | undefined;
};

/** A synpunkt on a published version. */
export type FeedbackInput = {
  /** Which section it concerns (e.g. a heading), at most 300 characters. */
  section?: string | null | undefined;
  /** The synpunkt: 1 to 5,000 characters. */
  text: string;
  /** The published version it concerns (in force, coming into force, or superseded). */
  versionId: string | number;
};

/** Whether a synpunkt has been answered by a process leader of the area. */
export type FeedbackStatus =
  /** A process leader has answered it. */
  | 'ANSWERED'
  /** Not answered yet. */
  | 'OPEN';

/** Where a district lies against its limits: within them, or above/below the 95 % or 99.8 % ones. For proportions and rates (limitBasis CHANCE) the limits are chance limits for a district of its size, and a position outside them is a difference unlikely to be chance alone, one test of many (see adjustedPosition for flags adjusted for multiple testing). For medians and means (limitBasis SPREAD) the limits are a spread band of the district values: a position outside it says the district lies far from the others, not that the difference is beyond chance. */
export type FunnelPosition =
  /** Above the 95 % limit (or the inner spread band) but within the 99.8 % one: worth a look. */
  | 'ABOVE_95'
  /** Above the 99.8 % limit (or the outer spread band): for chance limits, very unlikely to be chance. */
  | 'ABOVE_99_8'
  /** Below the 95 % limit (or the inner spread band) but within the 99.8 % one: worth a look. */
  | 'BELOW_95'
  /** Below the 99.8 % limit (or the outer spread band): for chance limits, very unlikely to be chance. */
  | 'BELOW_99_8'
  /** Within the 95 % limits (or the inner spread band): no sign of a difference. */
  | 'INSIDE';

/** What an indicator measures, and so how districts are compared on it. */
export type IndicatorKind =
  /** a mean value per district, with the number of cases as denominator. */
  | 'MEAN'
  /** a median value per district (e.g. days), with the number of cases as denominator. */
  | 'MEDIAN'
  /** numerator / denominator, e.g. assessments decided within 14 days of all assessments. */
  | 'PROPORTION'
  /** numerator per `ratePer` of a population (denominator), e.g. children placed per 1 000 children. */
  | 'RATE';

/** What a comparison’s limits are, and so what a position outside them means. */
export type LimitBasis =
  /** Chance limits (proportions and rates): what chance gives a district of its size if the city value held for it; positions come with a pValue. */
  | 'CHANCE'
  /** A spread band (medians and means): the city value ± a multiple of the robust spread of the shown district values, the same for every size. Districts report no spread within the district, so there is no chance model: a position outside the band says a district lies far from the others, not that the difference is beyond chance; pValue, rank and rank interval are null. */
  | 'SPREAD';

/** Whether flags are adjusted for the many tests of a period: every district on every indicator of the area is a test, about a hundred per quarter, so about five districts lie outside their 95 % limits by chance alone in every period. */
export type Multiplicity =
  /** qValue and adjustedPosition control the false discovery rate (Benjamini–Hochberg) over the two-sided p-values of every shown district on every indicator of the area with chance limits (proportions and rates) in the period, computed with the same overdispersion option. position, limits, pValue and trends stay unadjusted. */
  | 'BENJAMINI_HOCHBERG'
  /** No adjustment: qValue and adjustedPosition are null. */
  | 'NONE';

/** Whether the funnel limits allow for districts differing more than chance explains (Spiegelhalter 2005, §4–5). When they do, far more districts than 5 % fall outside the 95 % limits, and the limits are too narrow to judge by. */
export type Overdispersion =
  /** Limits widened by a between-district variance τ² (random effects, DerSimonian–Laird), when overdispersion is significant and τ² is above 0. */
  | 'ADDITIVE'
  /** Limits widened by √φ, the overdispersion factor, when overdispersion is significant (overdispersionPValue < 0.05) and φ is above 1. */
  | 'MULTIPLICATIVE'
  /** Exact limits for chance alone (binomial or Poisson). */
  | 'NONE';

/** A document's new owner (ägare): a process leader of the area. */
export type OwnerInput = {
  /** Their identity: the process leader directory's id (ProcessLeader.id), which is their token subject. */
  id: string | number;
  /** Their name, as readers see it. */
  name: string;
};

/** How often figures are reported: periods 2026, 2026-Q3 or 2026-09. */
export type Periodicity =
  /** Per month: 2026-09. */
  | 'MONTH'
  /** Per quarter: 2026-Q3. */
  | 'QUARTER'
  /** Per year: 2026. */
  | 'YEAR';

/** Why a figure is hidden. */
export type SuppressionReason =
  /** Stored without going through reporting, so not yet checked for disclosure: hidden until it is. */
  | 'PENDING'
  /** Hidden by disclosure control: a small count (fewer than 5 cases with or without the outcome, or behind a median or mean), or a figure hidden with small ones so that none can be worked out from the published totals, even by a district that knows its own figures. Which of the two is not told: telling it would point at the small count. */
  | 'PROTECTED'
  /** No longer returned: every figure hidden by disclosure control is PROTECTED. */
  | 'SECONDARY'
  /** No longer returned: every figure hidden by disclosure control is PROTECTED. */
  | 'SMALL_COUNT';

/** The direction of a district’s figures over the last four periods. RISING or FALLING only when a test finds the change unlikely to be chance (two-sided, 5 % level: Cochran–Armitage for proportions, a Poisson-weighted regression for rates, a case-weighted regression with its standard error for medians and means); STABLE otherwise (no established change: not a finding that nothing changed); UNKNOWN with fewer than three shown periods. With sampling noise alone about one district in twenty is still called rising or falling. Extra variation between periods inflates that: with twice the sampling variance between quarters about 18 % are called rising or falling, and a seasonal swing of ±4 percentage points about 16 % (seeded simulations). When the comparison widens its limits for overdispersion (limitsWidened), the trend tests of proportions and rates are widened by the same φ or τ²; quarter-to-quarter variation within a district and seasonality are not otherwise allowed for. */
export type Trend =
  /** The figures go down, more than the test allows for. */
  | 'FALLING'
  /** The figures go up, more than the test allows for. */
  | 'RISING'
  /** No established change ("ingen säkerställd förändring"): any change is within what the test allows for. Not evidence of no change. */
  | 'STABLE'
  /** Too few shown periods to tell. */
  | 'UNKNOWN';

/** Where a version is in its lifecycle: DRAFT → IN_REVIEW → PUBLISHED → SUPERSEDED, or RETIRED with its document. */
export type VersionStatus =
  /** Being written; the only status in which a version changes. */
  | 'DRAFT'
  /** Submitted; waiting for another process leader (or an admin) to publish or return it. */
  | 'IN_REVIEW'
  /** The document's latest published version (in force from its validFrom). */
  | 'PUBLISHED'
  /** The document was retired; no longer in force. */
  | 'RETIRED'
  /** Replaced by a later published version; still in force until that one takes over. */
  | 'SUPERSEDED';

export type ListedDocumentFieldsFragment = { id: string, area: Area, slug: string, title: string, kind: DocumentKind, current: { number: number, summary: string, validFrom: string | null, reviewBy: string | null } | null };

export type ReadDocumentFieldsFragment = { id: string, area: Area, slug: string, kind: DocumentKind, title: string, registryNumber: string | null, retiredAt: string | null, retiredReason: string | null, overdueForReview: boolean, owner: { name: string, title: string, email: string } | null, current: { id: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, changeSummary: string | null } | null, versions: Array<{ number: number, status: VersionStatus, title: string, validFrom: string | null, reviewBy: string | null, publishedAt: string | null, changeSummary: string | null }> };

export type ReadVersionFieldsFragment = { id: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, changeSummary: string | null };

export type SearchDocumentsChildServicesQueryVariables = Exact<{
  search?: string | null | undefined;
  kind?: DocumentKind | null | undefined;
}>;


export type SearchDocumentsChildServicesQuery = { childServices: { documents: { totalCount: number, edges: Array<{ node: { id: string, area: Area, slug: string, title: string, kind: DocumentKind, current: { number: number, summary: string, validFrom: string | null, reviewBy: string | null } | null } }> } } | null };

export type ReadDocumentChildServicesQueryVariables = Exact<{
  slug: string;
  withVersion: boolean;
}>;


export type ReadDocumentChildServicesQuery = { childServices: { document: { id: string, area: Area, slug: string, kind: DocumentKind, title: string, registryNumber: string | null, retiredAt: string | null, retiredReason: string | null, overdueForReview: boolean, version?: Array<{ id: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, changeSummary: string | null }>, owner: { name: string, title: string, email: string } | null, current: { id: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, changeSummary: string | null } | null, versions: Array<{ number: number, status: VersionStatus, title: string, validFrom: string | null, reviewBy: string | null, publishedAt: string | null, changeSummary: string | null }> } | null } | null };

export type SearchDocumentsAdultServicesQueryVariables = Exact<{
  search?: string | null | undefined;
  kind?: DocumentKind | null | undefined;
}>;


export type SearchDocumentsAdultServicesQuery = { adultServices: { documents: { totalCount: number, edges: Array<{ node: { id: string, area: Area, slug: string, title: string, kind: DocumentKind, current: { number: number, summary: string, validFrom: string | null, reviewBy: string | null } | null } }> } } | null };

export type ReadDocumentAdultServicesQueryVariables = Exact<{
  slug: string;
  withVersion: boolean;
}>;


export type ReadDocumentAdultServicesQuery = { adultServices: { document: { id: string, area: Area, slug: string, kind: DocumentKind, title: string, registryNumber: string | null, retiredAt: string | null, retiredReason: string | null, overdueForReview: boolean, version?: Array<{ id: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, changeSummary: string | null }>, owner: { name: string, title: string, email: string } | null, current: { id: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, changeSummary: string | null } | null, versions: Array<{ number: number, status: VersionStatus, title: string, validFrom: string | null, reviewBy: string | null, publishedAt: string | null, changeSummary: string | null }> } | null } | null };

export type SearchDocumentsDisabilityQueryVariables = Exact<{
  search?: string | null | undefined;
  kind?: DocumentKind | null | undefined;
}>;


export type SearchDocumentsDisabilityQuery = { disability: { documents: { totalCount: number, edges: Array<{ node: { id: string, area: Area, slug: string, title: string, kind: DocumentKind, current: { number: number, summary: string, validFrom: string | null, reviewBy: string | null } | null } }> } } | null };

export type ReadDocumentDisabilityQueryVariables = Exact<{
  slug: string;
  withVersion: boolean;
}>;


export type ReadDocumentDisabilityQuery = { disability: { document: { id: string, area: Area, slug: string, kind: DocumentKind, title: string, registryNumber: string | null, retiredAt: string | null, retiredReason: string | null, overdueForReview: boolean, version?: Array<{ id: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, changeSummary: string | null }>, owner: { name: string, title: string, email: string } | null, current: { id: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, changeSummary: string | null } | null, versions: Array<{ number: number, status: VersionStatus, title: string, validFrom: string | null, reviewBy: string | null, publishedAt: string | null, changeSummary: string | null }> } | null } | null };

export type SearchDocumentsIncomeSupportQueryVariables = Exact<{
  search?: string | null | undefined;
  kind?: DocumentKind | null | undefined;
}>;


export type SearchDocumentsIncomeSupportQuery = { incomeSupport: { documents: { totalCount: number, edges: Array<{ node: { id: string, area: Area, slug: string, title: string, kind: DocumentKind, current: { number: number, summary: string, validFrom: string | null, reviewBy: string | null } | null } }> } } | null };

export type ReadDocumentIncomeSupportQueryVariables = Exact<{
  slug: string;
  withVersion: boolean;
}>;


export type ReadDocumentIncomeSupportQuery = { incomeSupport: { document: { id: string, area: Area, slug: string, kind: DocumentKind, title: string, registryNumber: string | null, retiredAt: string | null, retiredReason: string | null, overdueForReview: boolean, version?: Array<{ id: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, changeSummary: string | null }>, owner: { name: string, title: string, email: string } | null, current: { id: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, changeSummary: string | null } | null, versions: Array<{ number: number, status: VersionStatus, title: string, validFrom: string | null, reviewBy: string | null, publishedAt: string | null, changeSummary: string | null }> } | null } | null };

export type AreaNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type AreaNamesQuery = { areas: Array<{ area: Area, name: string }> };

export type IndicatorFieldsFragment = { code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null };

export type CatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogueQuery = { areas: Array<{ area: Area, name: string }>, districts: Array<{ code: string, name: string }>, childServices: { indicators: Array<{ code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null }> } | null, adultServices: { indicators: Array<{ code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null }> } | null, disability: { indicators: Array<{ code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null }> } | null, incomeSupport: { indicators: Array<{ code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null }> } | null };

export type SeriesFieldsFragment = { period: string, value: number | null, suppressed: boolean, reported: boolean };

export type SeriesQueryVariables = Exact<{
  indicator: string;
  district: string;
  from: string;
  to: string;
  childServices: boolean;
  adultServices: boolean;
  disability: boolean;
  incomeSupport: boolean;
}>;


export type SeriesQuery = { childServices?: { series: Array<{ period: string, value: number | null, suppressed: boolean, reported: boolean }> | null } | null, adultServices?: { series: Array<{ period: string, value: number | null, suppressed: boolean, reported: boolean }> | null } | null, disability?: { series: Array<{ period: string, value: number | null, suppressed: boolean, reported: boolean }> | null } | null, incomeSupport?: { series: Array<{ period: string, value: number | null, suppressed: boolean, reported: boolean }> | null } | null };

export type ComparisonFieldsFragment = { period: string, cityValue: number | null, cityNumerator: number | null, cityDenominator: number | null, limitBasis: LimitBasis, overdispersion: Overdispersion, dispersionFactor: number | null, overdispersionPValue: number | null, betweenDistrictVariance: number | null, limitsWidened: boolean, multiplicity: Multiplicity, limitCurve: Array<{ cases: number, lower95: number, upper95: number, lower998: number, upper998: number }>, indicator: { code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null }, entries: Array<{ value: number | null, numerator: number | null, denominator: number | null, suppressed: boolean, suppressionReason: SuppressionReason | null, position: FunnelPosition | null, pValue: number | null, adjustedPosition: FunnelPosition | null, qValue: number | null, rank: number | null, rankLower: number | null, rankUpper: number | null, lower95: number | null, upper95: number | null, lower998: number | null, upper998: number | null, district: { code: string, name: string } }> };

export type ComparisonQueryVariables = Exact<{
  indicator: string;
  period: string;
  overdispersion?: Overdispersion;
  multiplicity?: Multiplicity;
  childServices: boolean;
  adultServices: boolean;
  disability: boolean;
  incomeSupport: boolean;
}>;


export type ComparisonQuery = { childServices?: { comparison: { period: string, cityValue: number | null, cityNumerator: number | null, cityDenominator: number | null, limitBasis: LimitBasis, overdispersion: Overdispersion, dispersionFactor: number | null, overdispersionPValue: number | null, betweenDistrictVariance: number | null, limitsWidened: boolean, multiplicity: Multiplicity, limitCurve: Array<{ cases: number, lower95: number, upper95: number, lower998: number, upper998: number }>, indicator: { code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null }, entries: Array<{ value: number | null, numerator: number | null, denominator: number | null, suppressed: boolean, suppressionReason: SuppressionReason | null, position: FunnelPosition | null, pValue: number | null, adjustedPosition: FunnelPosition | null, qValue: number | null, rank: number | null, rankLower: number | null, rankUpper: number | null, lower95: number | null, upper95: number | null, lower998: number | null, upper998: number | null, district: { code: string, name: string } }> } | null } | null, adultServices?: { comparison: { period: string, cityValue: number | null, cityNumerator: number | null, cityDenominator: number | null, limitBasis: LimitBasis, overdispersion: Overdispersion, dispersionFactor: number | null, overdispersionPValue: number | null, betweenDistrictVariance: number | null, limitsWidened: boolean, multiplicity: Multiplicity, limitCurve: Array<{ cases: number, lower95: number, upper95: number, lower998: number, upper998: number }>, indicator: { code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null }, entries: Array<{ value: number | null, numerator: number | null, denominator: number | null, suppressed: boolean, suppressionReason: SuppressionReason | null, position: FunnelPosition | null, pValue: number | null, adjustedPosition: FunnelPosition | null, qValue: number | null, rank: number | null, rankLower: number | null, rankUpper: number | null, lower95: number | null, upper95: number | null, lower998: number | null, upper998: number | null, district: { code: string, name: string } }> } | null } | null, disability?: { comparison: { period: string, cityValue: number | null, cityNumerator: number | null, cityDenominator: number | null, limitBasis: LimitBasis, overdispersion: Overdispersion, dispersionFactor: number | null, overdispersionPValue: number | null, betweenDistrictVariance: number | null, limitsWidened: boolean, multiplicity: Multiplicity, limitCurve: Array<{ cases: number, lower95: number, upper95: number, lower998: number, upper998: number }>, indicator: { code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null }, entries: Array<{ value: number | null, numerator: number | null, denominator: number | null, suppressed: boolean, suppressionReason: SuppressionReason | null, position: FunnelPosition | null, pValue: number | null, adjustedPosition: FunnelPosition | null, qValue: number | null, rank: number | null, rankLower: number | null, rankUpper: number | null, lower95: number | null, upper95: number | null, lower998: number | null, upper998: number | null, district: { code: string, name: string } }> } | null } | null, incomeSupport?: { comparison: { period: string, cityValue: number | null, cityNumerator: number | null, cityDenominator: number | null, limitBasis: LimitBasis, overdispersion: Overdispersion, dispersionFactor: number | null, overdispersionPValue: number | null, betweenDistrictVariance: number | null, limitsWidened: boolean, multiplicity: Multiplicity, limitCurve: Array<{ cases: number, lower95: number, upper95: number, lower998: number, upper998: number }>, indicator: { code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null }, entries: Array<{ value: number | null, numerator: number | null, denominator: number | null, suppressed: boolean, suppressionReason: SuppressionReason | null, position: FunnelPosition | null, pValue: number | null, adjustedPosition: FunnelPosition | null, qValue: number | null, rank: number | null, rankLower: number | null, rankUpper: number | null, lower95: number | null, upper95: number | null, lower998: number | null, upper998: number | null, district: { code: string, name: string } }> } | null } | null };

export type ProfileSummaryFieldsFragment = { adoption: { documentsInForce: number, lagging: Array<{ daysLagging: number | null, document: { slug: string, title: string } }> } | null };

export type OverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewQuery = { districts: Array<{ code: string, name: string, childServices: { adoption: { documentsInForce: number, lagging: Array<{ daysLagging: number | null, document: { slug: string, title: string } }> } | null } | null, adultServices: { adoption: { documentsInForce: number, lagging: Array<{ daysLagging: number | null, document: { slug: string, title: string } }> } | null } | null, disability: { adoption: { documentsInForce: number, lagging: Array<{ daysLagging: number | null, document: { slug: string, title: string } }> } | null } | null, incomeSupport: { adoption: { documentsInForce: number, lagging: Array<{ daysLagging: number | null, document: { slug: string, title: string } }> } | null } | null }> };

export type PositionFieldsFragment = { period: string, cityValue: number | null, limitBasis: LimitBasis, overdispersion: Overdispersion, dispersionFactor: number | null, overdispersionPValue: number | null, limitsWidened: boolean, multiplicity: Multiplicity, indicator: { code: string }, entries: Array<{ value: number | null, suppressed: boolean, position: FunnelPosition | null, adjustedPosition: FunnelPosition | null, trend: Trend, improving: boolean | null, district: { code: string, name: string } }> };

export type PositionsQueryVariables = Exact<{
  indicator: string;
  period: string;
  overdispersion: Overdispersion;
  childServices: boolean;
  adultServices: boolean;
  disability: boolean;
  incomeSupport: boolean;
}>;


export type PositionsQuery = { childServices?: { comparison: { period: string, cityValue: number | null, limitBasis: LimitBasis, overdispersion: Overdispersion, dispersionFactor: number | null, overdispersionPValue: number | null, limitsWidened: boolean, multiplicity: Multiplicity, indicator: { code: string }, entries: Array<{ value: number | null, suppressed: boolean, position: FunnelPosition | null, adjustedPosition: FunnelPosition | null, trend: Trend, improving: boolean | null, district: { code: string, name: string } }> } | null } | null, adultServices?: { comparison: { period: string, cityValue: number | null, limitBasis: LimitBasis, overdispersion: Overdispersion, dispersionFactor: number | null, overdispersionPValue: number | null, limitsWidened: boolean, multiplicity: Multiplicity, indicator: { code: string }, entries: Array<{ value: number | null, suppressed: boolean, position: FunnelPosition | null, adjustedPosition: FunnelPosition | null, trend: Trend, improving: boolean | null, district: { code: string, name: string } }> } | null } | null, disability?: { comparison: { period: string, cityValue: number | null, limitBasis: LimitBasis, overdispersion: Overdispersion, dispersionFactor: number | null, overdispersionPValue: number | null, limitsWidened: boolean, multiplicity: Multiplicity, indicator: { code: string }, entries: Array<{ value: number | null, suppressed: boolean, position: FunnelPosition | null, adjustedPosition: FunnelPosition | null, trend: Trend, improving: boolean | null, district: { code: string, name: string } }> } | null } | null, incomeSupport?: { comparison: { period: string, cityValue: number | null, limitBasis: LimitBasis, overdispersion: Overdispersion, dispersionFactor: number | null, overdispersionPValue: number | null, limitsWidened: boolean, multiplicity: Multiplicity, indicator: { code: string }, entries: Array<{ value: number | null, suppressed: boolean, position: FunnelPosition | null, adjustedPosition: FunnelPosition | null, trend: Trend, improving: boolean | null, district: { code: string, name: string } }> } | null } | null };

export type DistrictAreaFieldsFragment = { area: Area, name: string, adoption: { documentsInForce: number, acknowledged: number, implemented: number, lagging: Array<{ status: AdoptionStatus | null, daysLagging: number | null, document: { slug: string, title: string, kind: DocumentKind }, version: { number: number } | null, currentVersion: { number: number, validFrom: string | null } | null }> } | null, indicators: Array<{ value: number | null, numerator: number | null, denominator: number | null, suppressed: boolean, position: FunnelPosition | null, cityValue: number | null, trend: Trend, indicator: { code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null } }> | null };

export type DistrictQueryVariables = Exact<{
  code: string;
  period: string;
}>;


export type DistrictQuery = { district: { code: string, name: string, population: number | null, active: boolean, childServices: { area: Area, name: string, adoption: { documentsInForce: number, acknowledged: number, implemented: number, lagging: Array<{ status: AdoptionStatus | null, daysLagging: number | null, document: { slug: string, title: string, kind: DocumentKind }, version: { number: number } | null, currentVersion: { number: number, validFrom: string | null } | null }> } | null, indicators: Array<{ value: number | null, numerator: number | null, denominator: number | null, suppressed: boolean, position: FunnelPosition | null, cityValue: number | null, trend: Trend, indicator: { code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null } }> | null } | null, adultServices: { area: Area, name: string, adoption: { documentsInForce: number, acknowledged: number, implemented: number, lagging: Array<{ status: AdoptionStatus | null, daysLagging: number | null, document: { slug: string, title: string, kind: DocumentKind }, version: { number: number } | null, currentVersion: { number: number, validFrom: string | null } | null }> } | null, indicators: Array<{ value: number | null, numerator: number | null, denominator: number | null, suppressed: boolean, position: FunnelPosition | null, cityValue: number | null, trend: Trend, indicator: { code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null } }> | null } | null, disability: { area: Area, name: string, adoption: { documentsInForce: number, acknowledged: number, implemented: number, lagging: Array<{ status: AdoptionStatus | null, daysLagging: number | null, document: { slug: string, title: string, kind: DocumentKind }, version: { number: number } | null, currentVersion: { number: number, validFrom: string | null } | null }> } | null, indicators: Array<{ value: number | null, numerator: number | null, denominator: number | null, suppressed: boolean, position: FunnelPosition | null, cityValue: number | null, trend: Trend, indicator: { code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null } }> | null } | null, incomeSupport: { area: Area, name: string, adoption: { documentsInForce: number, acknowledged: number, implemented: number, lagging: Array<{ status: AdoptionStatus | null, daysLagging: number | null, document: { slug: string, title: string, kind: DocumentKind }, version: { number: number } | null, currentVersion: { number: number, validFrom: string | null } | null }> } | null, indicators: Array<{ value: number | null, numerator: number | null, denominator: number | null, suppressed: boolean, position: FunnelPosition | null, cityValue: number | null, trend: Trend, indicator: { code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null } }> | null } | null } | null };

export type PublishedDocumentFieldsFragment = { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null };

export type AdoptionMatrixChildServicesQueryVariables = Exact<{ [key: string]: never; }>;


export type AdoptionMatrixChildServicesQuery = { districts: Array<{ code: string, name: string }>, childServices: { documents: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null, upcoming: { number: number, validFrom: string | null } | null, adoption: Array<{ status: AdoptionStatus | null, lagging: boolean, daysLagging: number | null, upcomingStatus: AdoptionStatus | null, district: { code: string }, version: { number: number } | null }> | null } }> } } | null };

export type AdoptionMatrixAdultServicesQueryVariables = Exact<{ [key: string]: never; }>;


export type AdoptionMatrixAdultServicesQuery = { districts: Array<{ code: string, name: string }>, adultServices: { documents: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null, upcoming: { number: number, validFrom: string | null } | null, adoption: Array<{ status: AdoptionStatus | null, lagging: boolean, daysLagging: number | null, upcomingStatus: AdoptionStatus | null, district: { code: string }, version: { number: number } | null }> | null } }> } } | null };

export type AdoptionMatrixDisabilityQueryVariables = Exact<{ [key: string]: never; }>;


export type AdoptionMatrixDisabilityQuery = { districts: Array<{ code: string, name: string }>, disability: { documents: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null, upcoming: { number: number, validFrom: string | null } | null, adoption: Array<{ status: AdoptionStatus | null, lagging: boolean, daysLagging: number | null, upcomingStatus: AdoptionStatus | null, district: { code: string }, version: { number: number } | null }> | null } }> } } | null };

export type AdoptionMatrixIncomeSupportQueryVariables = Exact<{ [key: string]: never; }>;


export type AdoptionMatrixIncomeSupportQuery = { districts: Array<{ code: string, name: string }>, incomeSupport: { documents: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null, upcoming: { number: number, validFrom: string | null } | null, adoption: Array<{ status: AdoptionStatus | null, lagging: boolean, daysLagging: number | null, upcomingStatus: AdoptionStatus | null, district: { code: string }, version: { number: number } | null }> | null } }> } } | null };

export type PublishedDocumentsChildServicesQueryVariables = Exact<{ [key: string]: never; }>;


export type PublishedDocumentsChildServicesQuery = { childServices: { documents: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null } }> } } | null };

export type PublishedDocumentsAdultServicesQueryVariables = Exact<{ [key: string]: never; }>;


export type PublishedDocumentsAdultServicesQuery = { adultServices: { documents: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null } }> } } | null };

export type PublishedDocumentsDisabilityQueryVariables = Exact<{ [key: string]: never; }>;


export type PublishedDocumentsDisabilityQuery = { disability: { documents: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null } }> } } | null };

export type PublishedDocumentsIncomeSupportQueryVariables = Exact<{ [key: string]: never; }>;


export type PublishedDocumentsIncomeSupportQuery = { incomeSupport: { documents: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null } }> } } | null };

export type WorkspaceVersionFragment = { id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null };

export type WorkspaceListedDocumentFragment = { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> };

type WorkspaceAreaLists_AdultServices_Fragment = { area: Area, name: string, drafts: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> } }> }, reviews: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> } }> }, inForce: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null } }> } };

type WorkspaceAreaLists_ChildServices_Fragment = { area: Area, name: string, drafts: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> } }> }, reviews: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> } }> }, inForce: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null } }> } };

type WorkspaceAreaLists_Disability_Fragment = { area: Area, name: string, drafts: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> } }> }, reviews: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> } }> }, inForce: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null } }> } };

type WorkspaceAreaLists_IncomeSupport_Fragment = { area: Area, name: string, drafts: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> } }> }, reviews: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> } }> }, inForce: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null } }> } };

export type WorkspaceAreaListsFragment =
  | WorkspaceAreaLists_AdultServices_Fragment
  | WorkspaceAreaLists_ChildServices_Fragment
  | WorkspaceAreaLists_Disability_Fragment
  | WorkspaceAreaLists_IncomeSupport_Fragment
;

export type WorkspaceListsQueryVariables = Exact<{
  childServices: boolean;
  adultServices: boolean;
  disability: boolean;
  incomeSupport: boolean;
}>;


export type WorkspaceListsQuery = { childServices?: { area: Area, name: string, drafts: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> } }> }, reviews: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> } }> }, inForce: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null } }> } } | null, adultServices?: { area: Area, name: string, drafts: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> } }> }, reviews: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> } }> }, inForce: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null } }> } } | null, disability?: { area: Area, name: string, drafts: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> } }> }, reviews: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> } }> }, inForce: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null } }> } } | null, incomeSupport?: { area: Area, name: string, drafts: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> } }> }, reviews: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null, versions: Array<{ id: string, number: number, status: VersionStatus, title: string, submittedBy: string | null, returnComment: string | null, validFrom: string | null }> } }> }, inForce: { totalCount: number, edges: Array<{ node: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, current: { id: string, number: number, validFrom: string | null, reviewBy: string | null } | null } }> } } | null };

export type WorkspaceDocumentFieldsFragment = { id: string, area: Area, kind: DocumentKind, slug: string, title: string, registryNumber: string | null, retiredAt: string | null, ownerName: string | null, owner: { id: string, name: string } | null, current: { id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null } | null, versions: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null }>, history: Array<{ id: string, at: string, actor: string, action: string, entity: string, entityId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null }> | null, feedback: Array<{ id: string, documentId: string, versionId: string, section: string | null, text: string, author: string, createdAt: string, status: FeedbackStatus, answer: string | null, answeredAt: string | null, answeredBy: string | null, addressed: boolean, district: { code: string, name: string } | null, version: { id: string, number: number }, addressedBy: { id: string, number: number, status: VersionStatus } | null }> | null, upcoming: { id: string, number: number, validFrom: string | null } | null, adoption: Array<{ status: AdoptionStatus | null, currentStatus: AdoptionStatus | null, upcomingStatus: AdoptionStatus | null, acknowledgedAt: string | null, implementedAt: string | null, lagging: boolean, daysLagging: number | null, district: { code: string, name: string }, upcomingVersion: { id: string, number: number } | null, version: { id: string, number: number } | null, currentVersion: { id: string, number: number } | null }> | null };

export type WorkspaceDocumentQueryVariables = Exact<{
  id: string | number;
  area: Area;
  childServices: boolean;
  adultServices: boolean;
  disability: boolean;
  incomeSupport: boolean;
}>;


export type WorkspaceDocumentQuery = { districts: Array<{ code: string, name: string }>, processLeaders: Array<{ id: string, name: string }>, childServices?: { document: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, registryNumber: string | null, retiredAt: string | null, ownerName: string | null, owner: { id: string, name: string } | null, current: { id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null } | null, versions: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null }>, history: Array<{ id: string, at: string, actor: string, action: string, entity: string, entityId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null }> | null, feedback: Array<{ id: string, documentId: string, versionId: string, section: string | null, text: string, author: string, createdAt: string, status: FeedbackStatus, answer: string | null, answeredAt: string | null, answeredBy: string | null, addressed: boolean, district: { code: string, name: string } | null, version: { id: string, number: number }, addressedBy: { id: string, number: number, status: VersionStatus } | null }> | null, upcoming: { id: string, number: number, validFrom: string | null } | null, adoption: Array<{ status: AdoptionStatus | null, currentStatus: AdoptionStatus | null, upcomingStatus: AdoptionStatus | null, acknowledgedAt: string | null, implementedAt: string | null, lagging: boolean, daysLagging: number | null, district: { code: string, name: string }, upcomingVersion: { id: string, number: number } | null, version: { id: string, number: number } | null, currentVersion: { id: string, number: number } | null }> | null } | null } | null, adultServices?: { document: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, registryNumber: string | null, retiredAt: string | null, ownerName: string | null, owner: { id: string, name: string } | null, current: { id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null } | null, versions: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null }>, history: Array<{ id: string, at: string, actor: string, action: string, entity: string, entityId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null }> | null, feedback: Array<{ id: string, documentId: string, versionId: string, section: string | null, text: string, author: string, createdAt: string, status: FeedbackStatus, answer: string | null, answeredAt: string | null, answeredBy: string | null, addressed: boolean, district: { code: string, name: string } | null, version: { id: string, number: number }, addressedBy: { id: string, number: number, status: VersionStatus } | null }> | null, upcoming: { id: string, number: number, validFrom: string | null } | null, adoption: Array<{ status: AdoptionStatus | null, currentStatus: AdoptionStatus | null, upcomingStatus: AdoptionStatus | null, acknowledgedAt: string | null, implementedAt: string | null, lagging: boolean, daysLagging: number | null, district: { code: string, name: string }, upcomingVersion: { id: string, number: number } | null, version: { id: string, number: number } | null, currentVersion: { id: string, number: number } | null }> | null } | null } | null, disability?: { document: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, registryNumber: string | null, retiredAt: string | null, ownerName: string | null, owner: { id: string, name: string } | null, current: { id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null } | null, versions: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null }>, history: Array<{ id: string, at: string, actor: string, action: string, entity: string, entityId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null }> | null, feedback: Array<{ id: string, documentId: string, versionId: string, section: string | null, text: string, author: string, createdAt: string, status: FeedbackStatus, answer: string | null, answeredAt: string | null, answeredBy: string | null, addressed: boolean, district: { code: string, name: string } | null, version: { id: string, number: number }, addressedBy: { id: string, number: number, status: VersionStatus } | null }> | null, upcoming: { id: string, number: number, validFrom: string | null } | null, adoption: Array<{ status: AdoptionStatus | null, currentStatus: AdoptionStatus | null, upcomingStatus: AdoptionStatus | null, acknowledgedAt: string | null, implementedAt: string | null, lagging: boolean, daysLagging: number | null, district: { code: string, name: string }, upcomingVersion: { id: string, number: number } | null, version: { id: string, number: number } | null, currentVersion: { id: string, number: number } | null }> | null } | null } | null, incomeSupport?: { document: { id: string, area: Area, kind: DocumentKind, slug: string, title: string, registryNumber: string | null, retiredAt: string | null, ownerName: string | null, owner: { id: string, name: string } | null, current: { id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null } | null, versions: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null }>, history: Array<{ id: string, at: string, actor: string, action: string, entity: string, entityId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null }> | null, feedback: Array<{ id: string, documentId: string, versionId: string, section: string | null, text: string, author: string, createdAt: string, status: FeedbackStatus, answer: string | null, answeredAt: string | null, answeredBy: string | null, addressed: boolean, district: { code: string, name: string } | null, version: { id: string, number: number }, addressedBy: { id: string, number: number, status: VersionStatus } | null }> | null, upcoming: { id: string, number: number, validFrom: string | null } | null, adoption: Array<{ status: AdoptionStatus | null, currentStatus: AdoptionStatus | null, upcomingStatus: AdoptionStatus | null, acknowledgedAt: string | null, implementedAt: string | null, lagging: boolean, daysLagging: number | null, district: { code: string, name: string }, upcomingVersion: { id: string, number: number } | null, version: { id: string, number: number } | null, currentVersion: { id: string, number: number } | null }> | null } | null } | null };

export type CreateDraftMutationVariables = Exact<{
  input: DraftInput;
  childServices: boolean;
  adultServices: boolean;
  disability: boolean;
  incomeSupport: boolean;
}>;


export type CreateDraftMutation = { childServices?: { createDraft: { id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null } }, adultServices?: { createDraft: { id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null } }, disability?: { createDraft: { id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null } }, incomeSupport?: { createDraft: { id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null } } };

export type UpdateDraftMutationVariables = Exact<{
  versionId: string | number;
  expectedRevision: number;
  input: DraftInput;
  childServices: boolean;
  adultServices: boolean;
  disability: boolean;
  incomeSupport: boolean;
}>;


export type UpdateDraftMutation = { childServices?: { updateDraft: { id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null } }, adultServices?: { updateDraft: { id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null } }, disability?: { updateDraft: { id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null } }, incomeSupport?: { updateDraft: { id: string, documentId: string, number: number, status: VersionStatus, title: string, summary: string, body: string, legalBasis: Array<string>, targetGroup: string | null, validFrom: string | null, reviewBy: string | null, decidedBy: string | null, publishedAt: string | null, publishedBy: string | null, changeSummary: string | null, revision: number, details: Record<string, unknown>, submittedBy: string | null, returnComment: string | null, publishRefusal: string | null, changeKind: ChangeKind | null, requirementsSince: string | null } } };

export type SubmitForReviewMutationVariables = Exact<{
  versionId: string | number;
  expectedRevision: number;
  childServices: boolean;
  adultServices: boolean;
  disability: boolean;
  incomeSupport: boolean;
}>;


export type SubmitForReviewMutation = { childServices?: { submitForReview: { id: string, status: VersionStatus } }, adultServices?: { submitForReview: { id: string, status: VersionStatus } }, disability?: { submitForReview: { id: string, status: VersionStatus } }, incomeSupport?: { submitForReview: { id: string, status: VersionStatus } } };

export type ReturnToDraftMutationVariables = Exact<{
  versionId: string | number;
  comment: string;
  childServices: boolean;
  adultServices: boolean;
  disability: boolean;
  incomeSupport: boolean;
}>;


export type ReturnToDraftMutation = { childServices?: { returnToDraft: { id: string, status: VersionStatus } }, adultServices?: { returnToDraft: { id: string, status: VersionStatus } }, disability?: { returnToDraft: { id: string, status: VersionStatus } }, incomeSupport?: { returnToDraft: { id: string, status: VersionStatus } } };

export type PublishMutationVariables = Exact<{
  versionId: string | number;
  expectedRevision: number;
  changeKind: ChangeKind;
  validFrom: string;
  childServices: boolean;
  adultServices: boolean;
  disability: boolean;
  incomeSupport: boolean;
}>;


export type PublishMutation = { childServices?: { publish: { id: string, status: VersionStatus, validFrom: string | null } }, adultServices?: { publish: { id: string, status: VersionStatus, validFrom: string | null } }, disability?: { publish: { id: string, status: VersionStatus, validFrom: string | null } }, incomeSupport?: { publish: { id: string, status: VersionStatus, validFrom: string | null } } };

export type WorkspaceFeedbackFragment = { id: string, documentId: string, versionId: string, section: string | null, text: string, author: string, createdAt: string, status: FeedbackStatus, answer: string | null, answeredAt: string | null, answeredBy: string | null, addressed: boolean, district: { code: string, name: string } | null, version: { id: string, number: number }, addressedBy: { id: string, number: number, status: VersionStatus } | null };

export type TaskVersionFragment = { id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } };

export type WorkspaceTasksFragment = { drafts: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, returned: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, toReview: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, reviewDue: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, unansweredFeedback: Array<{ id: string, documentId: string, versionId: string, section: string | null, text: string, author: string, createdAt: string, status: FeedbackStatus, answer: string | null, answeredAt: string | null, answeredBy: string | null, addressed: boolean, document: { id: string, area: Area, title: string }, district: { code: string, name: string } | null, version: { id: string, number: number }, addressedBy: { id: string, number: number, status: VersionStatus } | null }> };

export type MyTasksQueryVariables = Exact<{
  childServices: boolean;
  adultServices: boolean;
  disability: boolean;
  incomeSupport: boolean;
}>;


export type MyTasksQuery = { childServices?: { area: Area, myTasks: { drafts: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, returned: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, toReview: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, reviewDue: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, unansweredFeedback: Array<{ id: string, documentId: string, versionId: string, section: string | null, text: string, author: string, createdAt: string, status: FeedbackStatus, answer: string | null, answeredAt: string | null, answeredBy: string | null, addressed: boolean, document: { id: string, area: Area, title: string }, district: { code: string, name: string } | null, version: { id: string, number: number }, addressedBy: { id: string, number: number, status: VersionStatus } | null }> } | null } | null, adultServices?: { area: Area, myTasks: { drafts: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, returned: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, toReview: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, reviewDue: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, unansweredFeedback: Array<{ id: string, documentId: string, versionId: string, section: string | null, text: string, author: string, createdAt: string, status: FeedbackStatus, answer: string | null, answeredAt: string | null, answeredBy: string | null, addressed: boolean, document: { id: string, area: Area, title: string }, district: { code: string, name: string } | null, version: { id: string, number: number }, addressedBy: { id: string, number: number, status: VersionStatus } | null }> } | null } | null, disability?: { area: Area, myTasks: { drafts: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, returned: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, toReview: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, reviewDue: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, unansweredFeedback: Array<{ id: string, documentId: string, versionId: string, section: string | null, text: string, author: string, createdAt: string, status: FeedbackStatus, answer: string | null, answeredAt: string | null, answeredBy: string | null, addressed: boolean, document: { id: string, area: Area, title: string }, district: { code: string, name: string } | null, version: { id: string, number: number }, addressedBy: { id: string, number: number, status: VersionStatus } | null }> } | null } | null, incomeSupport?: { area: Area, myTasks: { drafts: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, returned: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, toReview: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, reviewDue: Array<{ id: string, documentId: string, number: number, status: VersionStatus, title: string, reviewBy: string | null, validFrom: string | null, submittedBy: string | null, returnComment: string | null, returnedBy: string | null, document: { id: string, area: Area, kind: DocumentKind, title: string } }>, unansweredFeedback: Array<{ id: string, documentId: string, versionId: string, section: string | null, text: string, author: string, createdAt: string, status: FeedbackStatus, answer: string | null, answeredAt: string | null, answeredBy: string | null, addressed: boolean, document: { id: string, area: Area, title: string }, district: { code: string, name: string } | null, version: { id: string, number: number }, addressedBy: { id: string, number: number, status: VersionStatus } | null }> } | null } | null };

export type LeaveFeedbackMutationVariables = Exact<{
  input: FeedbackInput;
  childServices: boolean;
  adultServices: boolean;
  disability: boolean;
  incomeSupport: boolean;
}>;


export type LeaveFeedbackMutation = { childServices?: { leaveFeedback: { id: string } }, adultServices?: { leaveFeedback: { id: string } }, disability?: { leaveFeedback: { id: string } }, incomeSupport?: { leaveFeedback: { id: string } } };

export type AnswerFeedbackMutationVariables = Exact<{
  feedbackId: string | number;
  answer: string;
  childServices: boolean;
  adultServices: boolean;
  disability: boolean;
  incomeSupport: boolean;
}>;


export type AnswerFeedbackMutation = { childServices?: { answerFeedback: { id: string } }, adultServices?: { answerFeedback: { id: string } }, disability?: { answerFeedback: { id: string } }, incomeSupport?: { answerFeedback: { id: string } } };

export type LinkFeedbackToDraftMutationVariables = Exact<{
  feedbackId: string | number;
  versionId?: string | number | null | undefined;
  childServices: boolean;
  adultServices: boolean;
  disability: boolean;
  incomeSupport: boolean;
}>;


export type LinkFeedbackToDraftMutation = { childServices?: { linkFeedbackToDraft: { id: string } }, adultServices?: { linkFeedbackToDraft: { id: string } }, disability?: { linkFeedbackToDraft: { id: string } }, incomeSupport?: { linkFeedbackToDraft: { id: string } } };

export type TransferOwnershipMutationVariables = Exact<{
  documentId: string | number;
  to: OwnerInput;
  childServices: boolean;
  adultServices: boolean;
  disability: boolean;
  incomeSupport: boolean;
}>;


export type TransferOwnershipMutation = { childServices?: { transferOwnership: { id: string } }, adultServices?: { transferOwnership: { id: string } }, disability?: { transferOwnership: { id: string } }, incomeSupport?: { transferOwnership: { id: string } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ListedDocumentFieldsFragmentDoc = new TypedDocumentString(`
    fragment ListedDocumentFields on KnowledgeDocument {
  id
  area
  slug
  title
  kind
  current {
    number
    summary
    validFrom
    reviewBy
  }
}
    `, {"fragmentName":"ListedDocumentFields"}) as unknown as TypedDocumentString<ListedDocumentFieldsFragment, unknown>;
export const ReadVersionFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReadVersionFields on DocumentVersion {
  id
  number
  status
  title
  summary
  body
  legalBasis
  targetGroup
  validFrom
  reviewBy
  decidedBy
  publishedAt
  changeSummary
}
    `, {"fragmentName":"ReadVersionFields"}) as unknown as TypedDocumentString<ReadVersionFieldsFragment, unknown>;
export const ReadDocumentFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReadDocumentFields on KnowledgeDocument {
  id
  area
  slug
  kind
  title
  registryNumber
  retiredAt
  retiredReason
  overdueForReview
  owner {
    name
    title
    email
  }
  current {
    ...ReadVersionFields
  }
  versions {
    number
    status
    title
    validFrom
    reviewBy
    publishedAt
    changeSummary
  }
}
    fragment ReadVersionFields on DocumentVersion {
  id
  number
  status
  title
  summary
  body
  legalBasis
  targetGroup
  validFrom
  reviewBy
  decidedBy
  publishedAt
  changeSummary
}`, {"fragmentName":"ReadDocumentFields"}) as unknown as TypedDocumentString<ReadDocumentFieldsFragment, unknown>;
export const SeriesFieldsFragmentDoc = new TypedDocumentString(`
    fragment SeriesFields on SeriesPoint {
  period
  value
  suppressed
  reported
}
    `, {"fragmentName":"SeriesFields"}) as unknown as TypedDocumentString<SeriesFieldsFragment, unknown>;
export const IndicatorFieldsFragmentDoc = new TypedDocumentString(`
    fragment IndicatorFields on Indicator {
  code
  area
  name
  description
  kind
  unit
  direction
  periodicity
  ratePer
}
    `, {"fragmentName":"IndicatorFields"}) as unknown as TypedDocumentString<IndicatorFieldsFragment, unknown>;
export const ComparisonFieldsFragmentDoc = new TypedDocumentString(`
    fragment ComparisonFields on Comparison {
  period
  cityValue
  cityNumerator
  cityDenominator
  limitBasis
  overdispersion
  dispersionFactor
  overdispersionPValue
  betweenDistrictVariance
  limitsWidened
  multiplicity
  limitCurve {
    cases
    lower95
    upper95
    lower998
    upper998
  }
  indicator {
    ...IndicatorFields
  }
  entries {
    district {
      code
      name
    }
    value
    numerator
    denominator
    suppressed
    suppressionReason
    position
    pValue
    adjustedPosition
    qValue
    rank
    rankLower
    rankUpper
    lower95
    upper95
    lower998
    upper998
  }
}
    fragment IndicatorFields on Indicator {
  code
  area
  name
  description
  kind
  unit
  direction
  periodicity
  ratePer
}`, {"fragmentName":"ComparisonFields"}) as unknown as TypedDocumentString<ComparisonFieldsFragment, unknown>;
export const ProfileSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProfileSummaryFields on AreaProfile {
  adoption {
    documentsInForce
    lagging {
      document {
        slug
        title
      }
      daysLagging
    }
  }
}
    `, {"fragmentName":"ProfileSummaryFields"}) as unknown as TypedDocumentString<ProfileSummaryFieldsFragment, unknown>;
export const PositionFieldsFragmentDoc = new TypedDocumentString(`
    fragment PositionFields on Comparison {
  period
  cityValue
  limitBasis
  overdispersion
  dispersionFactor
  overdispersionPValue
  limitsWidened
  multiplicity
  indicator {
    code
  }
  entries {
    district {
      code
      name
    }
    value
    suppressed
    position
    adjustedPosition
    trend
    improving
  }
}
    `, {"fragmentName":"PositionFields"}) as unknown as TypedDocumentString<PositionFieldsFragment, unknown>;
export const DistrictAreaFieldsFragmentDoc = new TypedDocumentString(`
    fragment DistrictAreaFields on AreaProfile {
  area
  name
  adoption {
    documentsInForce
    acknowledged
    implemented
    lagging {
      document {
        slug
        title
        kind
      }
      status
      daysLagging
      version {
        number
      }
      currentVersion {
        number
        validFrom
      }
    }
  }
  indicators(period: $period) {
    indicator {
      ...IndicatorFields
    }
    value
    numerator
    denominator
    suppressed
    position
    cityValue
    trend
  }
}
    fragment IndicatorFields on Indicator {
  code
  area
  name
  description
  kind
  unit
  direction
  periodicity
  ratePer
}`, {"fragmentName":"DistrictAreaFields"}) as unknown as TypedDocumentString<DistrictAreaFieldsFragment, unknown>;
export const PublishedDocumentFieldsFragmentDoc = new TypedDocumentString(`
    fragment PublishedDocumentFields on KnowledgeDocument {
  id
  slug
  title
  kind
  current {
    number
    validFrom
  }
}
    `, {"fragmentName":"PublishedDocumentFields"}) as unknown as TypedDocumentString<PublishedDocumentFieldsFragment, unknown>;
export const WorkspaceListedDocumentFragmentDoc = new TypedDocumentString(`
    fragment WorkspaceListedDocument on KnowledgeDocument {
  id
  area
  kind
  slug
  title
  current {
    id
    number
    validFrom
    reviewBy
  }
  versions {
    id
    number
    status
    title
    submittedBy
    returnComment
    validFrom
  }
}
    `, {"fragmentName":"WorkspaceListedDocument"}) as unknown as TypedDocumentString<WorkspaceListedDocumentFragment, unknown>;
export const WorkspaceAreaListsFragmentDoc = new TypedDocumentString(`
    fragment WorkspaceAreaLists on AreaNamespace {
  area
  name
  drafts: documents(status: DRAFT) {
    totalCount
    edges {
      node {
        ...WorkspaceListedDocument
      }
    }
  }
  reviews: documents(status: IN_REVIEW) {
    totalCount
    edges {
      node {
        ...WorkspaceListedDocument
      }
    }
  }
  inForce: documents {
    totalCount
    edges {
      node {
        id
        area
        kind
        slug
        title
        current {
          id
          number
          validFrom
          reviewBy
        }
      }
    }
  }
}
    fragment WorkspaceListedDocument on KnowledgeDocument {
  id
  area
  kind
  slug
  title
  current {
    id
    number
    validFrom
    reviewBy
  }
  versions {
    id
    number
    status
    title
    submittedBy
    returnComment
    validFrom
  }
}`, {"fragmentName":"WorkspaceAreaLists"}) as unknown as TypedDocumentString<WorkspaceAreaListsFragment, unknown>;
export const WorkspaceVersionFragmentDoc = new TypedDocumentString(`
    fragment WorkspaceVersion on DocumentVersion {
  id
  documentId
  number
  status
  title
  summary
  body
  legalBasis
  targetGroup
  validFrom
  reviewBy
  decidedBy
  publishedAt
  publishedBy
  changeSummary
  revision
  details
  submittedBy
  returnComment
  publishRefusal
  changeKind
  requirementsSince
}
    `, {"fragmentName":"WorkspaceVersion"}) as unknown as TypedDocumentString<WorkspaceVersionFragment, unknown>;
export const WorkspaceFeedbackFragmentDoc = new TypedDocumentString(`
    fragment WorkspaceFeedback on Feedback {
  id
  documentId
  versionId
  section
  text
  district {
    code
    name
  }
  author
  createdAt
  status
  answer
  answeredAt
  answeredBy
  addressed
  version {
    id
    number
  }
  addressedBy {
    id
    number
    status
  }
}
    `, {"fragmentName":"WorkspaceFeedback"}) as unknown as TypedDocumentString<WorkspaceFeedbackFragment, unknown>;
export const WorkspaceDocumentFieldsFragmentDoc = new TypedDocumentString(`
    fragment WorkspaceDocumentFields on KnowledgeDocument {
  id
  area
  kind
  slug
  title
  registryNumber
  retiredAt
  ownerName
  owner {
    id
    name
  }
  current {
    ...WorkspaceVersion
  }
  versions {
    ...WorkspaceVersion
  }
  history {
    id
    at
    actor
    action
    entity
    entityId
    before
    after
  }
  feedback {
    ...WorkspaceFeedback
  }
  upcoming {
    id
    number
    validFrom
  }
  adoption {
    district {
      code
      name
    }
    status
    currentStatus
    upcomingStatus
    upcomingVersion {
      id
      number
    }
    acknowledgedAt
    implementedAt
    lagging
    daysLagging
    version {
      id
      number
    }
    currentVersion {
      id
      number
    }
  }
}
    fragment WorkspaceVersion on DocumentVersion {
  id
  documentId
  number
  status
  title
  summary
  body
  legalBasis
  targetGroup
  validFrom
  reviewBy
  decidedBy
  publishedAt
  publishedBy
  changeSummary
  revision
  details
  submittedBy
  returnComment
  publishRefusal
  changeKind
  requirementsSince
}
fragment WorkspaceFeedback on Feedback {
  id
  documentId
  versionId
  section
  text
  district {
    code
    name
  }
  author
  createdAt
  status
  answer
  answeredAt
  answeredBy
  addressed
  version {
    id
    number
  }
  addressedBy {
    id
    number
    status
  }
}`, {"fragmentName":"WorkspaceDocumentFields"}) as unknown as TypedDocumentString<WorkspaceDocumentFieldsFragment, unknown>;
export const TaskVersionFragmentDoc = new TypedDocumentString(`
    fragment TaskVersion on DocumentVersion {
  id
  documentId
  number
  status
  title
  reviewBy
  validFrom
  submittedBy
  returnComment
  returnedBy
  document {
    id
    area
    kind
    title
  }
}
    `, {"fragmentName":"TaskVersion"}) as unknown as TypedDocumentString<TaskVersionFragment, unknown>;
export const WorkspaceTasksFragmentDoc = new TypedDocumentString(`
    fragment WorkspaceTasks on LeaderTasks {
  drafts {
    ...TaskVersion
  }
  returned {
    ...TaskVersion
  }
  toReview {
    ...TaskVersion
  }
  reviewDue {
    ...TaskVersion
  }
  unansweredFeedback {
    ...WorkspaceFeedback
    document {
      id
      area
      title
    }
  }
}
    fragment WorkspaceFeedback on Feedback {
  id
  documentId
  versionId
  section
  text
  district {
    code
    name
  }
  author
  createdAt
  status
  answer
  answeredAt
  answeredBy
  addressed
  version {
    id
    number
  }
  addressedBy {
    id
    number
    status
  }
}
fragment TaskVersion on DocumentVersion {
  id
  documentId
  number
  status
  title
  reviewBy
  validFrom
  submittedBy
  returnComment
  returnedBy
  document {
    id
    area
    kind
    title
  }
}`, {"fragmentName":"WorkspaceTasks"}) as unknown as TypedDocumentString<WorkspaceTasksFragment, unknown>;
export const SearchDocumentsChildServicesDocument = new TypedDocumentString(`
    query SearchDocumentsChildServices($search: String, $kind: DocumentKind) {
  childServices {
    documents(search: $search, kind: $kind, first: 100) {
      totalCount
      edges {
        node {
          ...ListedDocumentFields
        }
      }
    }
  }
}
    fragment ListedDocumentFields on KnowledgeDocument {
  id
  area
  slug
  title
  kind
  current {
    number
    summary
    validFrom
    reviewBy
  }
}`) as unknown as TypedDocumentString<SearchDocumentsChildServicesQuery, SearchDocumentsChildServicesQueryVariables>;
export const ReadDocumentChildServicesDocument = new TypedDocumentString(`
    query ReadDocumentChildServices($slug: String!, $withVersion: Boolean!) {
  childServices {
    document(slug: $slug) {
      ...ReadDocumentFields
      version: versions @include(if: $withVersion) {
        ...ReadVersionFields
      }
    }
  }
}
    fragment ReadDocumentFields on KnowledgeDocument {
  id
  area
  slug
  kind
  title
  registryNumber
  retiredAt
  retiredReason
  overdueForReview
  owner {
    name
    title
    email
  }
  current {
    ...ReadVersionFields
  }
  versions {
    number
    status
    title
    validFrom
    reviewBy
    publishedAt
    changeSummary
  }
}
fragment ReadVersionFields on DocumentVersion {
  id
  number
  status
  title
  summary
  body
  legalBasis
  targetGroup
  validFrom
  reviewBy
  decidedBy
  publishedAt
  changeSummary
}`) as unknown as TypedDocumentString<ReadDocumentChildServicesQuery, ReadDocumentChildServicesQueryVariables>;
export const SearchDocumentsAdultServicesDocument = new TypedDocumentString(`
    query SearchDocumentsAdultServices($search: String, $kind: DocumentKind) {
  adultServices {
    documents(search: $search, kind: $kind, first: 100) {
      totalCount
      edges {
        node {
          ...ListedDocumentFields
        }
      }
    }
  }
}
    fragment ListedDocumentFields on KnowledgeDocument {
  id
  area
  slug
  title
  kind
  current {
    number
    summary
    validFrom
    reviewBy
  }
}`) as unknown as TypedDocumentString<SearchDocumentsAdultServicesQuery, SearchDocumentsAdultServicesQueryVariables>;
export const ReadDocumentAdultServicesDocument = new TypedDocumentString(`
    query ReadDocumentAdultServices($slug: String!, $withVersion: Boolean!) {
  adultServices {
    document(slug: $slug) {
      ...ReadDocumentFields
      version: versions @include(if: $withVersion) {
        ...ReadVersionFields
      }
    }
  }
}
    fragment ReadDocumentFields on KnowledgeDocument {
  id
  area
  slug
  kind
  title
  registryNumber
  retiredAt
  retiredReason
  overdueForReview
  owner {
    name
    title
    email
  }
  current {
    ...ReadVersionFields
  }
  versions {
    number
    status
    title
    validFrom
    reviewBy
    publishedAt
    changeSummary
  }
}
fragment ReadVersionFields on DocumentVersion {
  id
  number
  status
  title
  summary
  body
  legalBasis
  targetGroup
  validFrom
  reviewBy
  decidedBy
  publishedAt
  changeSummary
}`) as unknown as TypedDocumentString<ReadDocumentAdultServicesQuery, ReadDocumentAdultServicesQueryVariables>;
export const SearchDocumentsDisabilityDocument = new TypedDocumentString(`
    query SearchDocumentsDisability($search: String, $kind: DocumentKind) {
  disability {
    documents(search: $search, kind: $kind, first: 100) {
      totalCount
      edges {
        node {
          ...ListedDocumentFields
        }
      }
    }
  }
}
    fragment ListedDocumentFields on KnowledgeDocument {
  id
  area
  slug
  title
  kind
  current {
    number
    summary
    validFrom
    reviewBy
  }
}`) as unknown as TypedDocumentString<SearchDocumentsDisabilityQuery, SearchDocumentsDisabilityQueryVariables>;
export const ReadDocumentDisabilityDocument = new TypedDocumentString(`
    query ReadDocumentDisability($slug: String!, $withVersion: Boolean!) {
  disability {
    document(slug: $slug) {
      ...ReadDocumentFields
      version: versions @include(if: $withVersion) {
        ...ReadVersionFields
      }
    }
  }
}
    fragment ReadDocumentFields on KnowledgeDocument {
  id
  area
  slug
  kind
  title
  registryNumber
  retiredAt
  retiredReason
  overdueForReview
  owner {
    name
    title
    email
  }
  current {
    ...ReadVersionFields
  }
  versions {
    number
    status
    title
    validFrom
    reviewBy
    publishedAt
    changeSummary
  }
}
fragment ReadVersionFields on DocumentVersion {
  id
  number
  status
  title
  summary
  body
  legalBasis
  targetGroup
  validFrom
  reviewBy
  decidedBy
  publishedAt
  changeSummary
}`) as unknown as TypedDocumentString<ReadDocumentDisabilityQuery, ReadDocumentDisabilityQueryVariables>;
export const SearchDocumentsIncomeSupportDocument = new TypedDocumentString(`
    query SearchDocumentsIncomeSupport($search: String, $kind: DocumentKind) {
  incomeSupport {
    documents(search: $search, kind: $kind, first: 100) {
      totalCount
      edges {
        node {
          ...ListedDocumentFields
        }
      }
    }
  }
}
    fragment ListedDocumentFields on KnowledgeDocument {
  id
  area
  slug
  title
  kind
  current {
    number
    summary
    validFrom
    reviewBy
  }
}`) as unknown as TypedDocumentString<SearchDocumentsIncomeSupportQuery, SearchDocumentsIncomeSupportQueryVariables>;
export const ReadDocumentIncomeSupportDocument = new TypedDocumentString(`
    query ReadDocumentIncomeSupport($slug: String!, $withVersion: Boolean!) {
  incomeSupport {
    document(slug: $slug) {
      ...ReadDocumentFields
      version: versions @include(if: $withVersion) {
        ...ReadVersionFields
      }
    }
  }
}
    fragment ReadDocumentFields on KnowledgeDocument {
  id
  area
  slug
  kind
  title
  registryNumber
  retiredAt
  retiredReason
  overdueForReview
  owner {
    name
    title
    email
  }
  current {
    ...ReadVersionFields
  }
  versions {
    number
    status
    title
    validFrom
    reviewBy
    publishedAt
    changeSummary
  }
}
fragment ReadVersionFields on DocumentVersion {
  id
  number
  status
  title
  summary
  body
  legalBasis
  targetGroup
  validFrom
  reviewBy
  decidedBy
  publishedAt
  changeSummary
}`) as unknown as TypedDocumentString<ReadDocumentIncomeSupportQuery, ReadDocumentIncomeSupportQueryVariables>;
export const AreaNamesDocument = new TypedDocumentString(`
    query AreaNames {
  areas {
    area
    name
  }
}
    `) as unknown as TypedDocumentString<AreaNamesQuery, AreaNamesQueryVariables>;
export const CatalogueDocument = new TypedDocumentString(`
    query Catalogue {
  areas {
    area
    name
  }
  districts {
    code
    name
  }
  childServices {
    indicators {
      ...IndicatorFields
    }
  }
  adultServices {
    indicators {
      ...IndicatorFields
    }
  }
  disability {
    indicators {
      ...IndicatorFields
    }
  }
  incomeSupport {
    indicators {
      ...IndicatorFields
    }
  }
}
    fragment IndicatorFields on Indicator {
  code
  area
  name
  description
  kind
  unit
  direction
  periodicity
  ratePer
}`) as unknown as TypedDocumentString<CatalogueQuery, CatalogueQueryVariables>;
export const SeriesDocument = new TypedDocumentString(`
    query Series($indicator: String!, $district: String!, $from: Period!, $to: Period!, $childServices: Boolean!, $adultServices: Boolean!, $disability: Boolean!, $incomeSupport: Boolean!) {
  childServices @include(if: $childServices) {
    series(indicator: $indicator, district: $district, from: $from, to: $to) {
      ...SeriesFields
    }
  }
  adultServices @include(if: $adultServices) {
    series(indicator: $indicator, district: $district, from: $from, to: $to) {
      ...SeriesFields
    }
  }
  disability @include(if: $disability) {
    series(indicator: $indicator, district: $district, from: $from, to: $to) {
      ...SeriesFields
    }
  }
  incomeSupport @include(if: $incomeSupport) {
    series(indicator: $indicator, district: $district, from: $from, to: $to) {
      ...SeriesFields
    }
  }
}
    fragment SeriesFields on SeriesPoint {
  period
  value
  suppressed
  reported
}`) as unknown as TypedDocumentString<SeriesQuery, SeriesQueryVariables>;
export const ComparisonDocument = new TypedDocumentString(`
    query Comparison($indicator: String!, $period: Period!, $overdispersion: Overdispersion! = NONE, $multiplicity: Multiplicity! = NONE, $childServices: Boolean!, $adultServices: Boolean!, $disability: Boolean!, $incomeSupport: Boolean!) {
  childServices @include(if: $childServices) {
    comparison(
      indicator: $indicator
      period: $period
      overdispersion: $overdispersion
      multiplicity: $multiplicity
    ) {
      ...ComparisonFields
    }
  }
  adultServices @include(if: $adultServices) {
    comparison(
      indicator: $indicator
      period: $period
      overdispersion: $overdispersion
      multiplicity: $multiplicity
    ) {
      ...ComparisonFields
    }
  }
  disability @include(if: $disability) {
    comparison(
      indicator: $indicator
      period: $period
      overdispersion: $overdispersion
      multiplicity: $multiplicity
    ) {
      ...ComparisonFields
    }
  }
  incomeSupport @include(if: $incomeSupport) {
    comparison(
      indicator: $indicator
      period: $period
      overdispersion: $overdispersion
      multiplicity: $multiplicity
    ) {
      ...ComparisonFields
    }
  }
}
    fragment IndicatorFields on Indicator {
  code
  area
  name
  description
  kind
  unit
  direction
  periodicity
  ratePer
}
fragment ComparisonFields on Comparison {
  period
  cityValue
  cityNumerator
  cityDenominator
  limitBasis
  overdispersion
  dispersionFactor
  overdispersionPValue
  betweenDistrictVariance
  limitsWidened
  multiplicity
  limitCurve {
    cases
    lower95
    upper95
    lower998
    upper998
  }
  indicator {
    ...IndicatorFields
  }
  entries {
    district {
      code
      name
    }
    value
    numerator
    denominator
    suppressed
    suppressionReason
    position
    pValue
    adjustedPosition
    qValue
    rank
    rankLower
    rankUpper
    lower95
    upper95
    lower998
    upper998
  }
}`) as unknown as TypedDocumentString<ComparisonQuery, ComparisonQueryVariables>;
export const OverviewDocument = new TypedDocumentString(`
    query Overview {
  districts {
    code
    name
    childServices {
      ...ProfileSummaryFields
    }
    adultServices {
      ...ProfileSummaryFields
    }
    disability {
      ...ProfileSummaryFields
    }
    incomeSupport {
      ...ProfileSummaryFields
    }
  }
}
    fragment ProfileSummaryFields on AreaProfile {
  adoption {
    documentsInForce
    lagging {
      document {
        slug
        title
      }
      daysLagging
    }
  }
}`) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;
export const PositionsDocument = new TypedDocumentString(`
    query Positions($indicator: String!, $period: Period!, $overdispersion: Overdispersion!, $childServices: Boolean!, $adultServices: Boolean!, $disability: Boolean!, $incomeSupport: Boolean!) {
  childServices @include(if: $childServices) {
    comparison(
      indicator: $indicator
      period: $period
      overdispersion: $overdispersion
      multiplicity: BENJAMINI_HOCHBERG
    ) {
      ...PositionFields
    }
  }
  adultServices @include(if: $adultServices) {
    comparison(
      indicator: $indicator
      period: $period
      overdispersion: $overdispersion
      multiplicity: BENJAMINI_HOCHBERG
    ) {
      ...PositionFields
    }
  }
  disability @include(if: $disability) {
    comparison(
      indicator: $indicator
      period: $period
      overdispersion: $overdispersion
      multiplicity: BENJAMINI_HOCHBERG
    ) {
      ...PositionFields
    }
  }
  incomeSupport @include(if: $incomeSupport) {
    comparison(
      indicator: $indicator
      period: $period
      overdispersion: $overdispersion
      multiplicity: BENJAMINI_HOCHBERG
    ) {
      ...PositionFields
    }
  }
}
    fragment PositionFields on Comparison {
  period
  cityValue
  limitBasis
  overdispersion
  dispersionFactor
  overdispersionPValue
  limitsWidened
  multiplicity
  indicator {
    code
  }
  entries {
    district {
      code
      name
    }
    value
    suppressed
    position
    adjustedPosition
    trend
    improving
  }
}`) as unknown as TypedDocumentString<PositionsQuery, PositionsQueryVariables>;
export const DistrictDocument = new TypedDocumentString(`
    query District($code: String!, $period: Period!) {
  district(code: $code) {
    code
    name
    population
    active
    childServices {
      ...DistrictAreaFields
    }
    adultServices {
      ...DistrictAreaFields
    }
    disability {
      ...DistrictAreaFields
    }
    incomeSupport {
      ...DistrictAreaFields
    }
  }
}
    fragment IndicatorFields on Indicator {
  code
  area
  name
  description
  kind
  unit
  direction
  periodicity
  ratePer
}
fragment DistrictAreaFields on AreaProfile {
  area
  name
  adoption {
    documentsInForce
    acknowledged
    implemented
    lagging {
      document {
        slug
        title
        kind
      }
      status
      daysLagging
      version {
        number
      }
      currentVersion {
        number
        validFrom
      }
    }
  }
  indicators(period: $period) {
    indicator {
      ...IndicatorFields
    }
    value
    numerator
    denominator
    suppressed
    position
    cityValue
    trend
  }
}`) as unknown as TypedDocumentString<DistrictQuery, DistrictQueryVariables>;
export const AdoptionMatrixChildServicesDocument = new TypedDocumentString(`
    query AdoptionMatrixChildServices {
  districts {
    code
    name
  }
  childServices {
    documents(first: 100) {
      totalCount
      edges {
        node {
          id
          slug
          title
          kind
          current {
            number
            validFrom
          }
          upcoming {
            number
            validFrom
          }
          adoption {
            district {
              code
            }
            status
            lagging
            daysLagging
            upcomingStatus
            version {
              number
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdoptionMatrixChildServicesQuery, AdoptionMatrixChildServicesQueryVariables>;
export const AdoptionMatrixAdultServicesDocument = new TypedDocumentString(`
    query AdoptionMatrixAdultServices {
  districts {
    code
    name
  }
  adultServices {
    documents(first: 100) {
      totalCount
      edges {
        node {
          id
          slug
          title
          kind
          current {
            number
            validFrom
          }
          upcoming {
            number
            validFrom
          }
          adoption {
            district {
              code
            }
            status
            lagging
            daysLagging
            upcomingStatus
            version {
              number
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdoptionMatrixAdultServicesQuery, AdoptionMatrixAdultServicesQueryVariables>;
export const AdoptionMatrixDisabilityDocument = new TypedDocumentString(`
    query AdoptionMatrixDisability {
  districts {
    code
    name
  }
  disability {
    documents(first: 100) {
      totalCount
      edges {
        node {
          id
          slug
          title
          kind
          current {
            number
            validFrom
          }
          upcoming {
            number
            validFrom
          }
          adoption {
            district {
              code
            }
            status
            lagging
            daysLagging
            upcomingStatus
            version {
              number
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdoptionMatrixDisabilityQuery, AdoptionMatrixDisabilityQueryVariables>;
export const AdoptionMatrixIncomeSupportDocument = new TypedDocumentString(`
    query AdoptionMatrixIncomeSupport {
  districts {
    code
    name
  }
  incomeSupport {
    documents(first: 100) {
      totalCount
      edges {
        node {
          id
          slug
          title
          kind
          current {
            number
            validFrom
          }
          upcoming {
            number
            validFrom
          }
          adoption {
            district {
              code
            }
            status
            lagging
            daysLagging
            upcomingStatus
            version {
              number
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdoptionMatrixIncomeSupportQuery, AdoptionMatrixIncomeSupportQueryVariables>;
export const PublishedDocumentsChildServicesDocument = new TypedDocumentString(`
    query PublishedDocumentsChildServices {
  childServices {
    documents(first: 100) {
      totalCount
      edges {
        node {
          ...PublishedDocumentFields
        }
      }
    }
  }
}
    fragment PublishedDocumentFields on KnowledgeDocument {
  id
  slug
  title
  kind
  current {
    number
    validFrom
  }
}`) as unknown as TypedDocumentString<PublishedDocumentsChildServicesQuery, PublishedDocumentsChildServicesQueryVariables>;
export const PublishedDocumentsAdultServicesDocument = new TypedDocumentString(`
    query PublishedDocumentsAdultServices {
  adultServices {
    documents(first: 100) {
      totalCount
      edges {
        node {
          ...PublishedDocumentFields
        }
      }
    }
  }
}
    fragment PublishedDocumentFields on KnowledgeDocument {
  id
  slug
  title
  kind
  current {
    number
    validFrom
  }
}`) as unknown as TypedDocumentString<PublishedDocumentsAdultServicesQuery, PublishedDocumentsAdultServicesQueryVariables>;
export const PublishedDocumentsDisabilityDocument = new TypedDocumentString(`
    query PublishedDocumentsDisability {
  disability {
    documents(first: 100) {
      totalCount
      edges {
        node {
          ...PublishedDocumentFields
        }
      }
    }
  }
}
    fragment PublishedDocumentFields on KnowledgeDocument {
  id
  slug
  title
  kind
  current {
    number
    validFrom
  }
}`) as unknown as TypedDocumentString<PublishedDocumentsDisabilityQuery, PublishedDocumentsDisabilityQueryVariables>;
export const PublishedDocumentsIncomeSupportDocument = new TypedDocumentString(`
    query PublishedDocumentsIncomeSupport {
  incomeSupport {
    documents(first: 100) {
      totalCount
      edges {
        node {
          ...PublishedDocumentFields
        }
      }
    }
  }
}
    fragment PublishedDocumentFields on KnowledgeDocument {
  id
  slug
  title
  kind
  current {
    number
    validFrom
  }
}`) as unknown as TypedDocumentString<PublishedDocumentsIncomeSupportQuery, PublishedDocumentsIncomeSupportQueryVariables>;
export const WorkspaceListsDocument = new TypedDocumentString(`
    query WorkspaceLists($childServices: Boolean!, $adultServices: Boolean!, $disability: Boolean!, $incomeSupport: Boolean!) {
  childServices @include(if: $childServices) {
    ...WorkspaceAreaLists
  }
  adultServices @include(if: $adultServices) {
    ...WorkspaceAreaLists
  }
  disability @include(if: $disability) {
    ...WorkspaceAreaLists
  }
  incomeSupport @include(if: $incomeSupport) {
    ...WorkspaceAreaLists
  }
}
    fragment WorkspaceListedDocument on KnowledgeDocument {
  id
  area
  kind
  slug
  title
  current {
    id
    number
    validFrom
    reviewBy
  }
  versions {
    id
    number
    status
    title
    submittedBy
    returnComment
    validFrom
  }
}
fragment WorkspaceAreaLists on AreaNamespace {
  area
  name
  drafts: documents(status: DRAFT) {
    totalCount
    edges {
      node {
        ...WorkspaceListedDocument
      }
    }
  }
  reviews: documents(status: IN_REVIEW) {
    totalCount
    edges {
      node {
        ...WorkspaceListedDocument
      }
    }
  }
  inForce: documents {
    totalCount
    edges {
      node {
        id
        area
        kind
        slug
        title
        current {
          id
          number
          validFrom
          reviewBy
        }
      }
    }
  }
}`) as unknown as TypedDocumentString<WorkspaceListsQuery, WorkspaceListsQueryVariables>;
export const WorkspaceDocumentDocument = new TypedDocumentString(`
    query WorkspaceDocument($id: ID!, $area: Area!, $childServices: Boolean!, $adultServices: Boolean!, $disability: Boolean!, $incomeSupport: Boolean!) {
  districts {
    code
    name
  }
  processLeaders(area: $area) {
    id
    name
  }
  childServices @include(if: $childServices) {
    document(id: $id) {
      ...WorkspaceDocumentFields
    }
  }
  adultServices @include(if: $adultServices) {
    document(id: $id) {
      ...WorkspaceDocumentFields
    }
  }
  disability @include(if: $disability) {
    document(id: $id) {
      ...WorkspaceDocumentFields
    }
  }
  incomeSupport @include(if: $incomeSupport) {
    document(id: $id) {
      ...WorkspaceDocumentFields
    }
  }
}
    fragment WorkspaceVersion on DocumentVersion {
  id
  documentId
  number
  status
  title
  summary
  body
  legalBasis
  targetGroup
  validFrom
  reviewBy
  decidedBy
  publishedAt
  publishedBy
  changeSummary
  revision
  details
  submittedBy
  returnComment
  publishRefusal
  changeKind
  requirementsSince
}
fragment WorkspaceDocumentFields on KnowledgeDocument {
  id
  area
  kind
  slug
  title
  registryNumber
  retiredAt
  ownerName
  owner {
    id
    name
  }
  current {
    ...WorkspaceVersion
  }
  versions {
    ...WorkspaceVersion
  }
  history {
    id
    at
    actor
    action
    entity
    entityId
    before
    after
  }
  feedback {
    ...WorkspaceFeedback
  }
  upcoming {
    id
    number
    validFrom
  }
  adoption {
    district {
      code
      name
    }
    status
    currentStatus
    upcomingStatus
    upcomingVersion {
      id
      number
    }
    acknowledgedAt
    implementedAt
    lagging
    daysLagging
    version {
      id
      number
    }
    currentVersion {
      id
      number
    }
  }
}
fragment WorkspaceFeedback on Feedback {
  id
  documentId
  versionId
  section
  text
  district {
    code
    name
  }
  author
  createdAt
  status
  answer
  answeredAt
  answeredBy
  addressed
  version {
    id
    number
  }
  addressedBy {
    id
    number
    status
  }
}`) as unknown as TypedDocumentString<WorkspaceDocumentQuery, WorkspaceDocumentQueryVariables>;
export const CreateDraftDocument = new TypedDocumentString(`
    mutation CreateDraft($input: DraftInput!, $childServices: Boolean!, $adultServices: Boolean!, $disability: Boolean!, $incomeSupport: Boolean!) {
  childServices @include(if: $childServices) {
    createDraft(input: $input) {
      ...WorkspaceVersion
    }
  }
  adultServices @include(if: $adultServices) {
    createDraft(input: $input) {
      ...WorkspaceVersion
    }
  }
  disability @include(if: $disability) {
    createDraft(input: $input) {
      ...WorkspaceVersion
    }
  }
  incomeSupport @include(if: $incomeSupport) {
    createDraft(input: $input) {
      ...WorkspaceVersion
    }
  }
}
    fragment WorkspaceVersion on DocumentVersion {
  id
  documentId
  number
  status
  title
  summary
  body
  legalBasis
  targetGroup
  validFrom
  reviewBy
  decidedBy
  publishedAt
  publishedBy
  changeSummary
  revision
  details
  submittedBy
  returnComment
  publishRefusal
  changeKind
  requirementsSince
}`) as unknown as TypedDocumentString<CreateDraftMutation, CreateDraftMutationVariables>;
export const UpdateDraftDocument = new TypedDocumentString(`
    mutation UpdateDraft($versionId: ID!, $expectedRevision: Int!, $input: DraftInput!, $childServices: Boolean!, $adultServices: Boolean!, $disability: Boolean!, $incomeSupport: Boolean!) {
  childServices @include(if: $childServices) {
    updateDraft(
      versionId: $versionId
      expectedRevision: $expectedRevision
      input: $input
    ) {
      ...WorkspaceVersion
    }
  }
  adultServices @include(if: $adultServices) {
    updateDraft(
      versionId: $versionId
      expectedRevision: $expectedRevision
      input: $input
    ) {
      ...WorkspaceVersion
    }
  }
  disability @include(if: $disability) {
    updateDraft(
      versionId: $versionId
      expectedRevision: $expectedRevision
      input: $input
    ) {
      ...WorkspaceVersion
    }
  }
  incomeSupport @include(if: $incomeSupport) {
    updateDraft(
      versionId: $versionId
      expectedRevision: $expectedRevision
      input: $input
    ) {
      ...WorkspaceVersion
    }
  }
}
    fragment WorkspaceVersion on DocumentVersion {
  id
  documentId
  number
  status
  title
  summary
  body
  legalBasis
  targetGroup
  validFrom
  reviewBy
  decidedBy
  publishedAt
  publishedBy
  changeSummary
  revision
  details
  submittedBy
  returnComment
  publishRefusal
  changeKind
  requirementsSince
}`) as unknown as TypedDocumentString<UpdateDraftMutation, UpdateDraftMutationVariables>;
export const SubmitForReviewDocument = new TypedDocumentString(`
    mutation SubmitForReview($versionId: ID!, $expectedRevision: Int!, $childServices: Boolean!, $adultServices: Boolean!, $disability: Boolean!, $incomeSupport: Boolean!) {
  childServices @include(if: $childServices) {
    submitForReview(versionId: $versionId, expectedRevision: $expectedRevision) {
      id
      status
    }
  }
  adultServices @include(if: $adultServices) {
    submitForReview(versionId: $versionId, expectedRevision: $expectedRevision) {
      id
      status
    }
  }
  disability @include(if: $disability) {
    submitForReview(versionId: $versionId, expectedRevision: $expectedRevision) {
      id
      status
    }
  }
  incomeSupport @include(if: $incomeSupport) {
    submitForReview(versionId: $versionId, expectedRevision: $expectedRevision) {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<SubmitForReviewMutation, SubmitForReviewMutationVariables>;
export const ReturnToDraftDocument = new TypedDocumentString(`
    mutation ReturnToDraft($versionId: ID!, $comment: String!, $childServices: Boolean!, $adultServices: Boolean!, $disability: Boolean!, $incomeSupport: Boolean!) {
  childServices @include(if: $childServices) {
    returnToDraft(versionId: $versionId, comment: $comment) {
      id
      status
    }
  }
  adultServices @include(if: $adultServices) {
    returnToDraft(versionId: $versionId, comment: $comment) {
      id
      status
    }
  }
  disability @include(if: $disability) {
    returnToDraft(versionId: $versionId, comment: $comment) {
      id
      status
    }
  }
  incomeSupport @include(if: $incomeSupport) {
    returnToDraft(versionId: $versionId, comment: $comment) {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<ReturnToDraftMutation, ReturnToDraftMutationVariables>;
export const PublishDocument = new TypedDocumentString(`
    mutation Publish($versionId: ID!, $expectedRevision: Int!, $changeKind: ChangeKind!, $validFrom: Date!, $childServices: Boolean!, $adultServices: Boolean!, $disability: Boolean!, $incomeSupport: Boolean!) {
  childServices @include(if: $childServices) {
    publish(
      versionId: $versionId
      expectedRevision: $expectedRevision
      validFrom: $validFrom
      changeKind: $changeKind
    ) {
      id
      status
      validFrom
    }
  }
  adultServices @include(if: $adultServices) {
    publish(
      versionId: $versionId
      expectedRevision: $expectedRevision
      validFrom: $validFrom
      changeKind: $changeKind
    ) {
      id
      status
      validFrom
    }
  }
  disability @include(if: $disability) {
    publish(
      versionId: $versionId
      expectedRevision: $expectedRevision
      validFrom: $validFrom
      changeKind: $changeKind
    ) {
      id
      status
      validFrom
    }
  }
  incomeSupport @include(if: $incomeSupport) {
    publish(
      versionId: $versionId
      expectedRevision: $expectedRevision
      validFrom: $validFrom
      changeKind: $changeKind
    ) {
      id
      status
      validFrom
    }
  }
}
    `) as unknown as TypedDocumentString<PublishMutation, PublishMutationVariables>;
export const MyTasksDocument = new TypedDocumentString(`
    query MyTasks($childServices: Boolean!, $adultServices: Boolean!, $disability: Boolean!, $incomeSupport: Boolean!) {
  childServices @include(if: $childServices) {
    area
    myTasks {
      ...WorkspaceTasks
    }
  }
  adultServices @include(if: $adultServices) {
    area
    myTasks {
      ...WorkspaceTasks
    }
  }
  disability @include(if: $disability) {
    area
    myTasks {
      ...WorkspaceTasks
    }
  }
  incomeSupport @include(if: $incomeSupport) {
    area
    myTasks {
      ...WorkspaceTasks
    }
  }
}
    fragment WorkspaceFeedback on Feedback {
  id
  documentId
  versionId
  section
  text
  district {
    code
    name
  }
  author
  createdAt
  status
  answer
  answeredAt
  answeredBy
  addressed
  version {
    id
    number
  }
  addressedBy {
    id
    number
    status
  }
}
fragment TaskVersion on DocumentVersion {
  id
  documentId
  number
  status
  title
  reviewBy
  validFrom
  submittedBy
  returnComment
  returnedBy
  document {
    id
    area
    kind
    title
  }
}
fragment WorkspaceTasks on LeaderTasks {
  drafts {
    ...TaskVersion
  }
  returned {
    ...TaskVersion
  }
  toReview {
    ...TaskVersion
  }
  reviewDue {
    ...TaskVersion
  }
  unansweredFeedback {
    ...WorkspaceFeedback
    document {
      id
      area
      title
    }
  }
}`) as unknown as TypedDocumentString<MyTasksQuery, MyTasksQueryVariables>;
export const LeaveFeedbackDocument = new TypedDocumentString(`
    mutation LeaveFeedback($input: FeedbackInput!, $childServices: Boolean!, $adultServices: Boolean!, $disability: Boolean!, $incomeSupport: Boolean!) {
  childServices @include(if: $childServices) {
    leaveFeedback(input: $input) {
      id
    }
  }
  adultServices @include(if: $adultServices) {
    leaveFeedback(input: $input) {
      id
    }
  }
  disability @include(if: $disability) {
    leaveFeedback(input: $input) {
      id
    }
  }
  incomeSupport @include(if: $incomeSupport) {
    leaveFeedback(input: $input) {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<LeaveFeedbackMutation, LeaveFeedbackMutationVariables>;
export const AnswerFeedbackDocument = new TypedDocumentString(`
    mutation AnswerFeedback($feedbackId: ID!, $answer: String!, $childServices: Boolean!, $adultServices: Boolean!, $disability: Boolean!, $incomeSupport: Boolean!) {
  childServices @include(if: $childServices) {
    answerFeedback(feedbackId: $feedbackId, answer: $answer) {
      id
    }
  }
  adultServices @include(if: $adultServices) {
    answerFeedback(feedbackId: $feedbackId, answer: $answer) {
      id
    }
  }
  disability @include(if: $disability) {
    answerFeedback(feedbackId: $feedbackId, answer: $answer) {
      id
    }
  }
  incomeSupport @include(if: $incomeSupport) {
    answerFeedback(feedbackId: $feedbackId, answer: $answer) {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AnswerFeedbackMutation, AnswerFeedbackMutationVariables>;
export const LinkFeedbackToDraftDocument = new TypedDocumentString(`
    mutation LinkFeedbackToDraft($feedbackId: ID!, $versionId: ID, $childServices: Boolean!, $adultServices: Boolean!, $disability: Boolean!, $incomeSupport: Boolean!) {
  childServices @include(if: $childServices) {
    linkFeedbackToDraft(feedbackId: $feedbackId, versionId: $versionId) {
      id
    }
  }
  adultServices @include(if: $adultServices) {
    linkFeedbackToDraft(feedbackId: $feedbackId, versionId: $versionId) {
      id
    }
  }
  disability @include(if: $disability) {
    linkFeedbackToDraft(feedbackId: $feedbackId, versionId: $versionId) {
      id
    }
  }
  incomeSupport @include(if: $incomeSupport) {
    linkFeedbackToDraft(feedbackId: $feedbackId, versionId: $versionId) {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<LinkFeedbackToDraftMutation, LinkFeedbackToDraftMutationVariables>;
export const TransferOwnershipDocument = new TypedDocumentString(`
    mutation TransferOwnership($documentId: ID!, $to: OwnerInput!, $childServices: Boolean!, $adultServices: Boolean!, $disability: Boolean!, $incomeSupport: Boolean!) {
  childServices @include(if: $childServices) {
    transferOwnership(documentId: $documentId, to: $to) {
      id
    }
  }
  adultServices @include(if: $adultServices) {
    transferOwnership(documentId: $documentId, to: $to) {
      id
    }
  }
  disability @include(if: $disability) {
    transferOwnership(documentId: $documentId, to: $to) {
      id
    }
  }
  incomeSupport @include(if: $incomeSupport) {
    transferOwnership(documentId: $documentId, to: $to) {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<TransferOwnershipMutation, TransferOwnershipMutationVariables>;
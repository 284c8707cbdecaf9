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

export type ProfileSummaryFieldsFragment = { adoption: { documentsInForce: number, lagging: Array<{ daysLagging: number | null, document: { slug: string, title: string } }> } | null, indicators: Array<{ position: FunnelPosition | null, suppressed: boolean, indicator: { code: string } }> | null };

export type OverviewQueryVariables = Exact<{
  period: string;
}>;


export type OverviewQuery = { districts: Array<{ code: string, name: string, childServices: { adoption: { documentsInForce: number, lagging: Array<{ daysLagging: number | null, document: { slug: string, title: string } }> } | null, indicators: Array<{ position: FunnelPosition | null, suppressed: boolean, indicator: { code: string } }> | null } | null, adultServices: { adoption: { documentsInForce: number, lagging: Array<{ daysLagging: number | null, document: { slug: string, title: string } }> } | null, indicators: Array<{ position: FunnelPosition | null, suppressed: boolean, indicator: { code: string } }> | null } | null, disability: { adoption: { documentsInForce: number, lagging: Array<{ daysLagging: number | null, document: { slug: string, title: string } }> } | null, indicators: Array<{ position: FunnelPosition | null, suppressed: boolean, indicator: { code: string } }> | null } | null, incomeSupport: { adoption: { documentsInForce: number, lagging: Array<{ daysLagging: number | null, document: { slug: string, title: string } }> } | null, indicators: Array<{ position: FunnelPosition | null, suppressed: boolean, indicator: { code: string } }> | null } | null }> };

export type DistrictAreaFieldsFragment = { area: Area, name: string, adoption: { documentsInForce: number, acknowledged: number, implemented: number, lagging: Array<{ status: AdoptionStatus | null, daysLagging: number | null, document: { slug: string, title: string, kind: DocumentKind }, version: { number: number } | null, currentVersion: { number: number, validFrom: string | null } | null }> } | null, indicators: Array<{ value: number | null, numerator: number | null, denominator: number | null, suppressed: boolean, position: FunnelPosition | null, cityValue: number | null, trend: Trend, indicator: { code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null } }> | null };

export type DistrictQueryVariables = Exact<{
  code: string;
  period: string;
}>;


export type DistrictQuery = { district: { code: string, name: string, population: number | null, active: boolean, childServices: { area: Area, name: string, adoption: { documentsInForce: number, acknowledged: number, implemented: number, lagging: Array<{ status: AdoptionStatus | null, daysLagging: number | null, document: { slug: string, title: string, kind: DocumentKind }, version: { number: number } | null, currentVersion: { number: number, validFrom: string | null } | null }> } | null, indicators: Array<{ value: number | null, numerator: number | null, denominator: number | null, suppressed: boolean, position: FunnelPosition | null, cityValue: number | null, trend: Trend, indicator: { code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null } }> | null } | null, adultServices: { area: Area, name: string, adoption: { documentsInForce: number, acknowledged: number, implemented: number, lagging: Array<{ status: AdoptionStatus | null, daysLagging: number | null, document: { slug: string, title: string, kind: DocumentKind }, version: { number: number } | null, currentVersion: { number: number, validFrom: string | null } | null }> } | null, indicators: Array<{ value: number | null, numerator: number | null, denominator: number | null, suppressed: boolean, position: FunnelPosition | null, cityValue: number | null, trend: Trend, indicator: { code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null } }> | null } | null, disability: { area: Area, name: string, adoption: { documentsInForce: number, acknowledged: number, implemented: number, lagging: Array<{ status: AdoptionStatus | null, daysLagging: number | null, document: { slug: string, title: string, kind: DocumentKind }, version: { number: number } | null, currentVersion: { number: number, validFrom: string | null } | null }> } | null, indicators: Array<{ value: number | null, numerator: number | null, denominator: number | null, suppressed: boolean, position: FunnelPosition | null, cityValue: number | null, trend: Trend, indicator: { code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null } }> | null } | null, incomeSupport: { area: Area, name: string, adoption: { documentsInForce: number, acknowledged: number, implemented: number, lagging: Array<{ status: AdoptionStatus | null, daysLagging: number | null, document: { slug: string, title: string, kind: DocumentKind }, version: { number: number } | null, currentVersion: { number: number, validFrom: string | null } | null }> } | null, indicators: Array<{ value: number | null, numerator: number | null, denominator: number | null, suppressed: boolean, position: FunnelPosition | null, cityValue: number | null, trend: Trend, indicator: { code: string, area: Area, name: string, description: string, kind: IndicatorKind, unit: string, direction: Direction, periodicity: Periodicity, ratePer: number | null } }> | null } | null } | null };

export type PublishedDocumentFieldsFragment = { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null };

export type AdoptionMatrixChildServicesQueryVariables = Exact<{ [key: string]: never; }>;


export type AdoptionMatrixChildServicesQuery = { districts: Array<{ code: string, name: string }>, childServices: { documents: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null, adoption: Array<{ status: AdoptionStatus | null, lagging: boolean, daysLagging: number | null, district: { code: string }, version: { number: number } | null }> | null } }> } } | null };

export type AdoptionMatrixAdultServicesQueryVariables = Exact<{ [key: string]: never; }>;


export type AdoptionMatrixAdultServicesQuery = { districts: Array<{ code: string, name: string }>, adultServices: { documents: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null, adoption: Array<{ status: AdoptionStatus | null, lagging: boolean, daysLagging: number | null, district: { code: string }, version: { number: number } | null }> | null } }> } } | null };

export type AdoptionMatrixDisabilityQueryVariables = Exact<{ [key: string]: never; }>;


export type AdoptionMatrixDisabilityQuery = { districts: Array<{ code: string, name: string }>, disability: { documents: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null, adoption: Array<{ status: AdoptionStatus | null, lagging: boolean, daysLagging: number | null, district: { code: string }, version: { number: number } | null }> | null } }> } } | null };

export type AdoptionMatrixIncomeSupportQueryVariables = Exact<{ [key: string]: never; }>;


export type AdoptionMatrixIncomeSupportQuery = { districts: Array<{ code: string, name: string }>, incomeSupport: { documents: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null, adoption: Array<{ status: AdoptionStatus | null, lagging: boolean, daysLagging: number | null, district: { code: string }, version: { number: number } | null }> | null } }> } } | null };

export type PublishedDocumentsChildServicesQueryVariables = Exact<{ [key: string]: never; }>;


export type PublishedDocumentsChildServicesQuery = { childServices: { documents: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null } }> } } | null };

export type PublishedDocumentsAdultServicesQueryVariables = Exact<{ [key: string]: never; }>;


export type PublishedDocumentsAdultServicesQuery = { adultServices: { documents: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null } }> } } | null };

export type PublishedDocumentsDisabilityQueryVariables = Exact<{ [key: string]: never; }>;


export type PublishedDocumentsDisabilityQuery = { disability: { documents: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null } }> } } | null };

export type PublishedDocumentsIncomeSupportQueryVariables = Exact<{ [key: string]: never; }>;


export type PublishedDocumentsIncomeSupportQuery = { incomeSupport: { documents: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, kind: DocumentKind, current: { number: number, validFrom: string | null } | null } }> } } | null };

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
  indicators(period: $period) {
    indicator {
      code
    }
    position
    suppressed
  }
}
    `, {"fragmentName":"ProfileSummaryFields"}) as unknown as TypedDocumentString<ProfileSummaryFieldsFragment, unknown>;
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
    query Overview($period: Period!) {
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
  indicators(period: $period) {
    indicator {
      code
    }
    position
    suppressed
  }
}`) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;
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
          adoption {
            district {
              code
            }
            status
            lagging
            daysLagging
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
          adoption {
            district {
              code
            }
            status
            lagging
            daysLagging
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
          adoption {
            district {
              code
            }
            status
            lagging
            daysLagging
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
          adoption {
            district {
              code
            }
            status
            lagging
            daysLagging
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
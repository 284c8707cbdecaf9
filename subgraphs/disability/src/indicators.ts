import { Direction, IndicatorKind, Periodicity, type CatalogueIndicator } from '@samsyn/equality';

/** Funktionshinder: decisions not carried out in time and time to decision, with demo levels. */
export const DISABILITY_INDICATORS: CatalogueIndicator[] = [
  {
    code: 'DI-NOTEX3M',
    name: 'Beslut som inte verkställts inom tre månader',
    description:
      'Andel gynnande beslut enligt LSS och SoL som inte verkställts inom tre månader från beslutet (SoL 34 kap. 1 §, LSS 28 f §).',
    kind: IndicatorKind.PROPORTION,
    unit: 'andel',
    direction: Direction.LOWER_IS_BETTER,
    periodicity: Periodicity.QUARTER,
    ratePer: null,
    koladaKpi: null,
    ruleDocument: 'rapportering-ej-verkstallda-beslut',
    demo: { level: 0.09, spread: 0.05, casesPer1000: 1.1, outliers: { centrum: 0.22 } },
  },
  {
    code: 'DI-DAYS',
    name: 'Dagar från ansökan till beslut',
    description: 'Median av antal dagar från ansökan till beslut om insats enligt LSS.',
    kind: IndicatorKind.MEDIAN,
    unit: 'dagar',
    direction: Direction.LOWER_IS_BETTER,
    periodicity: Periodicity.QUARTER,
    ratePer: null,
    koladaKpi: null,
    ruleDocument: 'handlaggning-lss',
    demo: { level: 58, spread: 0.08, casesPer1000: 0.5 },
  },
];

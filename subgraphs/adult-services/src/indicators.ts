import { Direction, IndicatorKind, Periodicity, type CatalogueIndicator } from '@samsyn/equality';

/** Vuxen: indicators on assessment and waiting times, with demo levels. */
export const ADULT_SERVICES_INDICATORS: CatalogueIndicator[] = [
  {
    code: 'AS-ASI',
    name: 'Nya missbruksärenden bedömda med ASI',
    description: 'Andel nya ärenden om skadligt bruk eller beroende där en ASI-grundintervju gjordes innan insatser planerades.',
    kind: IndicatorKind.PROPORTION,
    unit: 'andel',
    direction: Direction.HIGHER_IS_BETTER,
    periodicity: Periodicity.QUARTER,
    ratePer: null,
    koladaKpi: null,
    ruleDocument: 'forsta-kontakt-missbruk',
    demo: { level: 0.62, spread: 0.03, casesPer1000: 0.7, outliers: { 'norra-hisingen': 0.3 } },
  },
  {
    code: 'AS-WAIT',
    name: 'Dagar från ansökan till första möte',
    description: 'Median av antal dagar från ansökan eller anmälan till första möte, för ärenden om skadligt bruk eller beroende.',
    kind: IndicatorKind.MEDIAN,
    unit: 'dagar',
    direction: Direction.LOWER_IS_BETTER,
    periodicity: Periodicity.QUARTER,
    ratePer: null,
    koladaKpi: null,
    ruleDocument: 'forsta-kontakt-missbruk',
    demo: { level: 11, spread: 0.1, casesPer1000: 0.7, outliers: { 'ostra-goteborg': 23 } },
  },
];

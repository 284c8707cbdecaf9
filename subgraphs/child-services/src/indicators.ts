import { Direction, IndicatorKind, Periodicity, type CatalogueIndicator } from '@samsyn/equality';

/** Barn och unga: indicators on meeting the statutory deadlines and on placements, with demo levels. */
export const CHILD_SERVICES_INDICATORS: CatalogueIndicator[] = [
  {
    code: 'CS-IA14',
    name: 'Förhandsbedömningar inom 14 dagar',
    description:
      'Andel förhandsbedömningar där beslut om att inleda eller inte inleda utredning fattades inom 14 dagar från att anmälan kom in (SoL 20 kap. 2 §).',
    kind: IndicatorKind.PROPORTION,
    unit: 'andel',
    direction: Direction.HIGHER_IS_BETTER,
    periodicity: Periodicity.QUARTER,
    ratePer: null,
    koladaKpi: null,
    ruleDocument: 'orosanmalan-och-forhandsbedomning',
    demo: { level: 0.82, spread: 0.015, casesPer1000: 2.4, outliers: { angered: 0.6 } },
  },
  {
    code: 'CS-INV4M',
    name: 'Utredningar klara inom fyra månader',
    description: 'Andel avslutade barnavårdsutredningar som slutfördes inom fyra månader från att de inleddes (SoL 20 kap. 3 §).',
    kind: IndicatorKind.PROPORTION,
    unit: 'andel',
    direction: Direction.HIGHER_IS_BETTER,
    periodicity: Periodicity.QUARTER,
    ratePer: null,
    koladaKpi: null,
    ruleDocument: 'utredning-av-barns-behov',
    demo: { level: 0.76, spread: 0.02, casesPer1000: 0.9, outliers: { 'vastra-hisingen': 0.95 } },
  },
  {
    code: 'CS-PLACE',
    name: 'Barn placerade utanför hemmet per 1 000 barn',
    description: 'Antal barn och unga 0–20 år i heldygnsvård utanför det egna hemmet per 1 000 barn i stadsdelen.',
    kind: IndicatorKind.RATE,
    unit: 'per 1 000 barn',
    direction: Direction.NEITHER,
    periodicity: Periodicity.QUARTER,
    ratePer: 1000,
    koladaKpi: 'N33818',
    ruleDocument: 'overvagande-av-placering',
    demo: { level: 8, spread: 0.2, casesPer1000: 230 },
  },
];

import { Direction, IndicatorKind, Periodicity, type CatalogueIndicator } from '@samsyn/equality';

/** Försörjningsstöd: time to decision, long-term assistance and approvals, with demo levels. */
export const INCOME_SUPPORT_INDICATORS: CatalogueIndicator[] = [
  {
    code: 'IS-DAYS',
    name: 'Dagar från ansökan till beslut',
    description: 'Median av antal dagar från ansökan om ekonomiskt bistånd till beslut, för nybesök.',
    kind: IndicatorKind.MEDIAN,
    unit: 'dagar',
    direction: Direction.LOWER_IS_BETTER,
    periodicity: Periodicity.QUARTER,
    ratePer: null,
    koladaKpi: 'U31403',
    ruleDocument: 'ansokan-om-ekonomiskt-bistand',
    demo: { level: 9, spread: 0.1, casesPer1000: 1.5, outliers: { lundby: 17 } },
  },
  {
    code: 'IS-LONG',
    name: 'Hushåll med långvarigt ekonomiskt bistånd',
    description: 'Andel hushåll med ekonomiskt bistånd som fått bistånd minst tio av årets tolv månader.',
    kind: IndicatorKind.PROPORTION,
    unit: 'andel',
    direction: Direction.LOWER_IS_BETTER,
    periodicity: Periodicity.QUARTER,
    ratePer: null,
    koladaKpi: 'N31816',
    ruleDocument: 'riktlinje-ekonomiskt-bistand',
    demo: { level: 0.34, spread: 0.03, casesPer1000: 8 },
  },
  {
    code: 'IS-APPROVE',
    name: 'Beviljade ansökningar',
    description: 'Andel prövade ansökningar om ekonomiskt bistånd som beviljades helt eller delvis.',
    kind: IndicatorKind.PROPORTION,
    unit: 'andel',
    direction: Direction.NEITHER,
    periodicity: Periodicity.QUARTER,
    ratePer: null,
    koladaKpi: null,
    ruleDocument: 'riktlinje-ekonomiskt-bistand',
    demo: { level: 0.86, spread: 0.01, casesPer1000: 6 },
  },
];

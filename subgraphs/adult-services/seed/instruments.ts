import { DEMO_DISTRICTS } from '@samsyn/area/seed';

/** The instruments and methods in use in adult services (described in our own words). */
export const INSTRUMENTS = [
  {
    code: 'AUDIT',
    name: 'AUDIT',
    kind: 'SCREENING',
    purpose: 'Screening av alkoholvanor: riskbruk, skadligt bruk och möjligt beroende.',
    targetGroup: 'Vuxna vid första kontakt',
    methodDocument: 'audit-och-dudit',
  },
  {
    code: 'DUDIT',
    name: 'DUDIT',
    kind: 'SCREENING',
    purpose: 'Screening av narkotikavanor.',
    targetGroup: 'Vuxna vid första kontakt',
    methodDocument: 'audit-och-dudit',
  },
  {
    code: 'ASI',
    name: 'ASI – Addiction Severity Index',
    kind: 'ASSESSMENT',
    purpose: 'Strukturerad bedömning av situationen inom sju livsområden, som grund för planering och uppföljning.',
    targetGroup: 'Vuxna med skadligt bruk eller beroende',
    methodDocument: 'asi',
  },
  {
    code: 'FREDA',
    name: 'FREDA',
    kind: 'ASSESSMENT',
    purpose: 'Upptäcka våld, beskriva det och bedöma risken för nytt allvarligt våld.',
    targetGroup: 'Vuxna utsatta för våld i nära relation',
    methodDocument: 'freda',
  },
  {
    code: 'MI',
    name: 'MI – motiverande samtal',
    kind: 'CONVERSATION',
    purpose: 'Stärka den egna motivationen till förändring.',
    targetGroup: 'Vuxna med skadligt bruk eller beroende',
    methodDocument: null,
  },
  {
    code: 'ATERFALLSPREVENTION',
    name: 'Återfallsprevention',
    kind: 'INTERVENTION',
    purpose: 'Lära sig hantera situationer med risk för återfall.',
    targetGroup: 'Vuxna med alkohol- eller narkotikaberoende',
    methodDocument: 'aterfallsprevention',
  },
] as const;

/** Where the demo districts stand: most use everything; a few lack an instrument, as the indicators hint. */
export function demoInstrumentUse(): { instrument: string; district: string; implemented: boolean; trainedStaff: number }[] {
  const lacking: Record<string, string[]> = { 'norra-hisingen': ['ASI'], angered: ['FREDA'], 'vastra-goteborg': ['ATERFALLSPREVENTION'] };
  return DEMO_DISTRICTS.flatMap((district, d) =>
    INSTRUMENTS.map((instrument, i) => {
      const implemented = !lacking[district.code]?.includes(instrument.code);
      return {
        instrument: instrument.code,
        district: district.code,
        implemented,
        trainedStaff: implemented ? 4 + ((d * 7 + i * 3) % 9) : (d + i) % 2,
      };
    }),
  );
}

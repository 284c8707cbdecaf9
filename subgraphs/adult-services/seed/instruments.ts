import type { DataSource } from 'typeorm';
import type { AreaModule } from '@samsyn/area';
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

/** The instrument catalogue and the demo districts' use of it, loaded with the demo data. */
export const instrumentDemo: AreaModule = { resolvers: () => [], seed: (db) => seedInstruments(db) };

/** Loads the catalogue (new codes only) and, once, the demo districts' use. */
export async function seedInstruments(db: DataSource): Promise<void> {
  for (const [position, item] of INSTRUMENTS.entries()) {
    await db.query(
      `INSERT INTO instrument (code, position, name, kind, purpose, target_group, method_document) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING`,
      [item.code, position + 1, item.name, item.kind, item.purpose, item.targetGroup, item.methodDocument],
    );
  }
  const [{ present }] = await db.query<{ present: boolean }[]>(`SELECT exists(SELECT 1 FROM instrument_use) AS present`);
  if (present) return;
  const rows = demoInstrumentUse();
  await db.query(
    `INSERT INTO instrument_use (instrument_code, district, implemented, trained_staff, reported_by)
     SELECT *, 'samsyn-demo-data' FROM unnest($1::text[], $2::text[], $3::boolean[], $4::int[])`,
    [rows.map((r) => r.instrument), rows.map((r) => r.district), rows.map((r) => r.implemented), rows.map((r) => r.trainedStaff)],
  );
}

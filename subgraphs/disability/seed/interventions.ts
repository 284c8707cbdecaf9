import type { DataSource } from 'typeorm';
import { ObservationService, protectFigures } from '@samsyn/equality';
import { Area, type AreaModule } from '@samsyn/area';
import { NOT_CARRIED_OUT_INDICATOR, notCarriedOutBreakdown } from '../src/interventions/intervention.service';

/** The ten interventions of LSS 9 §, in the law's order, and the main SoL interventions, each with the guideline that sets its level. */
export const INTERVENTIONS = [
  {
    code: 'LSS-1',
    law: 'LSS',
    position: 1,
    provision: 'LSS 9 § 1',
    name: 'Rådgivning och annat personligt stöd',
    description: 'Stöd av personal med särskild kunskap om problem och villkor för att leva med stora och varaktiga funktionshinder.',
    guideline: 'riktlinje-lss',
  },
  {
    code: 'LSS-2',
    law: 'LSS',
    position: 2,
    provision: 'LSS 9 § 2',
    name: 'Personlig assistans',
    description: 'Biträde av personlig assistent eller ekonomiskt stöd till skäliga kostnader för sådant biträde.',
    guideline: 'riktlinje-personlig-assistans',
  },
  {
    code: 'LSS-3',
    law: 'LSS',
    position: 3,
    provision: 'LSS 9 § 3',
    name: 'Ledsagarservice',
    description: 'Stöd att delta i samhällslivet, fritidsaktiviteter och kultur tillsammans med en ledsagare.',
    guideline: 'riktlinje-lss',
  },
  {
    code: 'LSS-4',
    law: 'LSS',
    position: 4,
    provision: 'LSS 9 § 4',
    name: 'Kontaktperson',
    description: 'En medmänniska som bryter isolering och ger stöd i vardagen.',
    guideline: 'riktlinje-lss',
  },
  {
    code: 'LSS-5',
    law: 'LSS',
    position: 5,
    provision: 'LSS 9 § 5',
    name: 'Avlösarservice i hemmet',
    description: 'Avlösning för anhöriga som vårdar en person med funktionsnedsättning i hemmet.',
    guideline: 'riktlinje-lss',
  },
  {
    code: 'LSS-6',
    law: 'LSS',
    position: 6,
    provision: 'LSS 9 § 6',
    name: 'Korttidsvistelse utanför det egna hemmet',
    description: 'Vistelse i korttidshem, stödfamilj eller läger för miljöombyte och rekreation, och avlösning för anhöriga.',
    guideline: 'riktlinje-lss',
  },
  {
    code: 'LSS-7',
    law: 'LSS',
    position: 7,
    provision: 'LSS 9 § 7',
    name: 'Korttidstillsyn för skolungdom över 12 år',
    description: 'Tillsyn utanför det egna hemmet före och efter skoldagen samt under lov.',
    guideline: 'riktlinje-lss',
  },
  {
    code: 'LSS-8',
    law: 'LSS',
    position: 8,
    provision: 'LSS 9 § 8',
    name: 'Boende i familjehem eller bostad med särskild service för barn eller ungdomar',
    description: 'Boende för barn och unga som behöver bo utanför föräldrahemmet.',
    guideline: 'riktlinje-lss',
  },
  {
    code: 'LSS-9',
    law: 'LSS',
    position: 9,
    provision: 'LSS 9 § 9',
    name: 'Bostad med särskild service för vuxna',
    description: 'Gruppbostad, servicebostad eller annan särskilt anpassad bostad för vuxna.',
    guideline: 'riktlinje-lss',
  },
  {
    code: 'LSS-10',
    law: 'LSS',
    position: 10,
    provision: 'LSS 9 § 10',
    name: 'Daglig verksamhet',
    description: 'Sysselsättning för personer i yrkesverksam ålder som saknar förvärvsarbete och inte utbildar sig.',
    guideline: 'riktlinje-lss',
  },
  {
    code: 'SOL-BOENDESTOD',
    law: 'SOL',
    position: 1,
    provision: 'SoL 11 kap. 1 §',
    name: 'Boendestöd',
    description: 'Praktiskt och socialt stöd i det egna boendet.',
    guideline: 'riktlinje-boendestod-sol',
  },
  {
    code: 'SOL-HEMTJANST',
    law: 'SOL',
    position: 2,
    provision: 'SoL 11 kap. 1 §',
    name: 'Hemtjänst',
    description: 'Service och personlig omvårdnad i hemmet.',
    guideline: 'riktlinje-boendestod-sol',
  },
  {
    code: 'SOL-KONTAKTPERSON',
    law: 'SOL',
    position: 3,
    provision: 'SoL 13 kap. 7 §',
    name: 'Kontaktperson enligt SoL',
    description: 'Kontaktperson för den som inte omfattas av LSS.',
    guideline: 'riktlinje-boendestod-sol',
  },
  {
    code: 'SOL-DAGVERKSAMHET',
    law: 'SOL',
    position: 4,
    provision: 'SoL 11 kap. 1 §',
    name: 'Sysselsättning enligt SoL',
    description: 'Meningsfull sysselsättning för personer med psykisk funktionsnedsättning.',
    guideline: 'riktlinje-boendestod-sol',
  },
] as const;

/** The intervention catalogue and the demo decisions, split from the demo DI-NOTEX3M figures (so equality's demo goes first). */
export const interventionDemo: AreaModule = { resolvers: () => [], seed: (db) => seedInterventions(db) };

/** Loads the catalogue (new codes only) and splits the demo DI-NOTEX3M figures over the interventions. */
export async function seedInterventions(db: DataSource): Promise<void> {
  for (const item of INTERVENTIONS) {
    await db.query(
      `INSERT INTO intervention (code, law, position, provision, name, description, guideline) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING`,
      [item.code, item.law, item.position, item.provision, item.name, item.description, item.guideline],
    );
  }
  const [{ present }] = await db.query<{ present: boolean }[]>(`SELECT exists(SELECT 1 FROM decision_not_carried_out) AS present`);
  if (present) return;
  // Shares of decisions per intervention, roughly as LSS and SoL decisions fall in a city district.
  const shares: [string, number][] = [
    ['LSS-3', 3],
    ['LSS-4', 3],
    ['LSS-6', 2],
    ['LSS-9', 2],
    ['LSS-10', 3],
    ['SOL-BOENDESTOD', 5],
    ['SOL-HEMTJANST', 2],
  ];
  const totalShare = shares.reduce((sum, [, share]) => sum + share, 0);
  const figures = await new ObservationService(db.manager, [notCarriedOutBreakdown]).ofIndicator(NOT_CARRIED_OUT_INDICATOR);
  const split = (total: number) => {
    const parts = shares.map(([, share]) => Math.floor((total * share) / totalShare));
    parts[0] += total - parts.reduce((sum, part) => sum + part, 0);
    return parts;
  };
  const rows = figures.flatMap((figure) => {
    const decisions = split(figure.denominator ?? 0);
    // Delays gather where staff are hardest to find: companion and contact persons first.
    let left = figure.numerator ?? 0;
    return shares.map(([code], i) => {
      const notCarriedOut = Math.min(left, decisions[i]);
      left -= notCarriedOut;
      return { code, district: figure.district, period: figure.period, decisions: decisions[i], notCarriedOut };
    });
  });
  await db.query(
    `INSERT INTO decision_not_carried_out (intervention_code, district, period, decisions, not_carried_out, reported_by)
     SELECT *, 'samsyn-demo-data' FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[])`,
    [
      rows.map((r) => r.code),
      rows.map((r) => r.district),
      rows.map((r) => r.period),
      rows.map((r) => r.decisions),
      rows.map((r) => r.notCarriedOut),
    ],
  );
  await db.transaction((em) =>
    protectFigures(em, Area.DISABILITY, [...new Set(figures.map((figure) => figure.period))], [notCarriedOutBreakdown]),
  );
}

import pg from 'pg';
import { signToken } from '@samsyn/core';
import type { RunningSystem } from '@samsyn/scripts';

export interface Scenario {
  name: string;
  target: 'gateway' | 'organisation';
  query: string;
  token?: string;
  /** Fewer connections for heavy queries, so that latency is not all queueing. */
  connections?: number;
  /** Measuring time for scenarios whose requests take seconds; they also skip the warm-up, whose unfinished requests would skew them. */
  seconds?: number;
  /** Runs once before the scenario is measured. */
  prepare?: () => Promise<void>;
}

const AREAS = ['childServices', 'adultServices', 'disability', 'incomeSupport'];
const AREA_SCHEMAS = ['child_services', 'adult_services', 'disability', 'income_support'];
const AREA_ENUMS = ['CHILD_SERVICES', 'ADULT_SERVICES', 'DISABILITY', 'INCOME_SUPPORT'];
const PROFILE = `adoption { documentsInForce acknowledged implemented lagging { document { slug } daysLagging } }
  indicators(period: "2026-Q3") { indicator { code } value position suppressed trend }`;
const DASHBOARD = `{ districts { code name ${AREAS.map((area) => `${area} { ${PROFILE} }`).join(' ')} } }`;

/**
 * Grows every area to 1 000 districts × 20 indicators × 40 quarters of figures (800 000 per area),
 * and the register to 1 000 districts.
 */
export async function generateScaleData(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`INSERT INTO organisation.district (code, name, valid_from)
      SELECT 'skala-' || n, 'Skaldistrikt ' || n, '2011-01-01' FROM generate_series(11, 1000) AS n ON CONFLICT DO NOTHING`);
    for (const [i, schema] of AREA_SCHEMAS.entries()) {
      await client.query(`INSERT INTO ${schema}.indicator (code, area, name, description, kind, unit, direction, periodicity)
        SELECT 'SKALA-' || n, $1, 'Skalindikator ' || n, '', 'PROPORTION', 'andel', 'HIGHER_IS_BETTER', 'QUARTER'
        FROM generate_series(1, 20) AS n ON CONFLICT DO NOTHING`, [AREA_ENUMS[i]]);
      // Only the scale indicators are reported for the scale districts, so that each has 20 indicators.
      await client.query(`DELETE FROM ${schema}.indicator WHERE code NOT LIKE 'SKALA-%' AND NOT EXISTS (SELECT 1 FROM ${schema}.observation o WHERE o.indicator_code = code)`);
      await client.query(`INSERT INTO ${schema}.observation (indicator_code, district, period, numerator, denominator, reported_by)
        SELECT 'SKALA-' || n, 'skala-' || d, (2017 + q / 4) || '-Q' || (q % 4 + 1),
               (40 + (d * 7 + n * 13 + q) % 50), 100 + (d * 11 + q) % 120, 'bench'
        FROM generate_series(1, 20) AS n, generate_series(11, 1000) AS d, generate_series(0, 39) AS q
        ON CONFLICT DO NOTHING`);
      await client.query(`ANALYZE ${schema}.observation`);
    }
  } finally {
    await client.end();
  }
}

/** The load scenarios `npm run bench` measures, in order. */
export async function scenarios(system: RunningSystem): Promise<Scenario[]> {
  const auth = { secret: system.env.JWT_SECRET, issuer: 'samsyn', audience: 'samsyn-api' };
  const analyst = await signToken(auth, { sub: 'bench-analyst', name: 'Bench', roles: ['analyst'] });
  const districtSystem = await signToken(auth, { sub: 'bench-angered', name: 'Bench', roles: ['district-system'], district: 'angered' });
  return [
    { name: '(a) districts, straight to the organisation subgraph', target: 'organisation', query: '{ districts { code name } }' },
    { name: '(b) districts, through the gateway', target: 'gateway', query: '{ districts { code name } }' },
    {
      name: '(c) every district with all four area profiles (gateway)',
      target: 'gateway',
      token: analyst,
      query: `{ districts { code name ${AREAS.map((area) => `${area} { area name }`).join(' ')} } }`,
    },
    {
      name: '(d) all published routines of four areas, current version (first: 50)',
      target: 'gateway',
      token: districtSystem,
      query: `{ ${AREAS.map((area) => `${area} { documents(kind: ROUTINE, first: 50) { totalCount edges { node { slug title current { number title body legalBasis validFrom } } } } }`).join(' ')} }`,
    },
    { name: '(e) dashboard: 10 districts, adoption + indicators, four areas', target: 'gateway', token: analyst, query: DASHBOARD },
    {
      name: '(f) dashboard at scale: 1 000 districts × 20 indicators × 40 periods',
      target: 'gateway',
      token: analyst,
      query: DASHBOARD,
      connections: 2,
      seconds: 40,
      prepare: () => generateScaleData(system.env.DATABASE_URL as string),
    },
  ];
}

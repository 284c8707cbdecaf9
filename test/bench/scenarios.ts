import type autocannon from 'autocannon';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Area } from '@samsyn/area';
import {
  AREA_LIST,
  SUBGRAPHS,
  dbSchemaOf,
  inTransaction,
  loadConfig,
  openDatabase,
  signToken,
  subgraphOf,
  type SubgraphName,
} from '@samsyn/core';
import { subgraphDataSource } from '@samsyn/runtime';
import { protectFigures } from '@samsyn/equality';
import { ALL_SUBGRAPHS, figureBreakdownsOf, type RunningSystem } from '@samsyn/scripts';

/**
 * What every system started for measuring runs with: production mode (graphql-js skips its development checks),
 * its own ports (the gateway's, then every subgraph's after it) and data, quiet logs, slow answers waited for.
 */
export function benchEnv(dataDir: string, gatewayPort: number): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    GATEWAY_PORT: String(gatewayPort),
    SAMSYN_DATA_DIR: dataDir,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    NODE_ENV: process.env.BENCH_NODE_ENV ?? 'production',
    MIGRATE_ON_START: 'true',
    SUBGRAPH_TIMEOUT_MS: '60000',
  };
  SUBGRAPHS.forEach((name, i) => (env[`${name.toUpperCase().replace(/-/g, '_')}_PORT`] = String(gatewayPort + 1 + i)));
  return env;
}

/** One request of a mixed scenario's cycle, named for its latency line. */
export interface Part {
  part: string;
  request: autocannon.Request;
}

export interface Scenario {
  name: string;
  target: 'gateway' | 'organisation';
  query: string;
  token?: string;
  /** Fewer connections for heavy queries, so that latency is not all queueing. */
  connections?: number;
  /** Measuring time for scenarios whose requests take seconds; they also skip the warm-up, whose unfinished requests would skew them. */
  seconds?: number;
  /** Whether the same requests run for 3 s first, so that the numbers are of warm code (by default, unless `seconds` is set). */
  warmUp?: boolean;
  /** Runs once before the scenario is measured. */
  prepare?: () => Promise<void>;
  /** A mix of requests each connection cycles through, instead of `query` alone (made after `prepare`). */
  requests?: () => Part[];
  /** Also print each service's peak memory during this scenario alone. */
  memoryPerScenario?: boolean;
  /** Also run it through Hive Gateway, side by side. */
  hive?: boolean;
  /** Also time the first read after each of `runs` writes (a cache's cold case). */
  cold?: { runs: number; write: () => Promise<void> };
}

// Every area of the one list (the demo indicators of the mixed run are the four demo areas' own).
const AREAS: string[] = AREA_LIST.map((entry) => entry.rootField);
const AREA_SCHEMAS: string[] = AREA_LIST.map((entry) => dbSchemaOf(entry.area));
const AREA_ENUMS: string[] = AREA_LIST.map((entry) => entry.area);
const PROFILE = `adoption { documentsInForce acknowledged implemented lagging { document { slug } daysLagging } }
  indicators(period: "2026-Q3") { indicator { code } value position suppressed trend }`;
/** The analysts' dashboard: every district, with each area's adoption and indicators. */
export const DASHBOARD = `{ districts { code name ${AREAS.map((area) => `${area} { ${PROFILE} }`).join(' ')} } }`;

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
      await client.query(
        `INSERT INTO ${schema}.indicator (code, area, name, description, kind, unit, direction, periodicity)
        SELECT 'SKALA-' || n, $1, 'Skalindikator ' || n, '', 'PROPORTION', 'andel', 'HIGHER_IS_BETTER', 'QUARTER'
        FROM generate_series(1, 20) AS n ON CONFLICT DO NOTHING`,
        [AREA_ENUMS[i]],
      );
      // Only the scale indicators are reported for the scale districts, so that each has 20 indicators.
      await client.query(
        `DELETE FROM ${schema}.indicator WHERE code NOT LIKE 'SKALA-%' AND NOT EXISTS (SELECT 1 FROM ${schema}.observation o WHERE o.indicator_code = code)`,
      );
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

let scaleData: Promise<void> | undefined;

/** The scale data of (f), made once per run (the scenarios that need it may run alone). */
function atScale(env: Record<string, string | undefined>): Promise<void> {
  // With BENCH_KEEP_DIR the database stays between runs: the scale data is made once (minutes), as bench:cold does.
  const ready = path.join(env.SAMSYN_DATA_DIR as string, 'scale-ready');
  scaleData ??= (async () => {
    if (fs.existsSync(ready)) return;
    await generateScaleData(env.DATABASE_URL as string);
    await protectScaleFigures(env);
    if (env.BENCH_KEEP_DIR) fs.writeFileSync(ready, '');
  })();
  return scaleData;
}

const AREA_SUBGRAPHS: SubgraphName[] = AREA_LIST.map((entry) => subgraphOf(entry.area));

/**
 * (The protection of a thousand districts' figures computes for longer than a service's transaction may idle between
 * statements on a loaded machine: this one may.)
 *
 * The scale figures of the last two years protected and compared as an import stores them (`protectFigures`, in
 * one transaction per area): the dashboard's period and its trend window. Older scale periods stay unprotected
 * (hidden), as figures written past the service are.
 */
export async function protectScaleFigures(env: Record<string, string | undefined>): Promise<void> {
  const periods = [2025, 2026].flatMap((year) => [1, 2, 3, 4].map((quarter) => `${year}-Q${quarter}`));
  for (const [i, name] of AREA_SUBGRAPHS.entries()) {
    const db = subgraphDataSource(
      ALL_SUBGRAPHS[name],
      loadConfig(name, {
        ...env,
        // One transaction over 800 000 figures: on a loaded machine the work between its statements outlasts the
        // services' idle-in-transaction limit (the session was ended, "write EPIPE"), and a statement the default one.
        DB_STATEMENT_TIMEOUT_MS: '600000',
        DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '600000',
        DB_LOCK_TIMEOUT_MS: '600000',
        LOG_LEVEL: 'warn',
      }),
    );
    await openDatabase(db, false);
    try {
      await inTransaction(db.manager, (em) => protectFigures(em, AREA_ENUMS[i] as Area, periods, figureBreakdownsOf(name)));
    } finally {
      await db.destroy();
    }
  }
}

interface DocumentAdoption {
  current: { id: string } | null;
  adoption: { district: { code: string }; status: string | null; version: { id: string } | null }[] | null;
}

const MIXED_INDICATORS = [
  ['childServices', 'CS-IA14'],
  ['adultServices', 'AS-ASI'],
  ['disability', 'DI-NOTEX3M'],
  ['incomeSupport', 'IS-LONG'],
] as const;

/**
 * District systems at work while analysts read dashboards: every connection cycles through a dashboard, a
 * read of the published routines, an acknowledgement of a version in force and a report of figures, the last
 * two for a random district of the ten with that district's own token, in a random area.
 */
function mixedWorkload(system: RunningSystem, auth: { secret?: string; issuer: string; audience: string }, analyst: string) {
  const tokens = new Map<string, string>();
  const versions: Record<string, string[]> = {};
  const implemented = new Set<string>();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
  const graphql = (query: string, variables: Record<string, unknown>, token: string) => ({
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return {
    prepare: async () => {
      const response = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
        body: JSON.stringify({
          query: `{ districts { code } ${AREAS.map((area) => `${area} { documents(first: 20) { edges { node { current { id } adoption { district { code } status version { id } } } } } }`).join(' ')} }`,
        }),
      });
      const { data } = (await response.json()) as { data: Record<string, unknown> & { districts: { code: string }[] } };
      for (const { code } of data.districts.filter((district) => !district.code.startsWith('skala-'))) {
        tokens.set(
          code,
          await signToken(auth, { sub: `bench-${code}`, name: `Bench ${code}`, roles: ['district-system'], district: code }),
        );
      }
      for (const area of AREAS) {
        const namespace = data[area] as { documents: { edges: { node: DocumentAdoption }[] } };
        versions[area] = namespace.documents.edges.flatMap((edge) => (edge.node.current ? [edge.node.current.id] : []));
        for (const { node } of namespace.documents.edges) {
          for (const adoption of node.adoption ?? []) {
            if (adoption.status === 'IMPLEMENTED' && adoption.version) implemented.add(`${adoption.version.id}/${adoption.district.code}`);
          }
        }
      }
    },
    requests: (): Part[] => {
      const district = () => pick([...tokens.keys()]);
      return [
        { part: 'dashboard', request: graphql(DASHBOARD, {}, analyst) },
        {
          part: 'routines',
          request: graphql(
            `{ ${AREAS.map((area) => `${area} { documents(kind: ROUTINE, first: 10) { edges { node { slug title current { number validFrom } } } } }`).join(' ')} }`,
            {},
            analyst,
          ),
        },
        {
          part: 'acknowledgement',
          request: {
            setupRequest: (request) => {
              const code = district();
              const area = pick(AREAS);
              const version = pick(versions[area]);
              // One status per version, and IMPLEMENTED where the demo data has it already, so that no district
              // ever asks to go back from IMPLEMENTED to ACKNOWLEDGED (a client error, not load).
              const status =
                versions[area].indexOf(version) % 2 === 0 && !implemented.has(`${version}/${code}`) ? 'ACKNOWLEDGED' : 'IMPLEMENTED';
              return {
                ...request,
                ...graphql(
                  `mutation ($v: ID!, $s: AdoptionStatus!) { ${area} { acknowledge(versionId: $v, status: $s) { status lagging } } }`,
                  { v: version, s: status },
                  tokens.get(code)!,
                ),
              };
            },
          },
        },
        {
          part: 'report',
          request: {
            setupRequest: (request) => {
              const code = district();
              const [area, indicator] = pick(MIXED_INDICATORS);
              const denominator = 100 + Math.floor(Math.random() * 100);
              const input = [
                { indicator, district: code, period: '2026-Q3', numerator: Math.floor(Math.random() * denominator), denominator },
              ];
              return {
                ...request,
                ...graphql(
                  `mutation ($input: [ObservationInput!]!) { ${area} { reportObservations(input: $input) { received } } }`,
                  { input },
                  tokens.get(code)!,
                ),
              };
            },
          },
        },
      ];
    },
  };
}

/**
 * A district system's report of one figure (Angered's CS-IA14 for 2026-Q3, a new numerator each time): what makes
 * the next dashboard read a cold one. `token` is a district-system token for Angered.
 */
export async function reportOneFigure(gatewayUrl: string, token: string): Promise<void> {
  const numerator = 20 + Math.floor(Math.random() * 60);
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation ($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { received } } }',
      variables: { input: [{ indicator: 'CS-IA14', district: 'angered', period: '2026-Q3', numerator, denominator: 100 }] },
    }),
  });
  const answer = (await response.json()) as { errors?: unknown };
  if (answer.errors) throw new Error(`report: ${JSON.stringify(answer.errors).slice(0, 300)}`);
}

/**
 * The national read: the funnel of one indicator over the 1 000 scale districts, with what the dashboard's funnel page
 * asks of it (`ComparisonFields` of packages/dashboard), the districts' names from the organisation.
 */
export const NATIONAL_READ = `{ childServices { comparison(indicator: "SKALA-1", period: "2026-Q3") {
  period cityValue cityNumerator cityDenominator limitBasis overdispersion dispersionFactor overdispersionPValue
  betweenDistrictVariance limitsWidened multiplicity
  limitCurve { cases lower95 upper95 lower998 upper998 }
  indicator { code area name description kind unit direction periodicity ratePer }
  entries { district { code name } value numerator denominator suppressed suppressionReason position pValue adjustedPosition
    qValue rank rankLower rankUpper lower95 upper95 lower998 upper998 }
} } }`;

/** A scale district's report of the national read's own figure (a new numerator each time): its next read is cold. */
async function reportScaleFigure(gatewayUrl: string, token: string): Promise<void> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation ($input: [ObservationInput!]!) { childServices { reportObservations(input: $input) { received } } }',
      variables: {
        input: [
          {
            indicator: 'SKALA-1',
            district: 'skala-11',
            period: '2026-Q3',
            numerator: 40 + Math.floor(Math.random() * 50),
            denominator: 150,
          },
        ],
      },
    }),
  });
  const answer = (await response.json()) as { errors?: unknown };
  if (answer.errors) throw new Error(`report: ${JSON.stringify(answer.errors).slice(0, 300)}`);
}

/** The load scenarios `npm run bench` measures, in order. */
export async function scenarios(system: RunningSystem): Promise<Scenario[]> {
  const auth = { secret: system.env.JWT_SECRET, issuer: 'samsyn', audience: 'samsyn-api' };
  const analyst = await signToken(auth, { sub: 'bench-analyst', name: 'Bench', roles: ['analyst'] });
  const districtSystem = await signToken(auth, { sub: 'bench-angered', name: 'Bench', roles: ['district-system'], district: 'angered' });
  const scaleDistrict = await signToken(auth, { sub: 'bench-skala-11', name: 'Bench', roles: ['district-system'], district: 'skala-11' });
  const mixed = mixedWorkload(system, auth, analyst);
  const report = () => reportOneFigure(system.gatewayUrl, districtSystem);
  const mixedScenario = (name: string): Scenario => ({
    name,
    target: 'gateway',
    token: analyst,
    query: '{ areas { name } }',
    connections: 50,
    seconds: Number(process.env.BENCH_MIXED_SECONDS ?? 30),
    // Its requests take milliseconds: measured warm, as the read scenarios are, whatever ran before it.
    warmUp: true,
    prepare: mixed.prepare,
    // BENCH_MIX_PARTS=0,3 keeps only those requests of the cycle (0 dashboard, 1 routines, 2 acknowledgement,
    // 3 report): what each part costs alone, or beside one other.
    requests: () => {
      const parts = process.env.BENCH_MIX_PARTS?.split(',');
      return mixed.requests().filter((_, index) => !parts || parts.includes(String(index)));
    },
    memoryPerScenario: true,
  });
  return [
    { name: '(a) districts, straight to the organisation subgraph', target: 'organisation', query: '{ districts { code name } }' },
    { name: '(b) districts, through the gateway', target: 'gateway', query: '{ districts { code name } }', hive: true },
    {
      name: '(c) every district with all four area profiles (gateway)',
      target: 'gateway',
      token: analyst,
      query: `{ districts { code name ${AREAS.map((area) => `${area} { area name }`).join(' ')} } }`,
      hive: true,
    },
    {
      name: '(d) all published routines of four areas, current version (first: 50)',
      target: 'gateway',
      token: districtSystem,
      query: `{ ${AREAS.map((area) => `${area} { documents(kind: ROUTINE, first: 50) { totalCount edges { node { slug title current { number title body legalBasis validFrom } } } } }`).join(' ')} }`,
      hive: true,
    },
    {
      name: '(e) dashboard: 10 districts, adoption + indicators, four areas',
      target: 'gateway',
      token: analyst,
      query: DASHBOARD,
      hive: true,
      cold: { runs: 20, write: report },
      memoryPerScenario: true,
    },
    mixedScenario('(g) mixed: dashboards, routine reads, acknowledgements and reports (demo data, 10 districts)'),
    {
      name: '(f) dashboard at scale: 1 000 districts × 20 indicators × 40 periods',
      target: 'gateway',
      token: analyst,
      query: DASHBOARD,
      connections: 2,
      seconds: 40,
      prepare: () => atScale(system.env),
      cold: { runs: 3, write: report },
      memoryPerScenario: true,
    },
    {
      // One analyst opening one indicator's funnel at scale, one read at a time: p50 is the warm read, `cold` the
      // first read after a report of that indicator's figure.
      name: "(i) national read: one indicator's funnel over 1 000 districts (comparison)",
      target: 'gateway',
      token: analyst,
      query: NATIONAL_READ,
      connections: 1,
      prepare: () => atScale(system.env),
      cold: { runs: 10, write: () => reportScaleFigure(system.gatewayUrl, scaleDistrict) },
    },
    {
      ...mixedScenario('(g) … the same mix at scale (the dashboards are of 1 000 districts)'),
      warmUp: false,
      prepare: async () => {
        await atScale(system.env);
        await mixed.prepare();
      },
    },
  ];
}

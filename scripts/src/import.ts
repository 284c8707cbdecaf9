import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { createDataSource, createLogger, embeddedPort, embeddedUrl, openDatabase, schemaName, loadConfig, type SubgraphName } from '@samsyn/core';
import { ObservationService, type ObservationInput } from '@samsyn/equality';
import { Area } from '@samsyn/knowledge';
import { ALL_SUBGRAPHS } from './subgraphs';

const USAGE = `usage: npm run import -- --area AREA FILE.csv
  AREA: ${Object.values(Area).join(', ')}
  FILE: long format with a header: indicator,district,period,numerator,denominator,value
        (numerator and denominator for proportions and rates; value, and the number of cases as denominator, for medians and means)
  District codes are checked against the running system's register (GATEWAY_URL, default http://localhost:4000/graphql).
  The figures go to DATABASE_URL, or to the embedded PostgreSQL that npm start runs.`;

const SUBGRAPH_OF: Record<Area, SubgraphName> = {
  [Area.CHILD_SERVICES]: 'child-services',
  [Area.ADULT_SERVICES]: 'adult-services',
  [Area.DISABILITY]: 'disability',
  [Area.INCOME_SUPPORT]: 'income-support',
};

const optionalNumber = (raw: string | undefined, integer: boolean): number | null | undefined => {
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  // A non-number stays NaN so that validation names the row.
  return integer && Number.isFinite(n) && !Number.isInteger(n) ? NaN : n;
};

/** Reads the long-format CSV into report rows, as `reportObservations` takes them. */
export function readObservationCsv(text: string): ObservationInput[] {
  const records: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  return records.map((record) => ({
    indicator: record.indicator ?? '',
    district: record.district ?? record.district_code ?? '',
    period: record.period ?? '',
    numerator: optionalNumber(record.numerator, true),
    denominator: optionalNumber(record.denominator, true),
    value: optionalNumber(record.value, false),
  }));
}

/** The district codes the organisation subgraph knows, asked through the gateway. */
async function knownDistricts(gatewayUrl: string): Promise<Set<string>> {
  let response: Response;
  try {
    response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ districts(includeInactive: true) { code } }' }),
    });
  } catch {
    throw new Error(`cannot reach the gateway at ${gatewayUrl} to check district codes; start Samsyn (npm start) or set GATEWAY_URL`);
  }
  const body = (await response.json()) as { data?: { districts: { code: string }[] } };
  if (!body.data) throw new Error(`the gateway at ${gatewayUrl} did not list the districts`);
  return new Set(body.data.districts.map((district) => district.code));
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { area: { type: 'string' }, help: { type: 'boolean' } }, allowPositionals: true });
  const area = values.area as Area | undefined;
  if (values.help || !area || !Object.values(Area).includes(area) || positionals.length !== 1) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const file = positionals[0];
  const rows = readObservationCsv(fs.readFileSync(file, 'utf8'));
  console.log(`read ${rows.length} rows from ${file}`);

  const name = SUBGRAPH_OF[area];
  const config = loadConfig(name, process.env);
  const districts = await knownDistricts(process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql');
  const db = createDataSource({
    url: config.databaseUrl ?? embeddedUrl(embeddedPort(process.env)),
    schema: schemaName(ALL_SUBGRAPHS[name], config),
    entities: [],
    migrations: [],
    logger: createLogger('import', 'warn'),
  });
  await openDatabase(db, false);
  try {
    const actor = { sub: `import:${os.userInfo().username}`, name: `Import av ${file}`, roles: ['admin' as const], areas: [] };
    const progress = rows.length > 10_000 ? (done: number) => process.stderr.write(`\rstored ${done} of ${rows.length} rows`) : undefined;
    const result = await new ObservationService(db.manager).store(actor, area, rows, districts, progress);
    if (progress) process.stderr.write('\n');
    console.log(`inserted ${result.inserted}, updated ${result.updated}, unchanged ${result.unchanged}, refused 0`);
  } catch (error) {
    const rowsWithProblems = (error as { extensions?: { rows?: { row: number; problems: string[] }[] } }).extensions?.rows;
    if (!rowsWithProblems) throw error;
    for (const problem of rowsWithProblems.slice(0, 50)) console.error(`line ${problem.row + 1}: ${problem.problems.join("; ")}`);
    console.error(`inserted 0, updated 0, refused ${rows.length} (${rowsWithProblems.length} rows are invalid, so nothing was stored)`);
    process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`import: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}

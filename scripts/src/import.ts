import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { CsvError, parse } from 'csv-parse/sync';
import { createDataSource, createLogger, openDatabase, loadConfig } from '@samsyn/core';
import { embeddedPort, embeddedUrl, schemaName } from '@samsyn/runtime';
import { indicatorsOfArea, ObservationService, observationProblems, type ObservationInput, type RowProblem } from '@samsyn/equality';
import { Area, subgraphOf } from '@samsyn/area';
import { parseArea, UsageError } from './arguments';
import { gatewayUrlFrom, runningDistricts, runningIndicatorAreas } from './register';
import { ALL_SUBGRAPHS, figureBreakdownsOf } from './subgraphs';

const USAGE = `usage: npm run import -- --area AREA [--dry-run] FILE.csv
  AREA: ${Object.values(Area).join(', ')} (any case, - or _)
  FILE: long format with a header: indicator,district,period,numerator,denominator,value
        (numerator and denominator for proportions and rates; value, and the number of cases as denominator, for medians and means)
        Separated by , or ; (as Swedish Excel saves it, with decimal commas), UTF-8 (with or without BOM) or Windows-1252.
  --dry-run  checks every row and reports, storing nothing.
  Needs the running system: district codes and indicator areas are asked from the gateway (GATEWAY_URL, default the
  local gateway of npm start). The figures go to DATABASE_URL, or to the embedded PostgreSQL that npm start runs.`;

/** How a file was written, as far as reading it needed to know. */
export interface CsvDialect {
  encoding: 'UTF-8' | 'UTF-16' | 'Windows-1252';
  delimiter: ',' | ';' | '\t';
}

/**
 * Text from a file's bytes: a BOM decides, else UTF-8 when the bytes are valid UTF-8, else Windows-1252
 * (what Excel on Swedish Windows saves as "CSV (semikolonavgränsad)").
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvDialect['encoding'] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { text: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes), encoding: 'UTF-16' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

const REQUIRED = ['indicator', 'district', 'period'];
const headerName = (raw: string) => raw.trim().replace(/^"|"$/g, '').trim().toLowerCase();

/** The separator whose split of the header line names the required columns (`;` from Swedish Excel, tab, or `,`). */
export function detectDelimiter(text: string): CsvDialect['delimiter'] {
  const header = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const fits = (['\t', ';', ','] as const).filter((delimiter) => {
    const names = header.split(delimiter).map(headerName);
    return REQUIRED.every((name) => names.includes(name) || (name === 'district' && names.includes('district_code')));
  });
  return fits[0] ?? ',';
}

/**
 * A number as a person or a spreadsheet writes it: `8.5`, or with a decimal comma (`8,5`) and spaces
 * grouping thousands (`1 234`). Empty is absent; anything else is NaN so that validation names the row.
 */
export function parseFigure(raw: string | undefined, integer: boolean): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let text = raw.trim();
  if (/^-?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/.test(text)) text = text.replace(/[ \u00a0\u202f]/g, '');
  if (/^-?\d+,\d+$/.test(text)) text = text.replace(',', '.');
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) return NaN;
  const n = Number(text);
  return integer && !Number.isInteger(n) ? NaN : n;
}

/** Reads the long-format CSV text into report rows, as `reportObservations` takes them. */
export function readObservationCsv(text: string, delimiter: CsvDialect['delimiter'] = detectDelimiter(text)): ObservationInput[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map(headerName),
      delimiter,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (error) {
    if (
      error instanceof CsvError &&
      (error.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' || error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH')
    ) {
      throw new UsageError(
        `line ${Number(error.lines)}: a row has a different number of fields than the header (read with separator "${delimiter}"); ${error.message}`,
      );
    }
    throw error;
  }
  const columns = Object.keys(records[0] ?? {});
  const missing = REQUIRED.filter((name) => !columns.includes(name) && !(name === 'district' && columns.includes('district_code')));
  if (records.length > 0 && missing.length > 0) {
    throw new UsageError(
      `the header lacks ${missing.join(', ')} (it has ${columns.join(', ')}); expected indicator,district,period,numerator,denominator,value`,
    );
  }
  return records.map((record) => ({
    indicator: record.indicator ?? '',
    district: record.district ?? record.district_code ?? '',
    period: record.period ?? '',
    numerator: parseFigure(record.numerator, true),
    denominator: parseFigure(record.denominator, true),
    value: parseFigure(record.value, false),
  }));
}

/** Reads a file as saved by a district's system or by Excel: encoding and separator are detected. */
export function readObservationFile(bytes: Uint8Array): { rows: ObservationInput[]; dialect: CsvDialect } {
  const { text, encoding } = decodeCsvBytes(bytes);
  const delimiter = detectDelimiter(text);
  return { rows: readObservationCsv(text, delimiter), dialect: { encoding, delimiter } };
}

/** Points an indicator of another area to the `--area` it belongs to, instead of calling it unknown. */
export function explainOtherAreas(problems: RowProblem[], area: Area, indicatorAreas: ReadonlyMap<string, Area>): RowProblem[] {
  return problems.map((problem) => {
    const home = indicatorAreas.get(problem.indicator);
    if (!home || home === area) return problem;
    const text = `${problem.indicator} is an indicator of ${home}, not ${area}: use --area ${home}`;
    return { ...problem, problems: problem.problems.map((line) => (line === `unknown indicator ${problem.indicator}` ? text : line)) };
  });
}

function describe(dialect: CsvDialect): string {
  const separator = dialect.delimiter === '\t' ? 'tab' : `"${dialect.delimiter}"`;
  return `${dialect.encoding}, separated by ${separator}`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { area: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (values.help || !values.area || positionals.length !== 1) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const area = parseArea(values.area);
  const file = positionals[0];
  const { rows, dialect } = readObservationFile(fs.readFileSync(file));
  console.log(`read ${rows.length} rows from ${file} (${describe(dialect)})`);

  const name = subgraphOf(area);
  const config = loadConfig(name, process.env);
  const gatewayUrl = gatewayUrlFrom(process.env, loadConfig('gateway', process.env).port);
  const [districts, indicatorAreas] = await Promise.all([runningDistricts(gatewayUrl), runningIndicatorAreas(gatewayUrl)]);
  const db = createDataSource({
    url: config.databaseUrl ?? embeddedUrl(embeddedPort(process.env)),
    schema: schemaName(ALL_SUBGRAPHS[name], config),
    entities: [],
    migrations: [],
    logger: createLogger('import', 'warn'),
  });
  await openDatabase(db, false);
  try {
    const indicators = new Map((await indicatorsOfArea(db.manager, area)).map((indicator) => [indicator.code, indicator]));
    const problems = explainOtherAreas(observationProblems(rows, indicators, districts.codes), area, indicatorAreas);
    if (problems.length > 0) {
      for (const problem of problems.slice(0, 50)) console.error(`line ${problem.row + 1}: ${problem.problems.join('; ')}`);
      if (problems.length > 50) console.error(`… and ${problems.length - 50} more`);
      console.error(`inserted 0, updated 0, refused ${rows.length} (${problems.length} rows are invalid, so nothing was stored)`);
      process.exitCode = 1;
      return;
    }
    if (values['dry-run']) {
      const periods = [...new Set(rows.map((row) => row.period))].sort();
      console.log(
        `dry run: all ${rows.length} rows are valid (${new Set(rows.map((row) => row.district)).size} districts, ` +
          `${new Set(rows.map((row) => row.indicator)).size} indicators, periods ${periods[0]}–${periods[periods.length - 1]}); nothing was stored`,
      );
      return;
    }
    const actor = { sub: `import:${os.userInfo().username}`, name: `Import av ${file}`, roles: ['admin' as const], areas: [] };
    const progress = rows.length > 10_000 ? (done: number) => process.stderr.write(`\rstored ${done} of ${rows.length} rows`) : undefined;
    const result = await new ObservationService(db.manager, figureBreakdownsOf(name)).store(actor, area, rows, districts.codes, progress);
    if (progress) process.stderr.write('\n');
    console.log(`inserted ${result.inserted}, updated ${result.updated}, unchanged ${result.unchanged}, refused 0`);
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`import: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}

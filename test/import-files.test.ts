import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { schemaName } from '@samsyn/runtime';
import { ALL_SUBGRAPHS, decodeCsvBytes, parseFigure, readObservationFile } from '@samsyn/scripts';
import pg from 'pg';
import { freePort, serveSupergraph, testConfig, type HttpSupergraph } from '@samsyn/test-support';

const ROOT = path.resolve(__dirname, '..');

/** Bytes as Excel on Swedish Windows saves "CSV (semikolonavgränsad)": Windows-1252, `;`, decimal commas. */
function windows1252(text: string): Buffer {
  const bytes = Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    if (code > 0xff) throw new Error(`${char} is not in Windows-1252's Latin-1 range`);
    return code;
  });
  return Buffer.from(bytes);
}

const EXCEL_FILE = [
  'indicator;district;period;numerator;denominator;value;kommentar',
  'IS-LONG;angered;2027-Q3;30;100;;Överförd från äldre system',
  'IS-DAYS;lundby;2027-Q3;;40;8,5;Mätt på ärenden i Lundby, före årsskiftet',
  '',
].join('\r\n');

describe('reading figure files as real systems save them', () => {
  it('reads a Windows-1252 file from Swedish Excel: semicolons, decimal commas and å/ä/ö', () => {
    const bytes = windows1252(EXCEL_FILE);
    expect(decodeCsvBytes(bytes)).toEqual({ text: EXCEL_FILE, encoding: 'Windows-1252' });
    const { rows, dialect } = readObservationFile(bytes);
    expect(dialect).toEqual({ encoding: 'Windows-1252', delimiter: ';' });
    expect(rows).toEqual([
      { indicator: 'IS-LONG', district: 'angered', period: '2027-Q3', numerator: 30, denominator: 100, value: undefined },
      { indicator: 'IS-DAYS', district: 'lundby', period: '2027-Q3', numerator: undefined, denominator: 40, value: 8.5 },
    ]);
  });

  it('reads UTF-8 with a BOM, and UTF-8 without one, as the same rows', () => {
    const utf8 = Buffer.from(EXCEL_FILE, 'utf8');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    expect(decodeCsvBytes(withBom)).toEqual({ text: EXCEL_FILE, encoding: 'UTF-8' });
    expect(readObservationFile(withBom).rows).toEqual(readObservationFile(windows1252(EXCEL_FILE)).rows);
    expect(readObservationFile(utf8).rows).toEqual(readObservationFile(windows1252(EXCEL_FILE)).rows);
  });

  it('reads numbers as spreadsheets write them and leaves the rest for validation to name', () => {
    expect([parseFigure('8,5', false), parseFigure('8.5', false), parseFigure('1 234', true), parseFigure('1\u00a0234,5', false)]).toEqual([
      8.5, 8.5, 1234, 1234.5,
    ]);
    expect([parseFigure('', true), parseFigure('  ', false)]).toEqual([undefined, undefined]);
    expect([parseFigure('2,5', true), parseFigure('tio', false), parseFigure('0x10', true)]).toEqual([NaN, NaN, NaN]);
  });

  it('says which line breaks the columns instead of "Invalid Record Length"', () => {
    const broken = 'indicator,district,period,numerator,denominator,value\nIS-DAYS,lundby,2027-Q3,,40,8,5\n';
    expect(() => readObservationFile(Buffer.from(broken))).toThrow(
      /line 2: a row has a different number of fields than the header \(read with separator ","\)/,
    );
  });
});

describe('npm run import against the running system', () => {
  let graph: HttpSupergraph;
  let dir: string;
  const income = () => schemaName(ALL_SUBGRAPHS['income-support'], testConfig('income-support', graph.suffix));

  beforeAll(async () => {
    graph = await serveSupergraph({ only: ['organisation', 'child-services', 'income-support'] });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samsyn-import-'));
  });
  afterAll(async () => {
    await graph.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the command in its own process; asynchronously, since the gateway it asks runs in this one. */
  function runImport(args: string[], file: string, bytes: Buffer): Promise<{ status: number | null; out: string; err: string }> {
    const target = path.join(dir, file);
    fs.writeFileSync(target, bytes);
    const env = {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: process.env.DATABASE_URL,
      SAMSYN_SCHEMA_SUFFIX: graph.suffix,
      GATEWAY_URL: graph.gateway.url,
    };
    return new Promise((resolve) => {
      const child = execFile(
        process.execPath,
        [path.join(ROOT, 'scripts/dist/import.js'), ...args, target],
        { env, encoding: 'utf8', timeout: 30_000 },
        (_error, out, err) => resolve({ status: child.exitCode, out, err }),
      );
    });
  }

  async function storedRows(period: string): Promise<number> {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const result = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${income()}.observation WHERE period = $1`, [
        period,
      ]);
      return result.rows[0].n;
    } finally {
      await client.end();
    }
  }

  it('checks an Excel file with --dry-run and stores nothing, then stores it', async () => {
    const dryRun = await runImport(['--area', 'income-support', '--dry-run'], 'excel.csv', windows1252(EXCEL_FILE));
    expect(dryRun).toMatchObject({ status: 0, err: '' });
    expect(dryRun.out).toContain('read 2 rows from');
    expect(dryRun.out).toContain('(Windows-1252, separated by ";")');
    expect(dryRun.out).toContain('dry run: all 2 rows are valid (2 districts, 2 indicators, periods 2027-Q3–2027-Q3); nothing was stored');
    expect(await storedRows('2027-Q3')).toBe(0);

    const stored = await runImport(['--area', 'INCOME_SUPPORT'], 'excel.csv', windows1252(EXCEL_FILE));
    expect(stored).toMatchObject({ status: 0, err: '' });
    expect(stored.out).toContain('inserted 2, updated 0, unchanged 0, refused 0');
    expect(await storedRows('2027-Q3')).toBe(2);
  });

  it('points an indicator of another area to the right --area, and refuses periods before any figure', async () => {
    const file =
      'indicator;district;period;numerator;denominator;value\nCS-IA14;angered;2027-Q4;8;10;\nIS-LONG;angered;1700-Q1;3;10;\nIS-LONG;atlantis;2027-Q4;3;10;\n';
    const result = await runImport(['--area', 'income_support'], 'mixed.csv', Buffer.from(file, 'utf8'));
    expect(result.status).toBe(1);
    expect(result.err.trim().split('\n')).toEqual([
      'line 2: CS-IA14 is an indicator of CHILD_SERVICES, not INCOME_SUPPORT: use --area CHILD_SERVICES',
      'line 3: period 1700-Q1 is before 2000, earlier than any figure of these indicators',
      'line 4: unknown district atlantis',
      'inserted 0, updated 0, refused 3 (3 rows are invalid, so nothing was stored)',
    ]);
    expect(await storedRows('2027-Q4')).toBe(0);
  });

  it('says the gateway is needed when it does not answer', async () => {
    const down = `http://127.0.0.1:${await freePort()}/graphql`;
    const target = path.join(dir, 'plain.csv');
    fs.writeFileSync(target, 'indicator,district,period,numerator,denominator,value\nIS-LONG,angered,2027-Q1,30,100,\n');
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/dist/import.js'), '--area', 'INCOME_SUPPORT', target], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: process.env.DATABASE_URL, GATEWAY_URL: down },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `import: cannot reach the gateway at ${down} to check district codes; start Samsyn (npm start) or set GATEWAY_URL`,
    );
  });
});

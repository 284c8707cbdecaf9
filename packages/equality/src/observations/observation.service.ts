import { ChangeType, recordChange } from '@samsyn/changes';
import { BadInputError, inTransaction, policy, type Db, type Principal } from '@samsyn/core';
import { recordAudit, type Area } from '@samsyn/area';
import type { FigureBreakdown } from '../disclosure/disclosure.service';
import { protectReported } from '../figures/figures.writer';
import { lockFiguresVersions } from '../periods/figures-version';
import type { ObservationRow } from './observation.row';
import { indicatorsOfArea } from '../indicators/indicator.service';
import { type Indicator, IndicatorKind } from '../indicators/indicator.types';
import { FIRST_PERIOD_YEAR, FIRST_YEAR, LAST_YEAR, periodicityOf, yearOf } from '../periods/period';
import { ReportResult, type ObservationInput } from './observation.types';

/** At most this many figures in one report; larger sets go through `npm run import`. */
export const MAX_REPORT_ROWS = 10_000;
const CHUNK = 5_000;

export interface RowProblem {
  row: number;
  indicator: string;
  district: string;
  period: string;
  problems: string[];
}

/** The largest count a figure can hold (PostgreSQL `integer`, as GraphQL's Int). */
export const MAX_COUNT = 2_147_483_647;

const isCount = (n: number | null | undefined): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= MAX_COUNT;

/**
 * The problems of every row of a report, each named (an empty list when all is well): unknown indicator or district, a period the
 * indicator is not reported by or one before any figure could exist, negative or missing counts, a numerator above its denominator, a
 * value where counts are expected (or the reverse), and the same figure twice.
 */
export function observationProblems(
  rows: ObservationInput[],
  indicators: Map<string, Indicator>,
  knownDistricts?: ReadonlySet<string>,
): RowProblem[] {
  const seen = new Set<string>();
  const found: RowProblem[] = [];
  rows.forEach((row, index) => {
    const problems: string[] = [];
    const indicator = indicators.get(row.indicator);
    if (!indicator) problems.push(`unknown indicator ${row.indicator}`);
    if (knownDistricts && !knownDistricts.has(row.district)) problems.push(`unknown district ${row.district}`);
    const periodicity = periodicityOf(row.period);
    // A well-formed period of a year before any figure (1700-Q1) is told as such, not as a format error.
    if (/^\d{4}\b/.test(row.period) && yearOf(row.period) < FIRST_PERIOD_YEAR)
      problems.push(`period ${row.period} is before ${FIRST_PERIOD_YEAR}, earlier than any figure of these indicators`);
    else if (!periodicity) problems.push(`period ${row.period} is not like 2026, 2026-Q3 or 2026-09 (years ${FIRST_YEAR}-${LAST_YEAR})`);
    else if (indicator && periodicity !== (indicator.periodicity as string))
      problems.push(`${indicator.code} is reported per ${indicator.periodicity.toLowerCase()}, not as ${row.period}`);
    if (indicator && (indicator.kind === IndicatorKind.PROPORTION || indicator.kind === IndicatorKind.RATE)) {
      if (row.value !== undefined && row.value !== null) problems.push(`${indicator.code} takes numerator and denominator, not a value`);
      if (!isCount(row.numerator)) problems.push(`numerator must be a count from 0 to ${MAX_COUNT}`);
      if (!isCount(row.denominator)) problems.push(`denominator must be a count from 0 to ${MAX_COUNT}`);
      if (isCount(row.numerator) && isCount(row.denominator) && row.numerator > row.denominator)
        problems.push(`numerator ${row.numerator} is above denominator ${row.denominator}`);
    } else if (indicator) {
      if (row.numerator !== undefined && row.numerator !== null)
        problems.push(`${indicator.code} takes a value (and the number of cases as denominator), not a numerator`);
      if (row.value === undefined || row.value === null || !Number.isFinite(row.value) || row.value < 0)
        problems.push('value must be a number of 0 or more');
      if (row.denominator !== undefined && row.denominator !== null && !isCount(row.denominator))
        problems.push(`denominator (number of cases) must be a count from 0 to ${MAX_COUNT}`);
    }
    const key = `${row.indicator}|${row.district}|${row.period}`;
    if (seen.has(key)) problems.push('the same indicator, district and period appear twice');
    seen.add(key);
    if (problems.length > 0) found.push({ row: index + 1, indicator: row.indicator, district: row.district, period: row.period, problems });
  });
  return found;
}

function refuse(problems: RowProblem[], total: number): never {
  const shown = problems.slice(0, 20).map((p) => `row ${p.row} (${p.indicator}, ${p.district}, ${p.period}): ${p.problems.join('; ')}`);
  const more = problems.length > 20 ? `; and ${problems.length - 20} more` : '';
  throw new BadInputError(`${problems.length} of ${total} rows are invalid, so nothing was stored: ${shown.join(' | ')}${more}.`, {
    rows: problems.slice(0, 1000),
  });
}

/**
 * Tallies an idempotent upsert whose statement ends in `RETURNING (xmax = 0) AS inserted` and updates
 * only rows that differ: returned rows are inserted or updated, the rest of `received` were unchanged.
 */
export function tally(received: number, returned: { inserted: boolean }[]): ReportResult {
  const inserted = returned.filter((row) => row.inserted).length;
  return Object.assign(new ReportResult(), {
    received,
    inserted,
    updated: returned.length - inserted,
    unchanged: received - returned.length,
  });
}

/** Orders rows by a key, so that every writer locks the same rows in the same order and none deadlocks another. */
export function inKeyOrder<T>(rows: readonly T[], key: (row: T) => string): T[] {
  return rows
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ row }) => row);
}

/** A figure as the writer stores it: checked already. */
export type CheckedObservation = Pick<ObservationInput, 'indicator' | 'district' | 'period' | 'numerator' | 'denominator' | 'value'>;

/** Stores reported figures as idempotent upserts; a report with one bad row stores nothing. The owner of `observation`. */
export class ObservationService {
  /**
   * @param breakdowns the breakdowns of the area's figures that other modules publish (disclosure control protects them
   * with the figures they add up to): those `equalityModule` was given, or none for an area without.
   */
  constructor(
    private readonly db: Db,
    private readonly breakdowns: readonly FigureBreakdown[],
  ) {}

  /** A district system's report for its own district (a row for any other district refuses the whole report). */
  async report(principal: Principal | null, area: Area, rows: ObservationInput[]): Promise<ReportResult> {
    const caller = policy.requireDistrictSystemFor(
      principal,
      rows.map((row) => row.district),
    );
    if (rows.length === 0) throw new BadInputError('The report is empty.');
    if (rows.length > MAX_REPORT_ROWS)
      throw new BadInputError(`A report holds at most ${MAX_REPORT_ROWS} rows; use the import for more.`, { rows: rows.length });
    return this.store(caller, area, rows);
  }

  /** Checks and stores figures for any known districts (the operator's import). */
  async store(
    actor: Principal,
    area: Area,
    rows: ObservationInput[],
    knownDistricts?: ReadonlySet<string>,
    onProgress?: (done: number) => void,
  ): Promise<ReportResult> {
    const indicators = new Map((await indicatorsOfArea(this.db, area)).map((indicator) => [indicator.code, indicator]));
    const problems = observationProblems(rows, indicators, knownDistricts);
    if (problems.length > 0) refuse(problems, rows.length);
    const report = { actor, area, rows, breakdowns: this.breakdowns };
    // A report beside others of its area waits for them in this process and is stored with them (see ReportQueue);
    // one inside a request's own transaction (an Idempotency-Key), and an import with its progress, on their own.
    if (this.db.queryRunner === undefined && onProgress === undefined) return reportQueue(this.db, area).add(report);
    const [summary] = await inTransaction(this.db, (tx) => storeReports(tx, [report], onProgress));
    return summary;
  }

  /**
   * Upserts checked figures inside the caller's transaction, in key order, changing only rows that differ;
   * the one place that writes `observation` (other modules' figures, such as disability's, come through here).
   */
  async write(actor: Principal, figures: readonly CheckedObservation[], onProgress?: (done: number) => void): Promise<ReportResult> {
    if (!this.db.queryRunner?.isTransactionActive) throw new Error('ObservationService.write runs inside the caller’s transaction');
    // The periods' figures versions before this transaction writes, read as their rows are locked (in period
    // order, as every writer locks them): a change committed by anyone else until this one commits waits, so
    // the stored comparisons of indicators this write leaves alone are current exactly when they match these.
    const versionsBefore = await lockFiguresVersions(this.db, [...new Set(figures.map((row) => row.period))]);
    const summary = await this.upsert(actor, figures, onProgress);
    // Every change of figures re-protects its periods before the transaction commits (breakdowns may change while sums do not).
    await protectReported(this.db, figures, versionsBefore, this.breakdowns);
    return summary;
  }

  /** The upserts of `write`, without its lock and protection (which the caller takes and makes). */
  async upsert(actor: Principal, figures: readonly CheckedObservation[], onProgress?: (done: number) => void): Promise<ReportResult> {
    const rows = inKeyOrder(figures, (row) => `${row.indicator}\u0000${row.district}\u0000${row.period}`);
    const returned: { inserted: boolean }[] = [];
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      const result: { inserted: boolean }[] = await this.db.query(
        `INSERT INTO observation AS o (indicator_code, district, period, numerator, denominator, value, reported_by)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::float8[], $7::text[])
         ON CONFLICT (indicator_code, district, period) DO UPDATE SET
           numerator = excluded.numerator, denominator = excluded.denominator, value = excluded.value,
           reported_at = now(), reported_by = excluded.reported_by
         WHERE (o.numerator, o.denominator, o.value) IS DISTINCT FROM (excluded.numerator, excluded.denominator, excluded.value)
         RETURNING (xmax = 0) AS inserted`,
        [
          chunk.map((row) => row.indicator),
          chunk.map((row) => row.district),
          chunk.map((row) => row.period),
          chunk.map((row) => row.numerator ?? null),
          chunk.map((row) => row.denominator ?? null),
          chunk.map((row) => row.value ?? null),
          chunk.map(() => actor.sub),
        ],
      );
      returned.push(...result);
      onProgress?.(Math.min(start + CHUNK, rows.length));
    }
    return tally(rows.length, returned);
  }

  /** Every figure of one indicator, all districts and periods: one statement. */
  async ofIndicator(code: string): Promise<ObservationRow[]> {
    return this.db.query(
      `SELECT indicator_code, district, period, numerator, denominator, value FROM observation WHERE indicator_code = $1 ORDER BY district, period`,
      [code],
    );
  }

  /** Every figure of the given periods, all indicators and districts: one statement. */
  async inPeriods(periods: readonly string[]): Promise<ObservationRow[]> {
    return this.db.query(
      `SELECT indicator_code, district, period, numerator, denominator, value FROM observation WHERE period = ANY($1) ORDER BY district`,
      [periods],
    );
  }
}

/** A checked report of figures: who reports, for which area, what. */
interface CheckedReport {
  actor: Principal;
  area: Area;
  rows: readonly CheckedObservation[];
  breakdowns: readonly FigureBreakdown[];
}

/**
 * Stores reports in the caller's transaction as if one had committed after the other: their periods locked once,
 * each report's figures upserted (and tallied) in turn, the periods protected and compared once for all of them,
 * and each report that changed something recorded as its own change and audit entry.
 */
async function storeReports(tx: Db, reports: readonly CheckedReport[], onProgress?: (done: number) => void): Promise<ReportResult[]> {
  const figures = reports.flatMap((report) => report.rows);
  const versionsBefore = await lockFiguresVersions(tx, [...new Set(figures.map((row) => row.period))]);
  // The reports of one queue are of one area, so of one module's breakdowns.
  const breakdowns = reports[0]?.breakdowns ?? [];
  const service = new ObservationService(tx, breakdowns);
  const summaries: ReportResult[] = [];
  for (const report of reports) summaries.push(await service.upsert(report.actor, report.rows, onProgress));
  // Every change of figures re-protects its periods before the transaction commits (breakdowns may change while sums do not).
  await protectReported(tx, figures, versionsBefore, breakdowns);
  for (const [index, { actor, area, rows }] of reports.entries()) {
    const summary = summaries[index];
    // A report that changes nothing leaves no trace in the audit log.
    if (summary.inserted + summary.updated === 0) continue;
    const districts = [...new Set(rows.map((row) => row.district))];
    const indicators = [...new Set(rows.map((row) => row.indicator))];
    const periods = [...new Set(rows.map((row) => row.period))];
    await recordChange(tx, {
      type: ChangeType.FIGURES_REPORTED,
      area,
      subjectIds: [...districts, ...indicators],
      // One district's report is that district's news; an import over many districts is the area's.
      districtCode: districts.length === 1 ? districts[0] : null,
      payload: { districts, indicators, periods, inserted: summary.inserted, updated: summary.updated },
    });
    await recordAudit(tx, actor, {
      action: 'reportObservations',
      entity: 'observations',
      entityId: districts.length === 1 ? districts[0] : `${districts.length} districts`,
      after: { ...summary, indicators, periods },
    });
  }
  return summaries;
}

/** At most this many reports are stored in one transaction, and at most this many figures (one large report may exceed it alone). */
const REPORTS_PER_TRANSACTION = 50;
const FIGURES_PER_TRANSACTION = MAX_REPORT_ROWS;

/**
 * The reports of one area waiting in this process. Reports of an area take turns on their periods' lock (the
 * last to commit must have seen the others' figures), and each holds it while its figures are protected and
 * compared: a dozen reports arriving together would each hold a pool connection while waiting (starving the
 * reads) and each redo the protection and comparisons of the same period. Here they wait without a connection,
 * and those that gathered while one transaction ran are stored together in the next (`storeReports`): one
 * lock, one protection, one commit. Replicas still take turns on the lock in PostgreSQL. When a shared
 * transaction fails, its reports are stored again one by one, so that one report's failure is its own. Its
 * statements are logged under the request of the report that began the transaction.
 */
class ReportQueue {
  private readonly waiting: (CheckedReport & { resolve(summary: ReportResult): void; reject(error: unknown): void })[] = [];
  private draining = false;

  constructor(private readonly db: Db) {}

  add(report: CheckedReport): Promise<ReportResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...report, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.waiting.length > 0) {
        let figures = 0;
        let count = 0;
        while (count < this.waiting.length && count < REPORTS_PER_TRANSACTION) {
          figures += this.waiting[count].rows.length;
          if (count > 0 && figures > FIGURES_PER_TRANSACTION) break;
          count++;
        }
        await this.store(this.waiting.splice(0, count));
      }
    } finally {
      this.draining = false;
    }
  }

  private async store(batch: ReturnType<ReportQueue['waiting']['splice']>): Promise<void> {
    try {
      const summaries = await inTransaction(this.db, (tx) => storeReports(tx, batch));
      batch.forEach((report, index) => report.resolve(summaries[index]));
    } catch (error) {
      if (batch.length === 1) batch[0].reject(error);
      else for (const report of batch) await this.store([report]);
    }
  }
}

const queues = new WeakMap<object, Map<Area, ReportQueue>>();

/** The queue of an area's reports on a data source (one per process and database). */
function reportQueue(db: Db, area: Area): ReportQueue {
  let byArea = queues.get(db.connection);
  if (!byArea) queues.set(db.connection, (byArea = new Map<Area, ReportQueue>()));
  let queue = byArea.get(area);
  if (!queue) byArea.set(area, (queue = new ReportQueue(db.connection.manager)));
  return queue;
}

import { ChangeType, recordChange } from '@samsyn/changes';
import { BadInputError, inTransaction, policy, type Db, type Principal } from '@samsyn/core';
import {
  CITY,
  inKeyOrder,
  MAX_COUNT,
  ObservationService,
  periodicityOf,
  storedProtection,
  tally,
  type FigureBreakdown,
  type ReportResult,
} from '@samsyn/equality';
import { Area, recordAudit } from '@samsyn/area';
import { Intervention, InterventionBreakdown, type DecisionsInput, type Law } from './intervention.types';

/** The indicator the breakdown adds up to. */
export const NOT_CARRIED_OUT_INDICATOR = 'DI-NOTEX3M';
/** A quarter like 2026-Q3, within the years every period takes. */
const isQuarter = (period: string) => periodicityOf(period) === 'QUARTER';

interface InterventionRow {
  code: string;
  law: Law;
  position: number;
  provision: string;
  name: string;
  description: string;
  guideline: string | null;
}

const toIntervention = (row: InterventionRow) =>
  Object.assign(new Intervention(), {
    code: row.code,
    law: row.law,
    position: row.position,
    provision: row.provision,
    name: row.name,
    description: row.description,
    guidelineSlug: row.guideline,
  });

/**
 * Decisions per intervention add up to each district's DI-NOTEX3M figure, so the equality package's
 * disclosure control protects them together with it.
 */
export const notCarriedOutBreakdown: FigureBreakdown = {
  indicator: NOT_CARRIED_OUT_INDICATOR,
  cells: (em, periods) =>
    em.query(
      `SELECT district, period, intervention_code AS part, not_carried_out AS numerator, decisions AS denominator
       FROM decision_not_carried_out WHERE period = ANY($1)`,
      [periods],
    ),
};

/** The problems of a report of decisions not carried out, each named (an empty list when all is well). */
export function decisionsProblems(rows: DecisionsInput[], knownInterventions: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const own: string[] = [];
    if (!knownInterventions.has(row.intervention)) own.push(`unknown intervention ${row.intervention}`);
    if (!isQuarter(row.period)) own.push(`period ${row.period} is not a quarter like 2026-Q3`);
    if (!Number.isInteger(row.decisions) || row.decisions < 0 || row.decisions > MAX_COUNT)
      own.push(`decisions must be a count from 0 to ${MAX_COUNT}`);
    if (!Number.isInteger(row.notCarriedOut) || row.notCarriedOut < 0) own.push('notCarriedOut must be a count of 0 or more');
    if (row.notCarriedOut > row.decisions) own.push(`notCarriedOut ${row.notCarriedOut} is above decisions ${row.decisions}`);
    const key = `${row.intervention}|${row.district}|${row.period}`;
    if (seen.has(key)) own.push('the same intervention, district and quarter appear twice');
    seen.add(key);
    if (own.length) problems.push(`row ${i + 1} (${row.intervention}, ${row.district}, ${row.period}): ${own.join('; ')}`);
  });
  if (rows.length === 0) problems.push('the report is empty');
  return problems;
}

/** The intervention catalogue and the reporting of decisions not carried out in time. */
export class InterventionService {
  constructor(private readonly db: Db) {}

  /** The catalogue in law order: LSS 9 § 1–10, then SoL. */
  async catalogue(law?: Law | null): Promise<Intervention[]> {
    const rows: InterventionRow[] = await this.db.query(
      `SELECT * FROM intervention WHERE $1::text IS NULL OR law = $1 ORDER BY law = 'SOL', position`,
      [law ?? null],
    );
    return rows.map(toIntervention);
  }

  /** Decisions per intervention in a quarter, city-wide or for one district; hidden where the period's disclosure protection says. */
  async breakdown(period: string, district?: string | null): Promise<InterventionBreakdown[]> {
    if (!isQuarter(period)) throw new BadInputError(`period must be a quarter like 2026-Q3, not ${period}.`, { period });
    const [rows, protection] = await Promise.all([
      this.db.query<(InterventionRow & { decisions: number; not_carried_out: number })[]>(
        `SELECT i.*, sum(r.decisions)::int AS decisions, sum(r.not_carried_out)::int AS not_carried_out
         FROM intervention i JOIN decision_not_carried_out r ON r.intervention_code = i.code
         WHERE r.period = $1 AND ($2::text IS NULL OR r.district = $2)
         GROUP BY i.code ORDER BY i.law = 'SOL', i.position`,
        [period, district ?? null],
      ),
      storedProtection(this.db, [period]),
    ]);
    const cells = protection.get(period);
    return rows.map((row) => {
      // Protected with DI-NOTEX3M, which the cells add up to: small cells and those that would give one away are hidden.
      const suppressed = !cells || cells.cell(NOT_CARRIED_OUT_INDICATOR, district ?? CITY, row.code).hidden;
      return Object.assign(new InterventionBreakdown(), {
        intervention: toIntervention(row),
        period,
        suppressed,
        decisions: suppressed ? null : row.decisions,
        notCarriedOut: suppressed ? null : row.not_carried_out,
        value: suppressed || row.decisions === 0 ? null : row.not_carried_out / row.decisions,
      });
    });
  }

  /**
   * A district system's quarterly figures per intervention; the district's DI-NOTEX3M figure for the
   * quarter is set to their sum in the same transaction, so the indicator and its breakdown agree.
   */
  async report(principal: Principal | null, rows: DecisionsInput[]): Promise<ReportResult> {
    const caller = policy.requireDistrictSystemFor(
      principal,
      rows.map((row) => row.district),
    );
    const known = new Set((await this.catalogue()).map((intervention) => intervention.code));
    const problems = decisionsProblems(rows, known);
    if (problems.length > 0)
      throw new BadInputError(`${problems.length} rows are invalid, so nothing was stored: ${problems.join(' | ')}.`, { problems });

    const sorted = inKeyOrder(rows, (row) => `${row.intervention}\u0000${row.district}\u0000${row.period}`);
    return inTransaction(this.db, async (tx) => {
      const result: { inserted: boolean }[] = await tx.query(
        `INSERT INTO decision_not_carried_out AS o (intervention_code, district, period, decisions, not_carried_out, reported_by)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[])
         ON CONFLICT (intervention_code, district, period) DO UPDATE SET decisions = excluded.decisions, not_carried_out = excluded.not_carried_out,
           reported_at = now(), reported_by = excluded.reported_by
         WHERE (o.decisions, o.not_carried_out) IS DISTINCT FROM (excluded.decisions, excluded.not_carried_out)
         RETURNING (xmax = 0) AS inserted`,
        [
          sorted.map((row) => row.intervention),
          sorted.map((row) => row.district),
          sorted.map((row) => row.period),
          sorted.map((row) => row.decisions),
          sorted.map((row) => row.notCarriedOut),
          sorted.map(() => caller.sub),
        ],
      );
      const summary = tally(rows.length, result);
      const sums: { district: string; period: string; not_carried_out: number; decisions: number }[] = await tx.query(
        `SELECT r.district, r.period, sum(r.not_carried_out)::int AS not_carried_out, sum(r.decisions)::int AS decisions
         FROM decision_not_carried_out r
         WHERE (r.district, r.period) IN (SELECT * FROM unnest($1::text[], $2::text[]))
         GROUP BY r.district, r.period`,
        [rows.map((row) => row.district), rows.map((row) => row.period)],
      );
      // The indicator's figures through the equality package's writer, in this same transaction.
      const figures = await new ObservationService(tx, [notCarriedOutBreakdown]).write(
        caller,
        sums.map((sum) => ({
          indicator: NOT_CARRIED_OUT_INDICATOR,
          district: sum.district,
          period: sum.period,
          numerator: sum.not_carried_out,
          denominator: sum.decisions,
        })),
      );
      // A report that changes nothing leaves no trace in the audit log.
      if (summary.inserted + summary.updated + figures.inserted + figures.updated === 0) return summary;
      const districts = [...new Set(rows.map((row) => row.district))];
      await recordChange(tx, {
        type: ChangeType.FIGURES_REPORTED,
        area: Area.DISABILITY,
        subjectIds: [...districts, NOT_CARRIED_OUT_INDICATOR],
        districtCode: districts.length === 1 ? districts[0] : null,
        payload: {
          districts,
          indicators: [NOT_CARRIED_OUT_INDICATOR],
          periods: [...new Set(rows.map((row) => row.period))],
          inserted: figures.inserted,
          updated: figures.updated,
        },
      });
      await recordAudit(tx, caller, {
        action: 'reportDecisionsNotCarriedOut',
        entity: 'decisions',
        entityId: [...new Set(rows.map((r) => r.district))].join(','),
        after: summary,
      });
      return summary;
    });
  }
}

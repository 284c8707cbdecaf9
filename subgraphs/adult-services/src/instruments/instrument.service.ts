import { BadInputError, inTransaction, policy, type Db, type Principal } from '@samsyn/core';
import { inKeyOrder, tally, type ReportResult } from '@samsyn/equality';
import { recordAudit } from '@samsyn/area';
import { Instrument, InstrumentCoverage, InstrumentUse, type InstrumentKind, type InstrumentUseInput } from './instrument.types';

/** The problems of a report of instrument use, each named (an empty list when all is well). */
export function instrumentUseProblems(rows: InstrumentUseInput[], knownInstruments: ReadonlySet<string>): string[] {
  const problems = rows.flatMap((row, i) => {
    const own = [
      ...(knownInstruments.has(row.instrument) ? [] : [`unknown instrument ${row.instrument}`]),
      ...(Number.isInteger(row.trainedStaff) && row.trainedStaff >= 0 ? [] : ['trainedStaff must be a count of 0 or more']),
    ];
    return own.length ? [`row ${i + 1} (${row.instrument}): ${own.join('; ')}`] : [];
  });
  if (rows.length === 0) problems.push('the report is empty');
  if (new Set(rows.map((row) => `${row.district}|${row.instrument}`)).size !== rows.length) problems.push('an instrument appears twice');
  return problems;
}

interface UseRow {
  instrument_code: string;
  district: string;
  implemented: boolean;
  trained_staff: number;
}

/** The instrument catalogue and the districts' reports of what they use. */
export class InstrumentService {
  constructor(private readonly db: Db) {}

  async catalogue(): Promise<Instrument[]> {
    const rows: {
      code: string;
      name: string;
      kind: InstrumentKind;
      purpose: string;
      target_group: string;
      method_document: string | null;
    }[] = await this.db.query(`SELECT * FROM instrument ORDER BY position`);
    return rows.map((row) =>
      Object.assign(new Instrument(), {
        code: row.code,
        name: row.name,
        kind: row.kind,
        purpose: row.purpose,
        targetGroup: row.target_group,
        methodDocument: row.method_document,
      }),
    );
  }

  /** Coverage of every instrument: one statement for the uses. */
  async coverage(): Promise<Map<string, InstrumentCoverage>> {
    const rows: UseRow[] = await this.db.query(
      `SELECT instrument_code, district, implemented, trained_staff FROM instrument_use ORDER BY district`,
    );
    const reporting = [...new Set(rows.map((row) => row.district))];
    const result = new Map<string, InstrumentCoverage>();
    for (const { code } of await this.catalogue()) {
      const own = rows.filter((row) => row.instrument_code === code);
      const using = own
        .filter((row) => row.implemented)
        .map((row) =>
          Object.assign(new InstrumentUse(), { district: { code: row.district }, implemented: true, trainedStaff: row.trained_staff }),
        );
      const usingCodes = new Set(using.map((use) => use.district.code));
      result.set(
        code,
        Object.assign(new InstrumentCoverage(), {
          using,
          lacking: reporting.filter((district) => !usingCodes.has(district)).map((district) => ({ code: district })),
          trainedStaff: own.reduce((sum, row) => sum + row.trained_staff, 0),
        }),
      );
    }
    return result;
  }

  /** A district system reports which instruments its district uses; one bad row stores nothing. */
  async report(principal: Principal | null, rows: InstrumentUseInput[]): Promise<ReportResult> {
    const caller = policy.requireDistrictSystemFor(
      principal,
      rows.map((row) => row.district),
    );
    const known = new Set((await this.catalogue()).map((instrument) => instrument.code));
    const problems = instrumentUseProblems(rows, known);
    if (problems.length > 0)
      throw new BadInputError(`The report is not valid, so nothing was stored: ${problems.join(' | ')}.`, { problems });
    const sorted = inKeyOrder(rows, (row) => `${row.instrument}\u0000${row.district}`);
    return inTransaction(this.db, async (tx) => {
      const result: { inserted: boolean }[] = await tx.query(
        `INSERT INTO instrument_use AS u (instrument_code, district, implemented, trained_staff, reported_by)
         SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::int[], $5::text[])
         ON CONFLICT (instrument_code, district) DO UPDATE SET implemented = excluded.implemented, trained_staff = excluded.trained_staff,
           reported_at = now(), reported_by = excluded.reported_by
         WHERE (u.implemented, u.trained_staff) IS DISTINCT FROM (excluded.implemented, excluded.trained_staff)
         RETURNING (xmax = 0) AS inserted`,
        [
          sorted.map((r) => r.instrument),
          sorted.map((r) => r.district),
          sorted.map((r) => r.implemented),
          sorted.map((r) => r.trainedStaff),
          sorted.map(() => caller.sub),
        ],
      );
      const summary = tally(rows.length, result);
      if (summary.inserted + summary.updated === 0) return summary;
      await recordAudit(tx, caller, {
        action: 'reportInstrumentUse',
        entity: 'instrumentUse',
        entityId: caller.district as string,
        after: summary,
      });
      return summary;
    });
  }
}

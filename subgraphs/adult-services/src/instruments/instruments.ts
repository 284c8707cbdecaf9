import type { DataSource } from 'typeorm';
import { Directive, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BadInputError, inTransaction, policy, type Db, type Principal } from '@samsyn/core';
import { inKeyOrder, tally, type ReportResult } from '@samsyn/equality';
import { AreaDistrict, recordAudit, type DistrictKey } from '@samsyn/area';
import { demoInstrumentUse, INSTRUMENTS } from '../../seed/instruments';

export enum InstrumentKind {
  SCREENING = 'SCREENING',
  ASSESSMENT = 'ASSESSMENT',
  INTERVENTION = 'INTERVENTION',
  CONVERSATION = 'CONVERSATION',
}
registerEnumType(InstrumentKind, {
  name: 'InstrumentKind',
  description: 'What an instrument is for.',
  valuesConfig: {
    SCREENING: { description: 'A short screening for a problem (e.g. AUDIT, DUDIT).' },
    ASSESSMENT: { description: 'A structured assessment of needs (e.g. ASI).' },
    INTERVENTION: { description: 'A treatment or support method.' },
    CONVERSATION: { description: 'A structured conversation, e.g. about violence (FREDA).' },
  },
});

@ObjectType({ description: 'An assessment instrument or method used in adult services.' })
@Directive('@cacheControl(maxAge: 300)')
export class Instrument {
  @Field({ description: 'Stable code, e.g. "ASI".' })
  code!: string;

  @Field({ description: 'The full name.' })
  name!: string;

  @Field(() => InstrumentKind, { description: 'What it is for.' })
  kind!: InstrumentKind;

  @Field({ description: 'What it is used for, in Swedish.' })
  purpose!: string;

  @Field({ description: 'Målgrupp: the people it is used with.' })
  targetGroup!: string;

  /** Slug of the METHOD document that describes it. */
  methodDocument!: string | null;
}

@ObjectType({ description: "A district's use of an instrument." })
export class InstrumentUse {
  @Field(() => AreaDistrict(), { description: 'The district.' })
  district!: DistrictKey;

  @Field({ description: 'Whether the district works with it, or only has staff trained in it.' })
  implemented!: boolean;

  @Field(() => Int, { description: 'Staff trained in it.' })
  trainedStaff!: number;
}

@ObjectType({ description: 'Which districts use an instrument, and which lack it, among the districts that report their instruments.' })
export class InstrumentCoverage {
  @Field(() => [InstrumentUse], { description: 'The districts that report using it.' })
  using!: InstrumentUse[];

  @Field(() => [AreaDistrict()], { description: 'Districts that report not using it, or report other instruments but not this one.' })
  lacking!: DistrictKey[];

  @Field(() => Int, { description: 'Staff trained in it, over all districts.' })
  trainedStaff!: number;
}

@InputType({ description: "A district's use of one instrument." })
export class InstrumentUseInput {
  @Field({ description: "The district's code: the caller's own." })
  district!: string;

  @Field({ description: 'Instrument code, e.g. "ASI".' })
  instrument!: string;

  @Field({ description: 'Whether the district works with it.' })
  implemented!: boolean;

  @Field(() => Int, { description: 'Staff trained in it (0 or more).' })
  trainedStaff!: number;
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
    const problems = rows.flatMap((row, i) => {
      const own = [
        ...(known.has(row.instrument) ? [] : [`unknown instrument ${row.instrument}`]),
        ...(Number.isInteger(row.trainedStaff) && row.trainedStaff >= 0 ? [] : ['trainedStaff must be a count of 0 or more']),
      ];
      return own.length ? [`row ${i + 1} (${row.instrument}): ${own.join('; ')}`] : [];
    });
    if (rows.length === 0) problems.push('the report is empty');
    if (new Set(rows.map((row) => `${row.district}|${row.instrument}`)).size !== rows.length) problems.push('an instrument appears twice');
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

/** Loads the catalogue (new codes only) and, once, the demo districts' use. */
export async function seedInstruments(db: DataSource): Promise<void> {
  for (const [position, item] of INSTRUMENTS.entries()) {
    await db.query(
      `INSERT INTO instrument (code, position, name, kind, purpose, target_group, method_document) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING`,
      [item.code, position + 1, item.name, item.kind, item.purpose, item.targetGroup, item.methodDocument],
    );
  }
  const [{ present }] = await db.query(`SELECT exists(SELECT 1 FROM instrument_use) AS present`);
  if (present) return;
  const rows = demoInstrumentUse();
  await db.query(
    `INSERT INTO instrument_use (instrument_code, district, implemented, trained_staff, reported_by)
     SELECT *, 'samsyn-demo-data' FROM unnest($1::text[], $2::text[], $3::boolean[], $4::int[])`,
    [rows.map((r) => r.instrument), rows.map((r) => r.district), rows.map((r) => r.implemented), rows.map((r) => r.trainedStaff)],
  );
}

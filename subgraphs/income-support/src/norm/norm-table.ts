import { parse } from 'csv-parse/sync';

/** The national norm for one year as published in a guideline version's details (`details.nationalNorm`). */
export interface NormTable {
  year: number;
  /** Personal amounts for children by age band; `withFreeLunch` where a lower amount applies. */
  children: { fromAge: number; toAge: number; amount: number; withFreeLunch?: number }[];
  /** Personal amounts for adults: living alone, or a couple together. */
  adults: { single: number; couple: number };
  /** Common household costs by number of members, "1" to "7". */
  householdCommon: Record<string, number>;
  /** The source provision. */
  source: string;
}

/** One row of the norm CSV: category, group, the amount, and the lower amount with free lunch (empty when none). */
interface NormCsvRow {
  category: string;
  group: string;
  amount: string;
  withFreeLunch: string;
}

/** Reads the norm CSV (category,group,amount,amount with free lunch; a header line first) into a norm table. */
export function normTableFromCsv(csv: string, year: number, source: string): NormTable {
  const rows: NormCsvRow[] = parse(csv, {
    columns: ['category', 'group', 'amount', 'withFreeLunch'],
    fromLine: 2,
    skipEmptyLines: true,
    trim: true,
    bom: true,
  });
  const table: NormTable = { year, children: [], adults: { single: 0, couple: 0 }, householdCommon: {}, source };
  for (const { category, group, amount, withFreeLunch: lower } of rows) {
    if (category === 'personal_child') {
      const ages = /^(\d+)(?:-(\d+))? år$/.exec(group);
      if (!ages) throw new Error(`unreadable age band "${group}"`);
      table.children.push({
        fromAge: Number(ages[1]),
        toAge: Number(ages[2] ?? ages[1]),
        amount: Number(amount),
        ...(lower ? { withFreeLunch: Number(lower) } : {}),
      });
    } else if (category === 'personal_adult') {
      if (/^ensamstående/i.test(group)) table.adults.single = Number(amount);
      else table.adults.couple = Number(amount);
    } else if (category === 'household_common') {
      table.householdCommon[String(parseInt(group, 10))] = Number(amount);
    }
  }
  return table;
}

/** A norm table as the API takes it (`NormTableInput`): adults and household amounts as separate fields and a list. */
export function normTableFromInput(input: {
  year: number;
  children: { fromAge: number; toAge: number; amount: number; withFreeLunch?: number | null }[];
  adultSingle: number;
  adultCouple: number;
  householdCommon: number[];
  source: string;
}): NormTable {
  return {
    year: input.year,
    children: input.children.map((band) => ({
      fromAge: band.fromAge,
      toAge: band.toAge,
      amount: band.amount,
      ...(band.withFreeLunch ? { withFreeLunch: band.withFreeLunch } : {}),
    })),
    adults: { single: input.adultSingle, couple: input.adultCouple },
    householdCommon: Object.fromEntries(input.householdCommon.map((amount, i) => [String(i + 1), amount])),
    source: input.source,
  };
}

/** What is missing or wrong in a norm table, so that a broken one is never used to compute. */
export function normTableProblems(table: NormTable | undefined): string[] {
  if (!table) return ['the version has no national norm table'];
  const problems: string[] = [];
  if (!Number.isInteger(table.year)) problems.push('year is missing');
  if (!(table.adults?.single > 0) || !(table.adults?.couple > 0)) problems.push('the adult amounts are missing');
  const ages = new Set<number>();
  for (const band of table.children ?? []) for (let age = band.fromAge; age <= band.toAge; age++) ages.add(age);
  for (let age = 0; age <= 20; age++) if (!ages.has(age)) problems.push(`no child amount for age ${age}`);
  for (let size = 1; size <= 7; size++)
    if (!(table.householdCommon?.[String(size)] > 0)) problems.push(`no common amount for ${size} persons`);
  return problems;
}

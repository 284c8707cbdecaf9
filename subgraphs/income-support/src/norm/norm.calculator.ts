import { BadInputError } from '@samsyn/core';
import type { NormTable } from './norm-table';

export interface Household {
  /** 1: living alone; 2: a couple living together. */
  adults: number;
  children: { age: number; freeLunch?: boolean | null }[];
}

export interface NormLineValue {
  label: string;
  kind: 'ADULT' | 'CHILD' | 'HOUSEHOLD';
  age: number | null;
  amount: number;
}

/** The oldest age the norm counts as a child (19–20 year olds still at school). */
export const OLDEST_CHILD = 20;

/** Names every problem with a household, in one BAD_USER_INPUT error. */
export function checkHousehold(household: Household): void {
  const problems: string[] = [];
  if (household.adults !== 1 && household.adults !== 2)
    problems.push(`adults must be 1 (living alone) or 2 (a couple), not ${household.adults}`);
  household.children.forEach((child, i) => {
    if (!Number.isInteger(child.age) || child.age < 0)
      problems.push(`child ${i + 1}: age must be a whole number of 0 or more, not ${child.age}`);
    else if (child.age > OLDEST_CHILD) problems.push(`child ${i + 1}: at ${child.age} the norm counts a person as an adult, not a child`);
  });
  if (problems.length > 0) throw new BadInputError(`The household is not valid: ${problems.join('; ')}.`, { problems });
}

/**
 * The national norm for a household per month: personal amounts for every member plus the household's
 * common costs (SoF 12 kap. 2 §; over seven members, each further member adds the difference between
 * six and seven, 12 kap. 3 §). The same household gives the same amount in every district.
 */
export function calculateNorm(table: NormTable, household: Household): { total: number; lines: NormLineValue[] } {
  checkHousehold(household);
  const lines: NormLineValue[] = [
    household.adults === 1
      ? { label: 'Ensamstående vuxen', kind: 'ADULT', age: null, amount: table.adults.single }
      : { label: 'Sambo/makar (två vuxna)', kind: 'ADULT', age: null, amount: table.adults.couple },
  ];
  for (const child of household.children) {
    const band = table.children.find((candidate) => child.age >= candidate.fromAge && child.age <= candidate.toAge);
    if (!band) throw new BadInputError(`The ${table.year} norm has no amount for a child of ${child.age}.`);
    const reduced = child.freeLunch && band.withFreeLunch !== undefined;
    const ages = band.fromAge === band.toAge ? `${band.fromAge} år` : `${band.fromAge}–${band.toAge} år`;
    lines.push({
      label: `Barn ${child.age} år (${ages}${reduced ? ', lunch i förskola/skola fem dagar i veckan' : ''})`,
      kind: 'CHILD',
      age: child.age,
      amount: reduced ? (band.withFreeLunch as number) : band.amount,
    });
  }
  const members = household.adults + household.children.length;
  const common = table.householdCommon;
  const amount = members <= 7 ? common[String(members)] : common['7'] + (members - 7) * (common['7'] - common['6']);
  lines.push({
    label: `Gemensamma hushållskostnader, ${members} ${members === 1 ? 'person' : 'personer'}`,
    kind: 'HOUSEHOLD',
    age: null,
    amount,
  });
  return { total: lines.reduce((sum, line) => sum + line.amount, 0), lines };
}

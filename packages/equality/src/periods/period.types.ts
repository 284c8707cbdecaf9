import { GraphQLScalarType, Kind, print } from 'graphql';
import { BadInputError } from '@samsyn/core';
import { FIRST_YEAR, LAST_YEAR, periodicityOf } from './period';

function checkedPeriod(value: unknown): string {
  if (typeof value !== 'string' || !periodicityOf(value)) {
    throw new BadInputError(`${JSON.stringify(value)} is not a period: write a year (2026), a quarter (2026-Q3) or a month (2026-09).`, {
      period: value,
    });
  }
  return value;
}

/** The `Period` scalar: a period string that is checked wherever it enters or leaves the API. */
export const PeriodScalar = new GraphQLScalarType<string, string>({
  name: 'Period',
  description: `A reporting period: a year (\`2026\`), a quarter (\`2026-Q3\`) or a month (\`2026-09\`), of a year from ${FIRST_YEAR} to ${LAST_YEAR}. Anything else is refused before the operation runs: with BAD_USER_INPUT when sent as a variable, GRAPHQL_VALIDATION_FAILED when written into the query.`,
  serialize(value) {
    // A malformed period on the way out is the server's fault, not the client's: no BAD_USER_INPUT here.
    if (typeof value !== 'string' || !periodicityOf(value)) throw new Error(`not a period: ${JSON.stringify(value)}`);
    return value;
  },
  parseValue: checkedPeriod,
  parseLiteral(node) {
    if (node.kind !== Kind.STRING) throw new BadInputError(`A period is a string such as "2026-Q3", not ${print(node)}.`);
    return checkedPeriod(node.value);
  },
});

import { GraphQLError, GraphQLScalarType } from 'graphql';
import { GraphQLDate as BaseGraphQLDate } from 'graphql-scalars';

// Made once: toLocaleDateString with options builds a formatter per call (0.4 ms, on every request's context).
const SWEDISH_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

// Sweden's offsets from UTC are whole hours: its date changes only when a UTC minute begins.
let lastMinute = NaN;
let lastDay = '';

/** Today's date in Sweden as YYYY-MM-DD: municipal deadlines count Swedish calendar days. */
export function swedishToday(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDay = SWEDISH_DAY.format(now);
    lastMinute = minute;
  }
  return lastDay;
}

/** Milliseconds in a calendar day (UTC days: no daylight-saving shifts). */
export const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A GraphQL Date (parsed to a JS Date at UTC midnight) as YYYY-MM-DD. */
export function isoDate(date: Date | string): string {
  return typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10);
}

/** The calendar days Samsyn takes: a municipal document or deadline outside these is a typing mistake. */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2999-12-31';

function withinRange(value: unknown): unknown {
  if (value instanceof Date) {
    const day = isoDate(value);
    if (day < FIRST_DAY || day > LAST_DAY) throw new GraphQLError(`Date must be from ${FIRST_DAY} to ${LAST_DAY}, not ${day}.`);
  }
  return value;
}

/**
 * graphql-scalars' `Date` (exact YYYY-MM-DD, real calendar days), refusing days outside
 * FIRST_DAY–LAST_DAY at the boundary: PostgreSQL has no year 0, and no deadline lies in year 9999.
 */
export const GraphQLDate = new GraphQLScalarType({
  ...BaseGraphQLDate.toConfig(),
  parseValue: (value) => withinRange(BaseGraphQLDate.parseValue(value)),
  parseLiteral: (ast, variables) => withinRange(BaseGraphQLDate.parseLiteral(ast, variables)),
});

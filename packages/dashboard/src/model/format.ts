import type { FunnelPosition, IndicatorKind, LimitBasis, Trend } from '../gql/graphql';

const decimals = (digits: number) => new Intl.NumberFormat('sv-SE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const whole = new Intl.NumberFormat('sv-SE');

/** What the plot and the tables need to know of an indicator to show its values. */
export interface IndicatorUnit {
  kind: IndicatorKind;
  unit: string;
}

/** An indicator's value in its unit: proportions as per cent, rates and values with their unit. */
export function formatValue(value: number | null | undefined, indicator: IndicatorUnit): string {
  if (value === null || value === undefined) return '–';
  if (indicator.kind === 'PROPORTION') return `${decimals(1).format(value * 100)} %`;
  return `${decimals(1).format(value)} ${indicator.unit}`;
}

/** The same, without the unit (axis ticks). */
export function formatTick(value: number, indicator: IndicatorUnit): string {
  if (indicator.kind === 'PROPORTION') return `${whole.format(Math.round(value * 1000) / 10)} %`;
  return whole.format(Math.round(value * 10) / 10);
}

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : whole.format(value);
}

export const POSITION_NAMES: Record<FunnelPosition, string> = {
  INSIDE: 'Inom gränserna',
  ABOVE_95: 'Över 95 %-gränsen',
  ABOVE_99_8: 'Över 99,8 %-gränsen',
  BELOW_95: 'Under 95 %-gränsen',
  BELOW_99_8: 'Under 99,8 %-gränsen',
};

/** Positions in a spread band (medians and means): where a district lies among the others, no claim about chance. */
export const SPREAD_POSITION_NAMES: Record<FunnelPosition, string> = {
  INSIDE: 'Inom spridningsbandet',
  ABOVE_95: 'Över det inre spridningsbandet',
  ABOVE_99_8: 'Över det yttre spridningsbandet',
  BELOW_95: 'Under det inre spridningsbandet',
  BELOW_99_8: 'Under det yttre spridningsbandet',
};

/** Proportions and rates have chance limits; medians and means a spread band. */
export const isCounted = (kind: IndicatorKind): boolean => kind === 'PROPORTION' || kind === 'RATE';

/** The names of positions for a comparison's kind of limits. */
export const positionNames = (basis: LimitBasis): Record<FunnelPosition, string> =>
  basis === 'SPREAD' ? SPREAD_POSITION_NAMES : POSITION_NAMES;

export const TREND_NAMES: Record<Trend, string> = {
  RISING: 'Stigande',
  FALLING: 'Fallande',
  STABLE: 'Ingen säkerställd förändring',
  UNKNOWN: 'Okänd',
};

export const KIND_NAMES: Record<string, string> = { ROUTINE: 'Rutin', GUIDELINE: 'Riktlinje', METHOD: 'Metod' };

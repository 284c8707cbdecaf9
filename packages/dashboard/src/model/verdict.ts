import type { Direction, FunnelPosition, LimitBasis } from '../gql/graphql';

/** How a position reads for the reader: better or worse where the indicator has a direction, else higher or lower. */
export type Verdict = 'better' | 'worse' | 'higher' | 'lower' | 'inside';

/** The verdict of a district's position on an indicator with this direction. */
export function verdictOf(position: FunnelPosition, direction: Direction): Verdict {
  if (position === 'INSIDE') return 'inside';
  const above = position === 'ABOVE_95' || position === 'ABOVE_99_8';
  if (direction === 'HIGHER_IS_BETTER') return above ? 'better' : 'worse';
  if (direction === 'LOWER_IS_BETTER') return above ? 'worse' : 'better';
  return above ? 'higher' : 'lower';
}

export const VERDICT_WORDS: Record<Verdict, string> = {
  better: 'Bättre än staden',
  worse: 'Sämre än staden',
  higher: 'Högre än staden',
  lower: 'Lägre än staden',
  inside: 'Ingen säkerställd skillnad mot staden',
};

/** Which limit a position passes, in words: "utanför 99,8 %-gränsen", or the spread band for medians and means. */
export function limitPassed(position: FunnelPosition, basis: LimitBasis): string {
  const outer = position === 'ABOVE_99_8' || position === 'BELOW_99_8';
  if (basis === 'SPREAD') {
    if (position === 'INSIDE') return 'inom spridningsbandet';
    return outer ? 'utanför det yttre spridningsbandet' : 'utanför det inre spridningsbandet';
  }
  if (position === 'INSIDE') return 'inom gränserna';
  return outer ? 'utanför 99,8 %-gränsen' : 'utanför 95 %-gränsen';
}

/** The whole position in words: "Sämre än staden (utanför 99,8 %-gränsen)". */
export function positionText(position: FunnelPosition, direction: Direction, basis: LimitBasis): string {
  const verdict = verdictOf(position, direction);
  if (verdict === 'inside') return basis === 'SPREAD' ? 'Inom spridningsbandet' : 'Inom gränserna';
  return `${VERDICT_WORDS[verdict]} (${limitPassed(position, basis)})`;
}

/** What a good value is, in a few words. */
export const GOOD_VALUE: Record<Direction, string> = {
  HIGHER_IS_BETTER: 'Högt värde är bra',
  LOWER_IS_BETTER: 'Lågt värde är bra',
  NEITHER: 'Varken högt eller lågt är bra i sig',
};

/** What a good value is, explained. */
export const GOOD_VALUE_TEXT: Record<Direction, string> = {
  HIGHER_IS_BETTER: 'Ett högre värde är bättre: en stadsdel över staden ligger bättre till, under staden sämre.',
  LOWER_IS_BETTER: 'Ett lägre värde är bättre: en stadsdel under staden ligger bättre till, över staden sämre.',
  NEITHER:
    'Inget håll är bättre i sig: ett högre eller lägre värde än stadens är en skillnad att förstå (till exempel behov eller arbetssätt), inte ett betyg.',
};

import { request } from '../api/client';
import { PositionsDocument, type Overdispersion, type PositionFieldsFragment } from '../gql/graphql';
import { fieldOf, onlyArea } from './areas';
import type { Catalogue } from './catalogue';

/**
 * How the overview and a district's page judge positions, as the funnel plot does by default: limits widened where
 * overdispersion is significant, flags also adjusted for multiple testing (Benjamini–Hochberg).
 */
export const PAGE_OVERDISPERSION: Overdispersion = 'MULTIPLICATIVE';

/** Every indicator's comparison in a period (positions only), by indicator code; indicators of another periodicity are left out. */
export async function loadPositions(cat: Catalogue, period: string): Promise<Map<string, PositionFieldsFragment>> {
  const indicators = cat.areas.flatMap((area) => area.indicators).filter((indicator) => periodicityOf(period) === indicator.periodicity);
  const entries = await Promise.all(
    indicators.map(async (indicator) => {
      const data = await request(PositionsDocument, {
        indicator: indicator.code,
        period,
        overdispersion: PAGE_OVERDISPERSION,
        ...onlyArea(indicator.area),
      });
      return [indicator.code, data[fieldOf(indicator.area)]?.comparison ?? null] as const;
    }),
  );
  return new Map(entries.filter((entry): entry is readonly [string, PositionFieldsFragment] => entry[1] !== null));
}

function periodicityOf(period: string): string {
  if (/^\d{4}-Q\d$/.test(period)) return 'QUARTER';
  if (/^\d{4}-\d{2}$/.test(period)) return 'MONTH';
  return 'YEAR';
}

const decimal = (x: number) => x.toLocaleString('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pText = (p: number) => (p < 0.001 ? 'p < 0,001' : `p = ${p.toLocaleString('sv-SE', { maximumSignificantDigits: 2 })}`);

/** What limits a comparison's positions were judged by, in a few words for a table cell. */
export function limitsText(comparison: PositionFieldsFragment): string {
  if (comparison.limitBasis === 'SPREAD') return 'Spridningsband (inga slumpgränser)';
  if (comparison.limitsWidened) {
    return `Överspridning säkerställd (φ = ${decimal(comparison.dispersionFactor ?? 1)}, ${pText(comparison.overdispersionPValue ?? 0)}): gränserna vidgade`;
  }
  return 'Exakta gränser (ingen säkerställd överspridning)';
}

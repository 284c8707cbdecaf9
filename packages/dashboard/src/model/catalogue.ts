import { request } from '../api/client';
import { CatalogueDocument, SeriesDocument, type IndicatorFieldsFragment } from '../gql/graphql';
import { AREA_FIELDS, AREAS, fieldOf, onlyArea, type ShownArea } from './areas';
import { currentPeriod, periodBefore } from './periods';

export interface Catalogue {
  areas: { area: ShownArea; name: string; indicators: IndicatorFieldsFragment[] }[];
  districts: { code: string; name: string }[];
}

let catalogue: Promise<Catalogue> | undefined;

/** Areas, their indicators and the districts: the same for every page, asked for once. */
export function loadCatalogue(): Promise<Catalogue> {
  catalogue ??= request(CatalogueDocument, {}).then((data) => ({
    districts: data.districts,
    areas: AREAS.map((area) => ({
      area,
      name: data.areas.find((info) => info.area === area)?.name ?? area,
      indicators: data[AREA_FIELDS[area]]?.indicators ?? [],
    })),
  }));
  catalogue.catch(() => (catalogue = undefined));
  return catalogue;
}

export function findIndicator(cat: Catalogue, code: string | undefined): IndicatorFieldsFragment | undefined {
  return cat.areas.flatMap((area) => area.indicators).find((indicator) => indicator.code === code);
}

/** How many periods back the pickers and sparklines reach. */
export const PERIODS_SHOWN = 12;

const reported = new Map<string, Promise<string[]>>();

/**
 * The periods with figures for an indicator, newest first, as the API's series for the first district tells
 * (the API has no list of periods; districts report the same periods).
 */
export function reportedPeriods(cat: Catalogue, indicator: IndicatorFieldsFragment): Promise<string[]> {
  const key = indicator.code;
  let periods = reported.get(key);
  if (!periods) {
    const to = currentPeriod(indicator.periodicity);
    periods = request(SeriesDocument, {
      indicator: indicator.code,
      district: cat.districts[0]?.code ?? '',
      from: periodBefore(to, indicator.periodicity, PERIODS_SHOWN + 3),
      to,
      ...onlyArea(indicator.area),
    }).then((data) =>
      (data[fieldOf(indicator.area)]?.series ?? [])
        .filter((point) => point.reported)
        .map((point) => point.period)
        .reverse(),
    );
    periods.catch(() => reported.delete(key));
    reported.set(key, periods);
  }
  return periods;
}

import { useContext, useEffect } from 'preact/hooks';
import { request } from '../api/client';
import { useLoad } from '../api/hooks';
import { SessionContext } from '../components/session-context';
import { NextTableExport } from '../components/ExportButtons';
import { Status } from '../components/Status';
import { OverviewDocument, type FunnelPosition, type OverviewQuery } from '../gql/graphql';
import { AREA_FIELDS, type AreaField } from '../model/areas';
import { loadCatalogue, reportedPeriods, type Catalogue } from '../model/catalogue';
import { documentHref } from '../model/documents';
import { periodName } from '../model/periods';
import { href } from '../router';

type Counts = Record<FunnelPosition | 'SUPPRESSED', number>;

function countPositions(data: OverviewQuery, field: AreaField, code: string): Counts {
  const counts: Counts = { ABOVE_99_8: 0, ABOVE_95: 0, INSIDE: 0, BELOW_95: 0, BELOW_99_8: 0, SUPPRESSED: 0 };
  for (const district of data.districts) {
    const value = district[field]?.indicators?.find((item) => item.indicator.code === code);
    if (!value) continue;
    if (value.suppressed || !value.position) counts.SUPPRESSED++;
    else counts[value.position]++;
  }
  return counts;
}

/** The documents most districts lag on, most first. */
function mostLagged(data: OverviewQuery, field: AreaField): { slug: string; title: string; districts: number; maxDays: number }[] {
  const byDocument = new Map<string, { slug: string; title: string; districts: number; maxDays: number }>();
  for (const district of data.districts) {
    for (const lag of district[field]?.adoption?.lagging ?? []) {
      const entry = byDocument.get(lag.document.slug) ?? { slug: lag.document.slug, title: lag.document.title, districts: 0, maxDays: 0 };
      entry.districts++;
      entry.maxDays = Math.max(entry.maxDays, lag.daysLagging ?? 0);
      byDocument.set(lag.document.slug, entry);
    }
  }
  return [...byDocument.values()].sort((a, b) => b.districts - a.districts || b.maxDays - a.maxDays).slice(0, 3);
}

const OVERVIEW_METHOD =
  'Antal stadsdelar per läge mot kontrollgränserna (95 % och 99,8 %) i varje indikators trattdiagram för perioden; metoden för gränserna står under trattdiagrammet. Dolda stadsdelar räknas inte.';

function AreaSummary({ area, data, period }: { area: Catalogue['areas'][number]; data: OverviewQuery; period: string }) {
  const field = AREA_FIELDS[area.area];
  const lagged = mostLagged(data, field);
  const headingId = `area-${area.area}`;
  return (
    <section class="area-summary" aria-labelledby={headingId}>
      <h2 id={headingId}>{area.name}</h2>
      <NextTableExport
        label={`Hämta tabellen, ${area.name}`}
        fileName={`oversikt-${area.area.toLowerCase()}-${period}`}
        about={[
          ['Område', area.name],
          ['Period', `${periodName(period)} (${period})`],
          ['Metod', OVERVIEW_METHOD],
        ]}
      />
      <table class="data-table">
        <caption>Antal stadsdelar per läge i trattdiagrammet, {periodName(period)}</caption>
        <thead>
          <tr>
            <th scope="col">Indikator</th>
            <th scope="col">Över 99,8 %</th>
            <th scope="col">Över 95 %</th>
            <th scope="col">Inom</th>
            <th scope="col">Under 95 %</th>
            <th scope="col">Under 99,8 %</th>
            <th scope="col">Dolda</th>
          </tr>
        </thead>
        <tbody>
          {area.indicators.map((indicator) => {
            const counts = countPositions(data, field, indicator.code);
            return (
              <tr key={indicator.code}>
                <th scope="row">
                  <a href={href('trattdiagram', { params: { indikator: indicator.code, period } })}>{indicator.name}</a>
                </th>
                <td class={`num${counts.ABOVE_99_8 ? ' outside' : ''}`}>{counts.ABOVE_99_8}</td>
                <td class="num">{counts.ABOVE_95}</td>
                <td class="num">{counts.INSIDE}</td>
                <td class="num">{counts.BELOW_95}</td>
                <td class={`num${counts.BELOW_99_8 ? ' outside' : ''}`}>{counts.BELOW_99_8}</td>
                <td class="num">{counts.SUPPRESSED}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>Dokument som flest stadsdelar släpar efter med</h3>
      {lagged.length === 0 ? (
        <p>Alla stadsdelar har kvitterat de dokument som gäller.</p>
      ) : (
        <ol class="lagged">
          {lagged.map((doc) => (
            <li key={doc.slug}>
              <a href={documentHref(area.area, doc.slug)}>{doc.title}</a>: {doc.districts} av {data.districts.length} stadsdelar (längst{' '}
              {doc.maxDays} dagar)
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Översikt: per area, how districts lie on each indicator in the latest period and where adoption lags. */
export function OverviewPage() {
  const { session } = useContext(SessionContext);
  const signedIn = session?.principal?.name ?? '';
  useEffect(() => {
    document.title = 'Översikt – Samsyn';
  }, []);
  const loaded = useLoad(async () => {
    const cat = await loadCatalogue();
    const first = cat.areas.flatMap((area) => area.indicators)[0];
    const [period] = first ? await reportedPeriods(cat, first) : [];
    if (!period) return { cat, period: '', data: null };
    return { cat, period, data: await request(OverviewDocument, { period }) };
  }, [signedIn]);
  return (
    <>
      <h1>Översikt</h1>
      <p class="lead">
        Hur stadsdelarna ligger mot staden på varje indikator den senaste perioden, och vilka gemensamma dokument de ännu inte har
        kvitterat.
      </p>
      <Status loaded={loaded}>
        {({ cat, period, data }) =>
          data ? (
            <>
              <p>
                Period: <strong>{periodName(period)}</strong>
              </p>
              {cat.areas.map((area) => (
                <AreaSummary key={area.area} area={area} data={data} period={period} />
              ))}
            </>
          ) : (
            <p>Inga rapporterade uppgifter ännu.</p>
          )
        }
      </Status>
    </>
  );
}

import { useContext, useEffect } from 'preact/hooks';
import { request } from '../api/client';
import { useLoad } from '../api/hooks';
import { SessionContext } from '../components/session-context';
import { NextTableExport } from '../components/ExportButtons';
import { Status } from '../components/Status';
import { IndicatorAbout, PositionVerdict, VerdictLegend } from '../components/Verdict';
import { OverviewDocument, type IndicatorFieldsFragment, type OverviewQuery, type PositionFieldsFragment } from '../gql/graphql';
import { AREA_FIELDS, type AreaField } from '../model/areas';
import { loadCatalogue, reportedPeriods, type Catalogue } from '../model/catalogue';
import { documentHref } from '../model/documents';
import { limitsText, loadPositions } from '../model/positions';
import { periodName } from '../model/periods';
import { GOOD_VALUE, verdictOf } from '../model/verdict';
import { href, replaceRoute, type Route } from '../router';

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
  'Stadsdelar utanför kontrollgränserna (95 % och 99,8 %) i varje indikators trattdiagram för perioden, i ord som bättre/sämre eller högre/lägre än staden; gränserna vidgade för överspridning där den är säkerställd, och om läget kvarstår efter justering för många jämförelser (Benjamini–Hochberg). Metoden står under trattdiagrammet. Dolda stadsdelar räknas för sig.';

/** Worse first, then better, higher, lower; the outer limit before the inner. */
const ORDER = { worse: 0, better: 1, higher: 2, lower: 3, inside: 4 };
const outer = (position: string | null) => (position?.endsWith('99_8') ? 0 : 1);

/** One indicator's row: the districts outside the limits, each in words, and how many lie within or are hidden. */
function IndicatorRow({
  indicator,
  comparison,
  period,
}: {
  indicator: IndicatorFieldsFragment;
  comparison: PositionFieldsFragment | undefined;
  period: string;
}) {
  const entries = comparison?.entries ?? [];
  const outside = entries
    .filter((entry) => !entry.suppressed && entry.position && entry.position !== 'INSIDE')
    .sort(
      (a, b) =>
        ORDER[verdictOf(a.position!, indicator.direction)] - ORDER[verdictOf(b.position!, indicator.direction)] ||
        outer(a.position) - outer(b.position) ||
        a.district.name.localeCompare(b.district.name, 'sv'),
    );
  const inside = entries.filter((entry) => !entry.suppressed && entry.position === 'INSIDE').length;
  const hidden = entries.filter((entry) => entry.suppressed || !entry.position).length;
  const chance = comparison?.limitBasis === 'CHANCE';
  return (
    <tr data-indicator={indicator.code}>
      <th scope="row">
        <a href={href('trattdiagram', { params: { indikator: indicator.code, period } })}>{indicator.name}</a>
        <span class="good-value">{GOOD_VALUE[indicator.direction]}</span>
        <IndicatorAbout indicator={indicator} />
      </th>
      <td>
        {!comparison ? (
          'Inga uppgifter'
        ) : outside.length === 0 ? (
          'Ingen'
        ) : (
          <ul class="outside-list">
            {outside.map((entry) => (
              <li key={entry.district.code} data-district={entry.district.code} data-position={entry.position}>
                <a href={href('stadsdel', { id: entry.district.code, params: { period } })}>{entry.district.name}</a>:{' '}
                <PositionVerdict position={entry.position} direction={indicator.direction} basis={comparison.limitBasis} />
                {chance && (
                  <span class="adjusted-flag">
                    {entry.adjustedPosition && entry.adjustedPosition !== 'INSIDE'
                      ? ', kvarstår efter justering för många jämförelser'
                      : ', inte efter justering för många jämförelser'}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td class="num">{comparison ? inside : '–'}</td>
      <td class="num">{comparison ? hidden : '–'}</td>
      <td class="limits-note">{comparison ? limitsText(comparison) : '–'}</td>
    </tr>
  );
}

function AreaSummary({
  area,
  data,
  positions,
  period,
}: {
  area: Catalogue['areas'][number];
  data: OverviewQuery;
  positions: Map<string, PositionFieldsFragment>;
  period: string;
}) {
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
      <table class="data-table overview-table">
        <caption>Stadsdelarna mot staden per indikator, {periodName(period)}</caption>
        <thead>
          <tr>
            <th scope="col">Indikator</th>
            <th scope="col">Utanför gränserna</th>
            <th scope="col">Inom gränserna</th>
            <th scope="col">Dolda</th>
            <th scope="col">Gränser</th>
          </tr>
        </thead>
        <tbody>
          {area.indicators.map((indicator) => (
            <IndicatorRow key={indicator.code} indicator={indicator} comparison={positions.get(indicator.code)} period={period} />
          ))}
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

/** Översikt: per area, how districts lie on each indicator in a period (the latest unless one is asked) and where adoption lags. */
export function OverviewPage({ route }: { route: Route }) {
  const { session } = useContext(SessionContext);
  const signedIn = session?.principal?.name ?? '';
  const asked = route.params.get('period') ?? undefined;
  useEffect(() => {
    document.title = 'Översikt – Samsyn';
  }, []);
  const loaded = useLoad(
    async () => {
      const cat = await loadCatalogue();
      const first = cat.areas.flatMap((area) => area.indicators)[0];
      const periods = first ? await reportedPeriods(cat, first) : [];
      const period = asked ?? periods[0];
      if (!period) return { cat, periods, period: '', data: null, positions: new Map<string, PositionFieldsFragment>() };
      const [data, positions] = await Promise.all([request(OverviewDocument, {}), loadPositions(cat, period)]);
      return { cat, periods, period, data, positions };
    },
    [asked, signedIn],
    { keepPrevious: true },
  );
  return (
    <>
      <h1>Översikt</h1>
      <p class="lead">Hur stadsdelarna ligger mot staden på varje indikator, och vilka gemensamma dokument de ännu inte har kvitterat.</p>
      <Status loaded={loaded}>
        {({ cat, periods, period, data, positions }) =>
          data ? (
            <>
              <form class="pickers" onSubmit={(event) => event.preventDefault()}>
                <div class="field">
                  <label for="pick-period">Period</label>
                  <select
                    id="pick-period"
                    value={asked ?? period}
                    onChange={(event) => replaceRoute(href('oversikt', { params: { period: event.currentTarget.value } }))}
                  >
                    {(periods.includes(period) ? periods : [period, ...periods]).map((item) => (
                      <option key={item} value={item}>
                        {periodName(item)}
                      </option>
                    ))}
                  </select>
                </div>
              </form>
              <p>
                Period: <strong>{periodName(period)}</strong>
              </p>
              <VerdictLegend />
              <p class="method overview-method">
                Lägen som i trattdiagrammet: där stadsdelarna säkerställt skiljer sig mer än slumpen förklarar (överspridning, test på 5
                %-nivån) är gränserna vidgade, så att bara skillnader utöver den vanliga variationen mellan stadsdelar räknas; kolumnen
                Gränser säger var. Trattdiagrammet visar också de exakta gränserna. Läge är varje stadsdels eget test; om det kvarstår efter
                justering för många jämförelser (Benjamini–Hochberg, falska larm bland larmen över alla stadsdelar och indikatorer med
                slumpgränser i området och perioden) står vid varje stadsdel. Medianer jämförs med ett spridningsband, som inte justeras och
                inte säger något om slumpen.
              </p>
              {cat.areas.map((area) => (
                <AreaSummary key={area.area} area={area} data={data} positions={positions} period={period} />
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

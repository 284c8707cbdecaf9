import { useContext, useEffect } from 'preact/hooks';
import { request } from '../api/client';
import { useLoad } from '../api/hooks';
import { SessionContext } from '../components/session-context';
import { Sparkline } from '../components/Sparkline';
import { NextTableExport } from '../components/ExportButtons';
import { Status } from '../components/Status';
import { DistrictDocument, SeriesDocument, type DistrictAreaFieldsFragment, type SeriesFieldsFragment } from '../gql/graphql';
import { fieldOf, onlyArea } from '../model/areas';
import { loadCatalogue, PERIODS_SHOWN, reportedPeriods, type Catalogue } from '../model/catalogue';
import { documentHref } from '../model/documents';
import { formatValue, KIND_NAMES, isCounted, positionNames, TREND_NAMES } from '../model/format';
import { periodBefore, periodName } from '../model/periods';
import { href, replaceRoute, type Route } from '../router';

const DISTRICT_METHOD =
  'Värde och läge mot kontrollgränserna i indikatorns trattdiagram för perioden (metoden står under trattdiagrammet); trenden är säkerställd stigande eller fallande, annars ingen säkerställd förändring. Dolda värden skrivs som på sidan.';

function AreaSection({
  profile,
  series,
  period,
}: {
  profile: DistrictAreaFieldsFragment;
  series: Map<string, SeriesFieldsFragment[]>;
  period: string;
}) {
  const { adoption, indicators } = profile;
  const headingId = `area-${profile.area}`;
  // Token-only fields: null (with an error on the field) when the session may not read them.
  if (!adoption || !indicators) {
    return (
      <section class="district-area" aria-labelledby={headingId} data-area={profile.area}>
        <h2 id={headingId}>{profile.name}</h2>
        <p>Logga in för att se områdets indikatorer och införande.</p>
      </section>
    );
  }
  return (
    <section class="district-area" aria-labelledby={headingId} data-area={profile.area}>
      <h2 id={headingId}>{profile.name}</h2>
      <NextTableExport
        label={`Hämta indikatorerna, ${profile.name}`}
        fileName={`stadsdel-${profile.area.toLowerCase()}-${period}`}
        about={[
          ['Område', profile.name],
          ['Period', `${periodName(period)} (${period})`],
          ['Metod', DISTRICT_METHOD],
        ]}
      />
      <table class="data-table indicator-table">
        <caption>Indikatorer, {periodName(period)}, med utvecklingen de senaste perioderna</caption>
        <thead>
          <tr>
            <th scope="col">Indikator</th>
            <th scope="col">Stadsdelen</th>
            <th scope="col">Staden</th>
            <th scope="col">Läge</th>
            <th scope="col">Trend</th>
            <th scope="col">Utveckling</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((item) => (
            <tr key={item.indicator.code}>
              <th scope="row">
                <a href={href('trattdiagram', { params: { indikator: item.indicator.code, period } })}>{item.indicator.name}</a>
              </th>
              <td class="num">{item.suppressed ? 'dolt för att skydda små tal' : formatValue(item.value, item.indicator)}</td>
              <td class="num">{formatValue(item.cityValue, item.indicator)}</td>
              <td>{item.position ? positionNames(isCounted(item.indicator.kind) ? 'CHANCE' : 'SPREAD')[item.position] : '–'}</td>
              <td>{TREND_NAMES[item.trend]}</td>
              <td>
                <Sparkline series={series.get(item.indicator.code) ?? []} indicator={item.indicator} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="method trend-note">
        Läge och trend är ojusterade för många jämförelser. Trend är Stigande eller Fallande bara när ett test på 5 %-nivån finner
        förändringen osannolik av slumpen; annars ingen säkerställd förändring. Testet räknar bara med slumpen i urvalet: extra variation
        mellan kvartal och säsongsvariation gör att betydligt fler stadsdelar får en trend än var tjugonde. Medianer och medelvärden jämförs
        med ett spridningsband, inte med slumpgränser.
      </p>
      <h3>Införande av gemensamma dokument</h3>
      <dl class="adoption-summary">
        <div>
          <dt>Gäller</dt>
          <dd>{adoption.documentsInForce}</dd>
        </div>
        <div>
          <dt>Kvitterade</dt>
          <dd>{adoption.acknowledged}</dd>
        </div>
        <div>
          <dt>Genomförda</dt>
          <dd>{adoption.implemented}</dd>
        </div>
        <div>
          <dt>Släpar efter</dt>
          <dd>{adoption.lagging.length}</dd>
        </div>
      </dl>
      {adoption.lagging.length > 0 && (
        <table class="data-table lagging-table">
          <caption>Dokument där stadsdelen släpar efter</caption>
          <thead>
            <tr>
              <th scope="col">Dokument</th>
              <th scope="col">Gällande version</th>
              <th scope="col">Stadsdelens version</th>
              <th scope="col">Dagar efter</th>
            </tr>
          </thead>
          <tbody>
            {adoption.lagging.map((lag) => (
              <tr key={lag.document.slug}>
                <th scope="row">
                  <a href={documentHref(profile.area, lag.document.slug)}>{lag.document.title}</a>{' '}
                  <span class="kind">({KIND_NAMES[lag.document.kind] ?? lag.document.kind})</span>
                </th>
                <td>{lag.currentVersion ? `version ${lag.currentVersion.number}` : '–'}</td>
                <td>
                  {lag.version
                    ? `version ${lag.version.number} (${lag.status === 'IMPLEMENTED' ? 'genomförd' : 'kvitterad'})`
                    : 'ingen kvitterad'}
                </td>
                <td class="num">{lag.daysLagging ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={href('inforande', { params: { omrade: profile.area } })}>
          Införandet i alla stadsdelar<span class="visually-hidden">, {profile.name}</span>
        </a>
      </p>
    </section>
  );
}

async function loadSeries(cat: Catalogue, district: string, period: string): Promise<Map<string, SeriesFieldsFragment[]>> {
  const indicators = cat.areas.flatMap((area) => area.indicators);
  const entries = await Promise.all(
    indicators.map(async (indicator) => {
      const data = await request(SeriesDocument, {
        indicator: indicator.code,
        district,
        from: periodBefore(period, indicator.periodicity, PERIODS_SHOWN - 1),
        to: period,
        ...onlyArea(indicator.area),
      });
      return [indicator.code, data[fieldOf(indicator.area)]?.series ?? []] as const;
    }),
  );
  return new Map(entries);
}

/** Stadsdel: one district across all four areas. */
export function DistrictPage({ route }: { route: Route }) {
  const { session } = useContext(SessionContext);
  const signedIn = session?.principal?.name ?? '';
  const asked = route.params.get('period') ?? undefined;
  const loaded = useLoad(async () => {
    const cat = await loadCatalogue();
    const code = route.id ?? cat.districts[0]?.code;
    const first = cat.areas.flatMap((area) => area.indicators)[0];
    const period = asked ?? (await reportedPeriods(cat, first))[0];
    const [data, series] = await Promise.all([request(DistrictDocument, { code, period }), loadSeries(cat, code, period)]);
    return { cat, code, period, district: data.district, series };
  }, [route.id, asked, signedIn]);
  useEffect(() => {
    document.title = `Stadsdel${loaded.state === 'done' && loaded.data.district ? ` ${loaded.data.district.name}` : ''} – Samsyn`;
  }, [loaded]);

  return (
    <>
      <h1>Stadsdel{loaded.state === 'done' && loaded.data.district ? `: ${loaded.data.district.name}` : ''}</h1>
      <Status loaded={loaded}>
        {({ cat, code, period, district, series }) => (
          <>
            <form class="pickers" onSubmit={(event) => event.preventDefault()}>
              <div class="field">
                <label for="pick-district">Stadsdel</label>
                <select
                  id="pick-district"
                  value={code}
                  onChange={(event) => replaceRoute(href('stadsdel', { id: event.currentTarget.value, params: { period: asked } }))}
                >
                  {cat.districts.map((item) => (
                    <option key={item.code} value={item.code}>
                      {item.name}
                    </option>
                  ))}
                </select>
              </div>
            </form>
            {!district ? (
              <p>Stadsdelen finns inte.</p>
            ) : (
              <>
                <p>
                  Period: <strong>{periodName(period)}</strong>
                  {district.population ? ` · ${district.population.toLocaleString('sv-SE')} invånare` : ''}
                </p>
                {(
                  [
                    district.childServices,
                    district.adultServices,
                    district.disability,
                    district.incomeSupport,
                  ] as (DistrictAreaFieldsFragment | null)[]
                ).map((profile, i) =>
                  profile ? (
                    <AreaSection key={profile.area} profile={profile} series={series} period={period} />
                  ) : (
                    <p key={i} class="notice">
                      Ett område svarar inte just nu.
                    </p>
                  ),
                )}
              </>
            )}
          </>
        )}
      </Status>
    </>
  );
}

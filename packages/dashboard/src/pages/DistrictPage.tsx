import { Fragment } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import { request } from '../api/client';
import { useLoad } from '../api/hooks';
import { SessionContext } from '../components/session-context';
import { Sparkline } from '../components/Sparkline';
import { NextTableExport } from '../components/ExportButtons';
import { Status } from '../components/Status';
import { IndicatorAbout, PositionVerdict, VerdictLegend } from '../components/Verdict';
import {
  DistrictDocument,
  SeriesDocument,
  type DistrictAreaFieldsFragment,
  type PositionFieldsFragment,
  type SeriesFieldsFragment,
  type Trend,
} from '../gql/graphql';
import { fieldOf, onlyArea } from '../model/areas';
import { loadCatalogue, PERIODS_SHOWN, reportedPeriods, type Catalogue } from '../model/catalogue';
import { documentHref } from '../model/documents';
import { formatValue, KIND_NAMES, TREND_NAMES } from '../model/format';
import { loadPositions } from '../model/positions';
import { GOOD_VALUE } from '../model/verdict';
import { periodBefore, periodName } from '../model/periods';
import { href, replaceRoute, type Route } from '../router';

const DISTRICT_METHOD =
  'Värde och läge mot kontrollgränserna i indikatorns trattdiagram för perioden, i ord som bättre/sämre eller högre/lägre än staden, med gränser vidgade för överspridning där den är säkerställd (metoden står under trattdiagrammet); trenden är säkerställd stigande eller fallande, annars ingen säkerställd förändring. Dolda värden skrivs som på sidan.';

/** One period's figures of a district, as the table shows them beside another period's. */
interface PeriodFigures {
  period: string;
  profile: DistrictAreaFieldsFragment;
  positions: Map<string, PositionFieldsFragment>;
}

function PeriodCells({ figures, code, district }: { figures: PeriodFigures; code: string; district: string }) {
  const item = figures.profile.indicators?.find((value) => value.indicator.code === code);
  const comparison = figures.positions.get(code);
  const entry = comparison?.entries.find((candidate) => candidate.district.code === district);
  if (!item) {
    return (
      <>
        <td class="num">–</td>
        <td class="num">–</td>
        <td>–</td>
      </>
    );
  }
  return (
    <>
      <td class="num">{item.suppressed ? 'dolt för att skydda små tal' : formatValue(item.value, item.indicator)}</td>
      <td class="num">{formatValue(item.cityValue, item.indicator)}</td>
      <td class="position-cell">
        {entry && comparison && entry.position ? (
          <>
            <PositionVerdict position={entry.position} direction={item.indicator.direction} basis={comparison.limitBasis} />
            {comparison.limitsWidened && <span class="widened-flag"> Gränserna vidgade för överspridning.</span>}
            {comparison.limitBasis === 'CHANCE' && entry.position !== 'INSIDE' && (
              <span class="adjusted-flag">
                {entry.adjustedPosition && entry.adjustedPosition !== 'INSIDE'
                  ? ' Kvarstår efter justering för många jämförelser.'
                  : ' Inte efter justering för många jämförelser.'}
              </span>
            )}
          </>
        ) : (
          '–'
        )}
      </td>
    </>
  );
}

/**
 * The trend as the comparison tests it (widened for overdispersion as the position is), and whether it goes the better
 * way where the indicator has one.
 */
function TrendText({ figures, code, district, fallback }: { figures: PeriodFigures; code: string; district: string; fallback: Trend }) {
  const entry = figures.positions.get(code)?.entries.find((candidate) => candidate.district.code === district);
  const trend = entry?.trend ?? fallback;
  const way = entry?.improving === true ? ', åt det bättre hållet' : entry?.improving === false ? ', åt det sämre hållet' : '';
  return (
    <span class="trend">
      {TREND_NAMES[trend]}
      {way}
    </span>
  );
}

function AreaSection({
  district,
  main,
  periods,
  series,
}: {
  district: string;
  /** The period picked: its trend, adoption and links. */
  main: PeriodFigures;
  /** The period picked and the one it is compared with (if any), oldest first. */
  periods: PeriodFigures[];
  series: Map<string, SeriesFieldsFragment[]>;
}) {
  const profile = main.profile;
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
  const comparing = periods.length > 1;
  return (
    <section class="district-area" aria-labelledby={headingId} data-area={profile.area}>
      <h2 id={headingId}>{profile.name}</h2>
      <NextTableExport
        label={`Hämta indikatorerna, ${profile.name}`}
        fileName={`stadsdel-${profile.area.toLowerCase()}-${periods.map((figures) => figures.period).join('-')}`}
        about={[
          ['Område', profile.name],
          ['Period', periods.map((figures) => `${periodName(figures.period)} (${figures.period})`).join(' jämfört med ')],
          ['Metod', DISTRICT_METHOD],
        ]}
      />
      {/* Two periods side by side are wide: on a narrow screen the table scrolls in its own region, not the page. */}
      <div class="table-scroll" role="region" aria-label={`Indikatorer, ${profile.name}`} tabIndex={0}>
        <table class={`data-table indicator-table${comparing ? ' comparing' : ''}`}>
          <caption>
            Indikatorer, {comparing ? periods.map((figures) => periodName(figures.period)).join(' jämfört med ') : periodName(main.period)},
            med utvecklingen de senaste perioderna
          </caption>
          <thead>
            {comparing && (
              <tr>
                <td />
                {periods.map((figures) => (
                  <th key={figures.period} scope="colgroup" colSpan={3} class="period-head">
                    {periodName(figures.period)}
                  </th>
                ))}
                <td colSpan={2} />
              </tr>
            )}
            <tr>
              <th scope="col">Indikator</th>
              {periods.map((figures) => (
                <Fragment key={figures.period}>
                  <th scope="col">Stadsdelen{comparing && <span class="visually-hidden">, {periodName(figures.period)}</span>}</th>
                  <th scope="col">Staden{comparing && <span class="visually-hidden">, {periodName(figures.period)}</span>}</th>
                  <th scope="col">Läge mot staden{comparing && <span class="visually-hidden">, {periodName(figures.period)}</span>}</th>
                </Fragment>
              ))}
              <th scope="col">Trend</th>
              <th scope="col">Utveckling</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((item) => (
              <tr key={item.indicator.code} data-indicator={item.indicator.code}>
                <th scope="row">
                  <a href={href('trattdiagram', { params: { indikator: item.indicator.code, period: main.period } })}>
                    {item.indicator.name}
                  </a>
                  <span class="good-value">{GOOD_VALUE[item.indicator.direction]}</span>
                  <IndicatorAbout indicator={item.indicator} />
                </th>
                {periods.map((figures) => (
                  <PeriodCells key={figures.period} figures={figures} code={item.indicator.code} district={district} />
                ))}
                <td>
                  <TrendText figures={main} code={item.indicator.code} district={district} fallback={item.trend} />
                </td>
                <td>
                  <Sparkline series={series.get(item.indicator.code) ?? []} indicator={item.indicator} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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

const AREA_PROFILES = ['childServices', 'adultServices', 'disability', 'incomeSupport'] as const;

async function loadPeriod(cat: Catalogue, code: string, period: string) {
  const [data, positions] = await Promise.all([request(DistrictDocument, { code, period }), loadPositions(cat, period)]);
  return { period, district: data.district, positions };
}

/** Stadsdel: one district across all four areas, in a period and optionally beside another. */
export function DistrictPage({ route }: { route: Route }) {
  const { session } = useContext(SessionContext);
  const signedIn = session?.principal?.name ?? '';
  const asked = route.params.get('period') ?? undefined;
  const askedOther = route.params.get('jamfor') ?? undefined;
  const loaded = useLoad(
    async () => {
      const cat = await loadCatalogue();
      const code = route.id ?? cat.districts[0]?.code;
      const first = cat.areas.flatMap((area) => area.indicators)[0];
      const periods = await reportedPeriods(cat, first);
      const period = asked ?? periods[0];
      const other = askedOther && askedOther !== period ? askedOther : undefined;
      const [main, compared, series] = await Promise.all([
        loadPeriod(cat, code, period),
        other ? loadPeriod(cat, code, other) : Promise.resolve(null),
        loadSeries(cat, code, period),
      ]);
      return { cat, code, periods, main, compared, series };
    },
    [route.id, asked, askedOther, signedIn],
    { keepPrevious: true },
  );
  useEffect(() => {
    document.title = `Stadsdel${loaded.state === 'done' && loaded.data.main.district ? ` ${loaded.data.main.district.name}` : ''} – Samsyn`;
  }, [loaded]);

  const go = (next: { id?: string; period?: string; jamfor?: string }) =>
    replaceRoute(
      href('stadsdel', {
        id: next.id ?? route.id,
        params: { period: 'period' in next ? next.period : asked, jamfor: 'jamfor' in next ? next.jamfor || undefined : askedOther },
      }),
    );

  return (
    <>
      <h1>Stadsdel{loaded.state === 'done' && loaded.data.main.district ? `: ${loaded.data.main.district.name}` : ''}</h1>
      <Status loaded={loaded}>
        {({ cat, code, periods, main, compared, series }) => {
          const district = main.district;
          const choices = periods.includes(main.period) ? periods : [main.period, ...periods];
          const both = compared ? [main, compared].sort((a, b) => a.period.localeCompare(b.period)) : [main];
          return (
            <>
              <form class="pickers" onSubmit={(event) => event.preventDefault()}>
                <div class="field">
                  <label for="pick-district">Stadsdel</label>
                  <select id="pick-district" value={route.id ?? code} onChange={(event) => go({ id: event.currentTarget.value })}>
                    {cat.districts.map((item) => (
                      <option key={item.code} value={item.code}>
                        {item.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for="pick-period">Period</label>
                  <select id="pick-period" value={asked ?? main.period} onChange={(event) => go({ period: event.currentTarget.value })}>
                    {choices.map((item) => (
                      <option key={item} value={item}>
                        {periodName(item)}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for="pick-compare">Jämför med period</label>
                  <select
                    id="pick-compare"
                    value={askedOther ?? compared?.period ?? ''}
                    onChange={(event) => go({ jamfor: event.currentTarget.value })}
                  >
                    <option value="">Ingen jämförelse</option>
                    {choices
                      .filter((item) => item !== (asked ?? main.period))
                      .map((item) => (
                        <option key={item} value={item}>
                          {periodName(item)}
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
                    Period: <strong>{periodName(main.period)}</strong>
                    {compared && (
                      <>
                        , jämförd med <strong>{periodName(compared.period)}</strong>
                      </>
                    )}
                    {district.population ? ` · ${district.population.toLocaleString('sv-SE')} invånare` : ''}
                  </p>
                  <VerdictLegend />
                  <p class="method trend-note">
                    Läge mot staden bedöms som i trattdiagrammet: där stadsdelarna säkerställt skiljer sig mer än slumpen förklarar
                    (överspridning) är gränserna vidgade, och det står vid läget. Läge är stadsdelens eget test; om det kvarstår efter
                    justering för många jämförelser (Benjamini–Hochberg, över alla stadsdelar och indikatorer med slumpgränser i området och
                    perioden) står vid läget. Trenden prövas med samma tillägg för överspridning men är ojusterad för många jämförelser.
                    Trend är Stigande eller Fallande bara när ett test på 5 %-nivån finner förändringen osannolik av slumpen; annars ingen
                    säkerställd förändring. Testet räknar bara med slumpen i urvalet: extra variation mellan kvartal och säsongsvariation
                    gör att betydligt fler stadsdelar får en trend än var tjugonde. Medianer och medelvärden jämförs med ett spridningsband,
                    inte med slumpgränser.
                  </p>
                  {AREA_PROFILES.map((field) => {
                    const profile = district[field];
                    if (!profile) {
                      return (
                        <p key={field} class="notice">
                          Ett område svarar inte just nu.
                        </p>
                      );
                    }
                    const figures = (period: typeof main): PeriodFigures | null => {
                      const other = period.district?.[field];
                      return other ? { period: period.period, profile: other, positions: period.positions } : null;
                    };
                    const mainFigures = figures(main) as PeriodFigures;
                    const all = both.map(figures).filter((item): item is PeriodFigures => item !== null);
                    return <AreaSection key={profile.area} district={district.code} main={mainFigures} periods={all} series={series} />;
                  })}
                </>
              )}
            </>
          );
        }}
      </Status>
    </>
  );
}

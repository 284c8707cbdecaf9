import { useContext, useEffect } from 'preact/hooks';
import { request } from '../api/client';
import { useLoad } from '../api/hooks';
import { SessionContext } from '../components/session-context';
import { FunnelPlot, isShown, Marker } from '../components/FunnelPlot';
import { Status } from '../components/Status';
import { ComparisonDocument, type ComparisonFieldsFragment, type Overdispersion } from '../gql/graphql';
import { fieldOf, onlyArea } from '../model/areas';
import { findIndicator, loadCatalogue, reportedPeriods, type Catalogue } from '../model/catalogue';
import { formatCount, formatValue, POSITION_NAMES } from '../model/format';
import { periodName } from '../model/periods';
import { href, replaceRoute, type Route } from '../router';

const DEFAULT_INDICATOR = 'CS-IA14';

const OVERDISPERSION_NAMES: Record<Overdispersion, string> = {
  NONE: 'Ingen (exakta gränser)',
  MULTIPLICATIVE: 'Multiplikativ (φ)',
  ADDITIVE: 'Additiv (τ²)',
};
const isOverdispersion = (value: string | null): value is Overdispersion => value !== null && value in OVERDISPERSION_NAMES;

const decimal = (x: number, digits = 2) => x.toLocaleString('sv-SE', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const small = (x: number) => x.toLocaleString('sv-SE', { maximumSignificantDigits: 3 });

/** How the limits were drawn, and any adjustment for overdispersion, stated under the plot. */
function methodNote(comparison: ComparisonFieldsFragment): string {
  const { indicator, overdispersion, limitsWidened, dispersionFactor, betweenDistrictVariance } = comparison;
  if (indicator.kind !== 'PROPORTION' && indicator.kind !== 'RATE') {
    return (
      `Stadsdelarna rapporterar ${indicator.kind === 'MEDIAN' ? 'en median' : 'ett medelvärde'} och antal ärenden men ingen spridning, ` +
      'så gränserna är stadens värde ± 1,96 och ± 3,09 robusta standardavvikelser av stadsdelarnas värden (1,4826 × MAD), ' +
      'lika för alla. Ingen justering för överspridning behövs: spridningen mellan stadsdelarna är redan gränsernas mått.'
    );
  }
  const distribution = indicator.kind === 'RATE' ? 'Poissongränser' : 'binomialgränser';
  const phi = dispersionFactor === null ? '' : ` Överspridningsfaktorn φ = ${decimal(dispersionFactor)}.`;
  const exact =
    `Kontrollgränserna (95 % och 99,8 %) är exakta ${distribution} kring stadens värde vid varje antal, interpolerade mellan heltal ` +
    '(Spiegelhalter 2005); kurvorna och varje stadsdels läge kommer från samma beräkning i API:et. Stadens värde är summan av ' +
    'täljarna delad med summan av nämnarna.';
  if (overdispersion === 'NONE') return `${exact} Ingen justering för överspridning.${phi}`;
  if (!limitsWidened) {
    return `${exact} Justering för överspridning (${OVERDISPERSION_NAMES[overdispersion].toLowerCase()}) begärdes, men stadsdelarna skiljer sig inte mer än slumpen förklarar, så gränserna är oförändrade.${phi}`;
  }
  const how =
    overdispersion === 'MULTIPLICATIVE'
      ? `multiplikativt: variansen är multiplicerad med φ = ${decimal(dispersionFactor ?? 1)}`
      : `additivt: mellanstadsdelsvariansen τ² = ${small(betweenDistrictVariance ?? 0)} är lagd till variansen (slumpeffektmodell, DerSimonian–Laird)`;
  return (
    `Gränserna är vidgade för överspridning, ${how}, eftersom stadsdelarna skiljer sig mer än slumpen förklarar; de vidgade gränserna ` +
    'följer normalfördelningen (Spiegelhalter 2005, avsnitt 4–5). Kurvorna och varje stadsdels läge kommer från samma beräkning i API:et. ' +
    'Stadens värde är summan av täljarna delad med summan av nämnarna.'
  );
}

function FunnelView({ comparison }: { comparison: ComparisonFieldsFragment }) {
  const { indicator } = comparison;
  const shown = comparison.entries.filter(isShown);
  const hidden = comparison.entries.filter((entry) => !isShown(entry));
  return (
    <>
      <div class="funnel-layout">
        <figure class="funnel">
          <figcaption>
            <span id="funnel-title" class="figure-title">
              {indicator.name}, {periodName(comparison.period)}
            </span>
            <span id="funnel-desc" class="visually-hidden">
              Trattdiagram: {shown.length} stadsdelar som punkter, värde mot antal. Stadens värde{' '}
              {formatValue(comparison.cityValue, indicator)}. Samma uppgifter finns i tabellen nedan.
            </span>
          </figcaption>
          <FunnelPlot comparison={comparison} titleId="funnel-title" descId="funnel-desc" />
          <p class="method">{methodNote(comparison)}</p>
        </figure>
        <aside class="funnel-side" aria-labelledby="legend-title">
          <h2 id="legend-title">Förklaring</h2>
          <ul class="legend">
            <li>
              <svg width="18" height="12" aria-hidden="true">
                <line class="city-line" x1="0" x2="18" y1="6" y2="6" />
              </svg>
              Staden: {formatValue(comparison.cityValue, indicator)}
            </li>
            <li>
              <svg width="18" height="12" aria-hidden="true">
                <line class="limit limit-95" x1="0" x2="18" y1="6" y2="6" />
              </svg>
              95 %-gränser
            </li>
            <li>
              <svg width="18" height="12" aria-hidden="true">
                <line class="limit limit-998" x1="0" x2="18" y1="6" y2="6" />
              </svg>
              99,8 %-gränser
            </li>
            {(['INSIDE', 'ABOVE_95', 'ABOVE_99_8', 'BELOW_95', 'BELOW_99_8'] as const).map((position) => (
              <li key={position}>
                <svg width="18" height="16" aria-hidden="true">
                  <Marker position={position} x={9} y={8} size={5} />
                </svg>
                {POSITION_NAMES[position]}
              </li>
            ))}
          </ul>
          <h2>Dolda stadsdelar</h2>
          {hidden.length === 0 ? (
            <p>Inga.</p>
          ) : (
            <ul class="suppressed">
              {hidden.map((entry) => (
                <li key={entry.district.code} data-district={entry.district.code}>
                  {entry.district.name}: dolt för att skydda små tal
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
      <table class="data-table funnel-table">
        <caption>
          {indicator.name}, {periodName(comparison.period)}: värde, antal och kontrollgränser per stadsdel
        </caption>
        <thead>
          <tr>
            <th scope="col">Stadsdel</th>
            <th scope="col">Värde</th>
            <th scope="col">Täljare</th>
            <th scope="col">Nämnare</th>
            <th scope="col">95 %-gränser</th>
            <th scope="col">99,8 %-gränser</th>
            <th scope="col">Läge</th>
          </tr>
        </thead>
        <tbody>
          {comparison.entries.map((entry) => (
            <tr key={entry.district.code}>
              <th scope="row">
                <a href={href('stadsdel', { id: entry.district.code, params: { period: comparison.period } })}>{entry.district.name}</a>
              </th>
              {isShown(entry) ? (
                <>
                  <td class="num">{formatValue(entry.value, indicator)}</td>
                  <td class="num">{formatCount(entry.numerator)}</td>
                  <td class="num">{formatCount(entry.denominator)}</td>
                  <td class="num">
                    {formatValue(entry.lower95, indicator)} – {formatValue(entry.upper95, indicator)}
                  </td>
                  <td class="num">
                    {formatValue(entry.lower998, indicator)} – {formatValue(entry.upper998, indicator)}
                  </td>
                  <td>{entry.position ? POSITION_NAMES[entry.position] : '–'}</td>
                </>
              ) : (
                <td colSpan={6}>dolt för att skydda små tal</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Pickers({
  cat,
  indicator,
  period,
  periods,
  overdispersion,
}: {
  cat: Catalogue;
  indicator: string;
  period: string;
  periods: string[];
  overdispersion: Overdispersion;
}) {
  const go = (next: { indikator?: string; period?: string; spridning?: Overdispersion }) => {
    const spridning = next.spridning ?? overdispersion;
    replaceRoute(
      href('trattdiagram', {
        params: {
          indikator: next.indikator ?? indicator,
          period: next.period ?? (next.indikator ? undefined : period),
          spridning: spridning === 'NONE' ? undefined : spridning,
        },
      }),
    );
  };
  return (
    <form class="pickers" onSubmit={(event) => event.preventDefault()}>
      <div class="field">
        <label for="pick-indicator">Indikator</label>
        <select id="pick-indicator" value={indicator} onChange={(event) => go({ indikator: event.currentTarget.value })}>
          {cat.areas.map((area) => (
            <optgroup key={area.area} label={area.name}>
              {area.indicators.map((item) => (
                <option key={item.code} value={item.code}>
                  {item.name} ({item.code})
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="pick-period">Period</label>
        <select id="pick-period" value={period} onChange={(event) => go({ period: event.currentTarget.value })}>
          {periods.map((item) => (
            <option key={item} value={item}>
              {periodName(item)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="pick-overdispersion">Justering för överspridning</label>
        <select
          id="pick-overdispersion"
          value={overdispersion}
          onChange={(event) => go({ spridning: event.currentTarget.value as Overdispersion })}
        >
          {(Object.keys(OVERDISPERSION_NAMES) as Overdispersion[]).map((item) => (
            <option key={item} value={item}>
              {OVERDISPERSION_NAMES[item]}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

/** Trattdiagram: one indicator and period, every district against the city. */
export function FunnelPage({ route }: { route: Route }) {
  const { session } = useContext(SessionContext);
  const signedIn = session?.principal?.name ?? '';
  const code = route.params.get('indikator') ?? DEFAULT_INDICATOR;
  const asked = route.params.get('period') ?? undefined;
  const spridning = route.params.get('spridning');
  const overdispersion: Overdispersion = isOverdispersion(spridning) ? spridning : 'NONE';
  useEffect(() => {
    document.title = 'Trattdiagram – Samsyn';
  }, []);

  const loaded = useLoad(async () => {
    const cat = await loadCatalogue();
    const indicator = findIndicator(cat, code) ?? cat.areas[0].indicators[0];
    const periods = await reportedPeriods(cat, indicator);
    const period = asked ?? periods[0];
    if (!period) return { cat, indicator, periods, period: '', comparison: null };
    const data = await request(ComparisonDocument, { indicator: indicator.code, period, overdispersion, ...onlyArea(indicator.area) });
    return { cat, indicator, periods, period, comparison: data[fieldOf(indicator.area)]?.comparison ?? null };
  }, [code, asked, overdispersion, signedIn]);

  return (
    <>
      <h1>Trattdiagram</h1>
      <p class="lead">
        Varje stadsdel jämförs med staden som helhet. Gränserna vidgas för små stadsdelar, där slumpen ger större utslag: bara punkter
        utanför gränserna skiljer sig mer än slumpen förklarar.
      </p>
      <Status loaded={loaded}>
        {({ cat, indicator, periods, period, comparison }) => (
          <>
            <Pickers
              cat={cat}
              indicator={indicator.code}
              period={period}
              periods={periods.includes(period) ? periods : [period, ...periods]}
              overdispersion={overdispersion}
            />
            {comparison ? <FunnelView comparison={comparison} /> : <p>Inga uppgifter för perioden.</p>}
          </>
        )}
      </Status>
    </>
  );
}

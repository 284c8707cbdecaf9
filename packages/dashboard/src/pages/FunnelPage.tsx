import { useContext, useEffect } from 'preact/hooks';
import { request } from '../api/client';
import { useLoad } from '../api/hooks';
import { SessionContext } from '../components/session-context';
import { FunnelPlot, isShown, Marker } from '../components/FunnelPlot';
import { ExportButtons } from '../components/ExportButtons';
import { Status } from '../components/Status';
import { IndicatorAbout, PositionVerdict } from '../components/Verdict';
import { ComparisonDocument, type ComparisonFieldsFragment, type Overdispersion } from '../gql/graphql';
import { fieldOf, onlyArea } from '../model/areas';
import { findIndicator, loadCatalogue, reportedPeriods, type Catalogue } from '../model/catalogue';
import { extractTime, HIDDEN_TEXT, roundShown, type ExportTable } from '../model/export';
import { formatCount, formatValue, positionNames } from '../model/format';
import { periodName } from '../model/periods';
import { GOOD_VALUE, VERDICT_WORDS, verdictOf } from '../model/verdict';
import { href, replaceRoute, type Route } from '../router';

const DEFAULT_INDICATOR = 'CS-IA14';

const OVERDISPERSION_NAMES: Record<Overdispersion, string> = {
  MULTIPLICATIVE: 'Multiplikativ (φ), där överspridningen är säkerställd',
  ADDITIVE: 'Additiv (τ²), där överspridningen är säkerställd',
  NONE: 'Ingen (exakta gränser för slumpen)',
};
/** Limits widened where overdispersion is significant, unless the reader asks otherwise. */
const DEFAULT_OVERDISPERSION: Overdispersion = 'MULTIPLICATIVE';
const isOverdispersion = (value: string | null): value is Overdispersion => value !== null && value in OVERDISPERSION_NAMES;

const decimal = (x: number, digits = 2) => x.toLocaleString('sv-SE', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const small = (x: number) => x.toLocaleString('sv-SE', { maximumSignificantDigits: 3 });
/** A p-value as read: below 0.001 only as such. */
const pText = (p: number) => (p < 0.001 ? 'p < 0,001' : `p = ${small(p)}`);

/** How the limits were drawn, and any adjustment for overdispersion, stated under the plot. */
function methodNote(comparison: ComparisonFieldsFragment): string {
  const { indicator, overdispersion, limitsWidened, dispersionFactor, betweenDistrictVariance, overdispersionPValue } = comparison;
  if (comparison.limitBasis === 'SPREAD') {
    const what = indicator.kind === 'MEDIAN' ? 'median' : 'medelvärde';
    return (
      `Spridningsband, inte slumpgränser: stadsdelarna rapporterar ${indicator.kind === 'MEDIAN' ? 'en median' : 'ett medelvärde'} och antal ärenden ` +
      'men ingen spridning inom stadsdelen, så det går inte att säga vad slumpen ger. Banden är stadens värde ± en multipel av den robusta ' +
      'spridningen mellan de visade stadsdelarnas värden (1,4826 × MAD), lika för alla storlekar; multiplarna är valda efter antalet stadsdelar så ' +
      'att 5 % (inre bandet) och 0,2 % (yttre) av stadsdelar som bara skiljer sig som normalfördelat brus hamnar utanför. En stadsdel utanför ' +
      `ligger långt från de andra, men om skillnaden är större än slumpen kan inte bedömas. Stadens värde är den ärendeviktade medianen av de visade ` +
      `stadsdelarnas ${what === 'median' ? 'medianer' : 'medelvärden'}, inte medianen av alla stadens ärenden. Ingen rangordning visas.`
    );
  }
  const distribution = indicator.kind === 'RATE' ? 'Poissongränser' : 'binomialgränser';
  const test =
    overdispersionPValue === null
      ? ''
      : ` Test av överspridning: ${pText(overdispersionPValue)} (${overdispersionPValue < 0.05 ? 'säkerställd' : 'inte säkerställd'}).`;
  const phi = dispersionFactor === null ? '' : ` Överspridningsfaktorn φ = ${decimal(dispersionFactor)}.${test}`;
  const exact =
    `Kontrollgränserna (95 % och 99,8 %) är exakta ${distribution} kring stadens värde vid varje antal, interpolerade mellan heltal ` +
    '(Spiegelhalter 2005, med den övre gränsen ett helt tal högre så att den motsvarar sannolikheten för minst det observerade antalet); ' +
    'kurvorna och varje stadsdels läge kommer från samma beräkning i API:et. Stadens värde är summan av ' +
    'täljarna delad med summan av nämnarna, över alla stadsdelar som rapporterat, även dolda.';
  if (overdispersion === 'NONE') return `${exact} Ingen justering för överspridning.${phi}`;
  if (!limitsWidened) {
    return `${exact} Justering för överspridning (${OVERDISPERSION_NAMES[overdispersion].toLowerCase()}) begärdes, men stadsdelarna skiljer sig inte säkerställt mer än slumpen förklarar, så gränserna är oförändrade.${phi}`;
  }
  const how =
    overdispersion === 'MULTIPLICATIVE'
      ? `multiplikativt: variansen är multiplicerad med φ = ${decimal(dispersionFactor ?? 1)}`
      : `additivt: mellanstadsdelsvariansen τ² = ${small(betweenDistrictVariance ?? 0)} är lagd till variansen (slumpeffektmodell, DerSimonian–Laird)`;
  return (
    `Gränserna är vidgade för överspridning, ${how}, eftersom stadsdelarna säkerställt skiljer sig mer än slumpen förklarar${test ? ` (${pText(overdispersionPValue ?? 0)})` : ''}; de vidgade gränserna ` +
    'följer normalfördelningen (Spiegelhalter 2005, avsnitt 4–5), och trenderna prövas med samma tillägg. Kurvorna och varje stadsdels läge kommer från samma beräkning i API:et. ' +
    'Stadens värde är summan av täljarna delad med summan av nämnarna, över alla stadsdelar som rapporterat, även dolda.'
  );
}

/** What the positions and ranks are adjusted for, and what not: said beside the table. */
function adjustmentNote(comparison: ComparisonFieldsFragment): string {
  if (comparison.limitBasis === 'SPREAD')
    return 'Spridningsband ger inga p-värden: lägena här justeras inte för många jämförelser, och ingen rangordning visas.';
  return (
    'Läge är varje stadsdels eget test, ojusterat: med omkring hundra jämförelser per kvartal (alla stadsdelar på alla indikatorer i området) ' +
    'hamnar ungefär fem utanför 95 %-gränserna av slumpen ensam. Läge efter justering kontrollerar andelen falska larm bland larmen ' +
    '(Benjamini–Hochberg, 5 % och 0,2 %) över alla stadsdelar och indikatorer med slumpgränser i området och perioden. Gränserna i diagrammet ' +
    'och trenderna är ojusterade; Översikt och Stadsdel säger vid varje läge om det kvarstår efter justering. Rang visas med ett 95 %-intervall: de rangplatser stadsdelen kan ha med hänsyn till slumpen.'
  );
}

/** The funnel's table with its limit curves, as the files of Ladda ner CSV and Ladda ner Excel hold it. */
export function funnelExport(comparison: ComparisonFieldsFragment): ExportTable {
  const { indicator } = comparison;
  const proportion = indicator.kind === 'PROPORTION';
  const unit = proportion ? '%' : indicator.unit;
  const shown = (value: number | null | undefined) =>
    roundShown(value === null || value === undefined ? value : proportion ? value * 100 : value);
  const names = positionNames(comparison.limitBasis);
  const spread = comparison.limitBasis === 'SPREAD';
  const inner = spread ? 'Inre spridningsband' : '95 %-gräns';
  const outer = spread ? 'Yttre spridningsband' : '99,8 %-gräns';
  return {
    fileName: `trattdiagram-${indicator.code}-${comparison.period}`,
    title: `${indicator.name}, ${periodName(comparison.period)}: värde, antal och kontrollgränser per stadsdel`,
    about: [
      ['Indikator', `${indicator.name} (${indicator.code})`],
      ['Period', `${periodName(comparison.period)} (${comparison.period})`],
      ['Stadens värde', formatValue(comparison.cityValue, indicator)],
      ['Metod', methodNote(comparison)],
      ['Justering', adjustmentNote(comparison)],
      ['Dolda stadsdelar', `Värden under 5 och värden som skulle avslöja dem visas inte: "${HIDDEN_TEXT}".`],
      ['Uttaget', extractTime()],
      ['Källa', `Samsyn, ${location.href}`],
    ],
    columns: [
      'Stadsdel',
      `Värde (${unit})`,
      'Täljare',
      'Nämnare',
      `${inner}, nedre (${unit})`,
      `${inner}, övre (${unit})`,
      `${outer}, nedre (${unit})`,
      `${outer}, övre (${unit})`,
      'Läge',
      'Läge efter justering för många jämförelser',
      'Rang',
      'Rang, 95 %-intervall lägst',
      'Rang, 95 %-intervall högst',
    ],
    rows: comparison.entries.map((entry) =>
      isShown(entry)
        ? [
            entry.district.name,
            shown(entry.value),
            entry.numerator,
            entry.denominator,
            shown(entry.lower95),
            shown(entry.upper95),
            shown(entry.lower998),
            shown(entry.upper998),
            entry.position ? names[entry.position] : null,
            entry.adjustedPosition ? names[entry.adjustedPosition] : null,
            entry.rank,
            entry.rankLower,
            entry.rankUpper,
          ]
        : [entry.district.name, HIDDEN_TEXT, null, null, null, null, null, null, null, null, null, null, null],
    ),
    extraSheets: [
      {
        name: 'Kontrollgränser',
        columns: [
          'Antal (nämnare)',
          `${inner}, nedre (${unit})`,
          `${inner}, övre (${unit})`,
          `${outer}, nedre (${unit})`,
          `${outer}, övre (${unit})`,
        ],
        rows: comparison.limitCurve.map((c) => [
          c.cases,
          roundShown(proportion ? c.lower95 * 100 : c.lower95, 3),
          roundShown(proportion ? c.upper95 * 100 : c.upper95, 3),
          roundShown(proportion ? c.lower998 * 100 : c.lower998, 3),
          roundShown(proportion ? c.upper998 * 100 : c.upper998, 3),
        ]),
      },
    ],
  };
}

function FunnelView({ comparison }: { comparison: ComparisonFieldsFragment }) {
  const { indicator } = comparison;
  const shown = comparison.entries.filter(isShown);
  const hidden = comparison.entries.filter((entry) => !isShown(entry));
  const spread = comparison.limitBasis === 'SPREAD';
  const names = positionNames(comparison.limitBasis);
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
          <p class="good-value">{GOOD_VALUE[indicator.direction]}</p>
          <IndicatorAbout indicator={indicator} />
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
              {spread ? 'Inre spridningsband' : '95 %-gränser'}
            </li>
            <li>
              <svg width="18" height="12" aria-hidden="true">
                <line class="limit limit-998" x1="0" x2="18" y1="6" y2="6" />
              </svg>
              {spread ? 'Yttre spridningsband' : '99,8 %-gränser'}
            </li>
            {(['INSIDE', 'ABOVE_95', 'ABOVE_99_8', 'BELOW_95', 'BELOW_99_8'] as const).map((position) => (
              <li key={position}>
                <svg width="18" height="16" aria-hidden="true">
                  <Marker position={position} direction={indicator.direction} x={9} y={8} size={5} />
                </svg>
                {names[position]}
                {position !== 'INSIDE' && `: ${VERDICT_WORDS[verdictOf(position, indicator.direction)].toLowerCase()}`}
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
      <ExportButtons label="Hämta tabellen" table={() => funnelExport(comparison)} />
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
            <th scope="col">{spread ? 'Inre spridningsband' : '95 %-gränser'}</th>
            <th scope="col">{spread ? 'Yttre spridningsband' : '99,8 %-gränser'}</th>
            <th scope="col">Läge mot staden</th>
            <th scope="col">Läge efter justering för många jämförelser</th>
            <th scope="col">Rang (95 %-intervall)</th>
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
                  <td>
                    <PositionVerdict position={entry.position} direction={indicator.direction} basis={comparison.limitBasis} />
                  </td>
                  <td class="adjusted">
                    <PositionVerdict position={entry.adjustedPosition} direction={indicator.direction} basis={comparison.limitBasis} />
                  </td>
                  <td class="num rank">
                    {entry.rank === null ? '–' : `${entry.rank} (${entry.rankLower ?? '?'}–${entry.rankUpper ?? '?'})`}
                  </td>
                </>
              ) : (
                <td colSpan={8}>dolt för att skydda små tal</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="adjustment-note">{adjustmentNote(comparison)}</p>
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
          spridning: spridning === DEFAULT_OVERDISPERSION ? undefined : spridning,
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
  const overdispersion: Overdispersion = isOverdispersion(spridning) ? spridning : DEFAULT_OVERDISPERSION;
  useEffect(() => {
    document.title = 'Trattdiagram – Samsyn';
  }, []);

  const loaded = useLoad(
    async () => {
      const cat = await loadCatalogue();
      const indicator = findIndicator(cat, code) ?? cat.areas[0].indicators[0];
      const periods = await reportedPeriods(cat, indicator);
      const period = asked ?? periods[0];
      if (!period) return { cat, indicator, periods, period: '', comparison: null };
      const data = await request(ComparisonDocument, {
        indicator: indicator.code,
        period,
        overdispersion,
        multiplicity: 'BENJAMINI_HOCHBERG',
        ...onlyArea(indicator.area),
      });
      return { cat, indicator, periods, period, comparison: data[fieldOf(indicator.area)]?.comparison ?? null };
    },
    [code, asked, overdispersion, signedIn],
    // While the next indicator or period loads, the pickers stay (showing what was asked) and keep the focus.
    { keepPrevious: true },
  );

  return (
    <>
      <h1>Trattdiagram</h1>
      <p class="lead">
        Varje stadsdel jämförs med staden som helhet. För andelar och tal per invånare vidgas gränserna för små stadsdelar, där slumpen ger
        större utslag: punkter utanför gränserna skiljer sig mer än slumpen förklarar, vid ett test av många. För medianer och medelvärden
        visas i stället ett spridningsband, som inte säger något om slumpen.
      </p>
      <Status loaded={loaded}>
        {({ cat, indicator, periods, period, comparison }) => (
          <>
            <Pickers
              cat={cat}
              indicator={findIndicator(cat, code)?.code ?? indicator.code}
              period={asked ?? period}
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

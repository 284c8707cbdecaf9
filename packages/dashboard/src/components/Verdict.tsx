import type { Direction, FunnelPosition, LimitBasis } from '../gql/graphql';
import type { JSX } from 'preact';
import { useId, useState } from 'preact/hooks';
import { GOOD_VALUE, GOOD_VALUE_TEXT, limitPassed, VERDICT_WORDS, verdictOf, type Verdict } from '../model/verdict';

/** A shape for each verdict, so that neither colour nor shape alone carries it (the words always come with it). */
function VerdictIcon({ verdict }: { verdict: Verdict }) {
  const shape: Record<Verdict, JSX.Element> = {
    better: <path d="M3 8.5l3.2 3.2L13 4.8" fill="none" stroke-width="2.4" />,
    worse: (
      <>
        <path d="M8 1.5L15 14.5H1z" stroke="none" />
        <path d="M8 6v4M8 11.6v1.2" class="verdict-icon-mark" stroke-width="1.8" />
      </>
    ),
    higher: <path d="M8 2v12M3 7l5-5 5 5" fill="none" stroke-width="2" />,
    lower: <path d="M8 14V2M3 9l5 5 5-5" fill="none" stroke-width="2" />,
    inside: <circle cx="8" cy="8" r="4.5" fill="none" stroke-width="1.8" />,
  };
  return (
    <svg class="verdict-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {shape[verdict]}
    </svg>
  );
}

/** A district's position in words, with an icon and a colour for the verdict: "Sämre än staden (utanför 99,8 %-gränsen)". */
export function PositionVerdict({
  position,
  direction,
  basis,
  short = false,
}: {
  position: FunnelPosition | null;
  direction: Direction;
  basis: LimitBasis;
  /** Only the verdict, without which limit it passes. */
  short?: boolean;
}) {
  if (!position) return <span class="verdict">–</span>;
  const verdict = verdictOf(position, direction);
  const words = verdict === 'inside' ? (basis === 'SPREAD' ? 'Inom spridningsbandet' : 'Inom gränserna') : VERDICT_WORDS[verdict];
  return (
    <span class={`verdict verdict-${verdict}`} data-verdict={verdict}>
      <VerdictIcon verdict={verdict} />
      <span class="verdict-words">{words}</span>
      {!short && verdict !== 'inside' && <span class="verdict-limit"> ({limitPassed(position, basis)})</span>}
    </span>
  );
}

/** The icons of the verdicts with their words: a legend for a page that shows positions. */
export function VerdictLegend() {
  return (
    <ul class="verdict-legend" aria-label="Teckenförklaring för lägen">
      {(['better', 'worse', 'higher', 'lower', 'inside'] as const).map((verdict) => (
        <li key={verdict} class={`verdict verdict-${verdict}`}>
          <VerdictIcon verdict={verdict} />
          {verdict === 'inside' ? 'Inom gränserna' : VERDICT_WORDS[verdict]}
          {verdict === 'higher' || verdict === 'lower' ? ' (indikator utan bättre håll)' : ''}
        </li>
      ))}
    </ul>
  );
}

/**
 * An indicator's description and what a good value is, one click away: a button named after the indicator
 * ("Om indikatorn Förhandsbedömningar inom 14 dagar") that shows and hides them.
 */
export function IndicatorAbout({ indicator }: { indicator: { code: string; name: string; description: string; direction: Direction } }) {
  const [open, setOpen] = useState(false);
  const id = `om-${indicator.code}-${useId()}`;
  return (
    <div class="indicator-about">
      <button type="button" class="link-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        Om indikatorn<span class="visually-hidden"> {indicator.name}</span>
      </button>
      <div id={id} class="indicator-about-text" hidden={!open}>
        <p>{indicator.description}</p>
        <p>
          <strong>{GOOD_VALUE[indicator.direction]}.</strong> {GOOD_VALUE_TEXT[indicator.direction]}
        </p>
      </div>
    </div>
  );
}

import type { ComparisonFieldsFragment, Direction, FunnelPosition } from '../gql/graphql';
import { formatCount, formatTick, formatValue } from '../model/format';
import { FUNNEL_SIZE, funnelLayout, ticks } from '../model/funnel-layout';
import { positionText, verdictOf } from '../model/verdict';

type Entry = ComparisonFieldsFragment['entries'][number];
/** A district drawn in the plot: one with a value and a denominator the API shows. */
export type ShownEntry = Entry & { value: number; denominator: number };

export function isShown(entry: Entry): entry is ShownEntry {
  return !entry.suppressed && entry.value !== null && entry.denominator !== null;
}

const MARKERS: Record<FunnelPosition, { shape: 'circle' | 'up' | 'down'; className: string }> = {
  INSIDE: { shape: 'circle', className: 'pos-inside' },
  ABOVE_95: { shape: 'up', className: 'pos-95' },
  ABOVE_99_8: { shape: 'up', className: 'pos-998' },
  BELOW_95: { shape: 'down', className: 'pos-95' },
  BELOW_99_8: { shape: 'down', className: 'pos-998' },
};

/** A marker whose shape, not only its colour, tells where the district lies. */
export function Marker({
  position,
  direction,
  x,
  y,
  size = 6,
}: {
  position: FunnelPosition | null;
  /** The indicator's direction: the marker's colour says better (blue) or worse (orange), as the words beside it do. */
  direction?: Direction;
  x: number;
  y: number;
  size?: number;
}) {
  const marker = MARKERS[position ?? 'INSIDE'];
  const className = `marker ${marker.className}${direction ? ` verdict-${verdictOf(position ?? 'INSIDE', direction)}` : ''}`;
  if (marker.shape === 'circle') return <circle class={className} cx={x} cy={y} r={size * 0.8} />;
  const s = size;
  const points =
    marker.shape === 'up'
      ? `${x},${y - s} ${x + s},${y + s * 0.8} ${x - s},${y + s * 0.8}`
      : `${x},${y + s} ${x + s},${y - s * 0.8} ${x - s},${y - s * 0.8}`;
  return <polygon class={className} points={points} />;
}

/**
 * The funnel plot: each shown district a labelled point (value against its number of cases), the city value as
 * a line and the 95 % and 99.8 % limits as curves. Suppressed districts are never drawn.
 */
export function FunnelPlot({ comparison, titleId, descId }: { comparison: ComparisonFieldsFragment; titleId: string; descId: string }) {
  const { indicator } = comparison;
  const shown = comparison.entries.filter(isShown);
  if (shown.length === 0) return null;
  const layout = funnelLayout({
    kind: indicator.kind,
    cityValue: comparison.cityValue,
    points: shown.map((e) => ({ code: e.district.code, name: e.district.name, value: e.value, denominator: e.denominator })),
    curve: comparison.limitCurve,
  });
  if (!layout) return null;
  const { x, y, plot, labels } = layout;
  const line = (key: 'lower95' | 'upper95' | 'lower998' | 'upper998') =>
    layout.drawn.map((c, i) => `${i ? 'L' : 'M'}${x(c.cases).toFixed(1)},${y(c[key]).toFixed(1)}`).join(' ');

  const xTicks = ticks(layout.xMin, layout.xMax);
  const yTicks = ticks(layout.yMin, layout.yMax);
  return (
    <svg class="funnel-plot" viewBox={`0 0 ${FUNNEL_SIZE.width} ${FUNNEL_SIZE.height}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
      <defs>
        <clipPath id="funnel-area">
          <rect x={plot.x} y={plot.y} width={plot.w} height={plot.h} />
        </clipPath>
      </defs>
      <g class="grid" aria-hidden="true">
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line x1={plot.x} x2={plot.x + plot.w} y1={y(t)} y2={y(t)} />
            <text class="tick" x={plot.x - 8} y={y(t) + 4} text-anchor="end">
              {formatTick(t, indicator)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <g key={`x${t}`}>
            <line x1={x(t)} x2={x(t)} y1={plot.y} y2={plot.y + plot.h} />
            <text class="tick" x={x(t)} y={plot.y + plot.h + 18} text-anchor="middle">
              {formatCount(t)}
            </text>
          </g>
        ))}
        <text class="axis-label" x={plot.x + plot.w / 2} y={FUNNEL_SIZE.height - 12} text-anchor="middle">
          Antal (nämnare)
        </text>
        <text class="axis-label" transform={`translate(16 ${plot.y + plot.h / 2}) rotate(-90)`} text-anchor="middle">
          {indicator.kind === 'PROPORTION' ? 'Andel' : indicator.unit}
        </text>
      </g>
      <g class="curves" clip-path="url(#funnel-area)" aria-hidden="true">
        <path class="limit limit-998" d={line('upper998')} />
        <path class="limit limit-998" d={line('lower998')} />
        <path class="limit limit-95" d={line('upper95')} />
        <path class="limit limit-95" d={line('lower95')} />
        {comparison.cityValue !== null && (
          <line class="city-line" x1={plot.x} x2={plot.x + plot.w} y1={y(comparison.cityValue)} y2={y(comparison.cityValue)} />
        )}
      </g>
      <g class="points">
        {shown.map((entry) => (
          <g key={entry.district.code} class="point" data-district={entry.district.code} data-position={entry.position ?? ''}>
            <title>{`${entry.district.name}: ${formatValue(entry.value, indicator)} av ${formatCount(entry.denominator)} – ${positionText(entry.position ?? 'INSIDE', indicator.direction, comparison.limitBasis)}`}</title>
            <Marker position={entry.position} direction={indicator.direction} x={x(entry.denominator)} y={y(entry.value)} />
          </g>
        ))}
      </g>
      <g class="labels" aria-hidden="true">
        {labels.map(
          (label) =>
            label.leader && (
              <line
                key={`${label.code}-leader`}
                class="leader"
                x1={label.leader.x1}
                y1={label.leader.y1}
                x2={label.leader.x2}
                y2={label.leader.y2}
              />
            ),
        )}
        {labels.map((label) => (
          <text key={label.code} class="point-label" x={label.x} y={label.y} data-district={label.code}>
            {label.text}
          </text>
        ))}
      </g>
    </svg>
  );
}

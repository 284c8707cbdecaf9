import type { ComparisonFieldsFragment, Direction, FunnelPosition } from '../gql/graphql';
import { formatCount, formatTick, formatValue } from '../model/format';
import { positionText, verdictOf } from '../model/verdict';

type Entry = ComparisonFieldsFragment['entries'][number];
/** A district drawn in the plot: one with a value and a denominator the API shows. */
export type ShownEntry = Entry & { value: number; denominator: number };

export function isShown(entry: Entry): entry is ShownEntry {
  return !entry.suppressed && entry.value !== null && entry.denominator !== null;
}

const WIDTH = 760;
const HEIGHT = 460;
const MARGIN = { top: 20, right: 130, bottom: 56, left: 72 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** Round numbers for axis ticks between `min` and `max`. */
function ticks(min: number, max: number, count = 5): number[] {
  const span = max - min || 1;
  const step0 = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => span / s <= count) ?? magnitude * 10;
  const result: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) result.push(Number(v.toPrecision(12)));
  return result;
}

type CurvePoint = ComparisonFieldsFragment['limitCurve'][number];

/**
 * The funnel's curves, as the API draws them (`limitCurve`): the limits the districts are judged by, at sizes
 * along the plot, so the page computes no statistics of its own. Medians' and means' limits are the same at
 * every size: a flat band across the plot.
 */
function curvesFor(comparison: ComparisonFieldsFragment, xMax: number): CurvePoint[] {
  const curve = comparison.limitCurve;
  if (comparison.indicator.kind === 'PROPORTION' || comparison.indicator.kind === 'RATE') return curve;
  return curve.length === 0
    ? []
    : [
        { ...curve[0], cases: 0 },
        { ...curve[0], cases: xMax },
      ];
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
  const xMax = Math.max(...shown.map((e) => e.denominator)) * 1.1;
  const curves = curvesFor(comparison, xMax);

  // The y range holds every point and the curves from the smallest district's size on, not the open mouth.
  const minN = Math.min(...shown.map((e) => e.denominator)) * 0.8;
  const visible = curves.filter((c) => c.cases >= minN || curves.length === 2);
  const ys = [
    ...shown.map((e) => e.value),
    ...visible.flatMap((c) => [c.lower998, c.upper998]),
    ...(comparison.cityValue !== null ? [comparison.cityValue] : []),
  ];
  let yMin = Math.min(...ys);
  let yMax = Math.max(...ys);
  const pad = (yMax - yMin) * 0.08 || Math.abs(yMax) * 0.1 || 1;
  yMin -= pad;
  yMax += pad;
  if (indicator.kind === 'PROPORTION') {
    yMin = Math.max(0, yMin);
    yMax = Math.min(1, yMax);
  }
  if (indicator.kind !== 'PROPORTION') yMin = Math.max(0, yMin);

  const x = (n: number) => MARGIN.left + (n / xMax) * PLOT_W;
  const y = (v: number) => MARGIN.top + PLOT_H - ((v - yMin) / (yMax - yMin)) * PLOT_H;
  const line = (key: 'lower95' | 'upper95' | 'lower998' | 'upper998') =>
    curves.map((c, i) => `${i ? 'L' : 'M'}${x(c.cases).toFixed(1)},${y(c[key]).toFixed(1)}`).join(' ');

  // Labels to the right of their point, moved down where they would overlap one already placed.
  const placed: { x: number; y: number; w: number }[] = [];
  const labels = [...shown]
    .sort((a, b) => b.value - a.value)
    .map((entry) => {
      const px = x(entry.denominator);
      const w = entry.district.name.length * 7;
      let ly = y(entry.value) + 4;
      for (let tries = 0; tries < 6 && placed.some((p) => Math.abs(p.y - ly) < 13 && px + 9 < p.x + p.w && p.x < px + 9 + w); tries++)
        ly += 13;
      placed.push({ x: px + 9, y: ly, w });
      return { code: entry.district.code, x: px + 9, y: ly, text: entry.district.name };
    });

  const xTicks = ticks(0, xMax);
  const yTicks = ticks(yMin, yMax);
  return (
    <svg class="funnel-plot" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
      <defs>
        <clipPath id="funnel-area">
          <rect x={MARGIN.left} y={MARGIN.top} width={PLOT_W} height={PLOT_H} />
        </clipPath>
      </defs>
      <g class="grid" aria-hidden="true">
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line x1={MARGIN.left} x2={MARGIN.left + PLOT_W} y1={y(t)} y2={y(t)} />
            <text class="tick" x={MARGIN.left - 8} y={y(t) + 4} text-anchor="end">
              {formatTick(t, indicator)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <g key={`x${t}`}>
            <line x1={x(t)} x2={x(t)} y1={MARGIN.top} y2={MARGIN.top + PLOT_H} />
            <text class="tick" x={x(t)} y={MARGIN.top + PLOT_H + 18} text-anchor="middle">
              {formatCount(t)}
            </text>
          </g>
        ))}
        <text class="axis-label" x={MARGIN.left + PLOT_W / 2} y={HEIGHT - 12} text-anchor="middle">
          Antal (nämnare)
        </text>
        <text class="axis-label" transform={`translate(16 ${MARGIN.top + PLOT_H / 2}) rotate(-90)`} text-anchor="middle">
          {indicator.kind === 'PROPORTION' ? 'Andel' : indicator.unit}
        </text>
      </g>
      <g class="curves" clip-path="url(#funnel-area)" aria-hidden="true">
        <path class="limit limit-998" d={line('upper998')} />
        <path class="limit limit-998" d={line('lower998')} />
        <path class="limit limit-95" d={line('upper95')} />
        <path class="limit limit-95" d={line('lower95')} />
        {comparison.cityValue !== null && (
          <line class="city-line" x1={MARGIN.left} x2={MARGIN.left + PLOT_W} y1={y(comparison.cityValue)} y2={y(comparison.cityValue)} />
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
        {labels.map((label) => (
          <text key={label.code} class="point-label" x={label.x} y={label.y}>
            {label.text}
          </text>
        ))}
      </g>
    </svg>
  );
}

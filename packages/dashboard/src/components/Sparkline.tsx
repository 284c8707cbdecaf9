import type { SeriesFieldsFragment } from '../gql/graphql';
import { formatValue, type IndicatorUnit } from '../model/format';
import { periodName } from '../model/periods';

const W = 120;
const H = 32;

/** A scale label: the value as the table writes it, without a long unit ("7,4", "83,6 %"); the text alternative has the unit. */
function formatScale(value: number, indicator: IndicatorUnit): string {
  const text = formatValue(value, indicator);
  return indicator.kind === 'PROPORTION' ? text : text.slice(0, text.length - indicator.unit.length).trim();
}

/** "2026 kv. 3": a period in few letters, for the sparkline's range. */
function shortPeriod(period: string): string {
  return periodName(period).replace(' kvartal ', ' kv. ');
}

/**
 * A small line over a district's series, with its scale (lowest and highest value shown) and the periods it spans
 * written beside it; its text alternative reads out every value.
 */
export function Sparkline({ series, indicator }: { series: SeriesFieldsFragment[]; indicator: IndicatorUnit }) {
  const values = series.map((point) => (point.suppressed || !point.reported ? null : point.value));
  const shown = values.filter((v): v is number => v !== null);
  const label = series.length
    ? `Serie ${periodName(series[0].period)}–${periodName(series[series.length - 1].period)}: ${series
        .map((point, i) => (values[i] === null ? (point.suppressed ? 'dolt' : 'saknas') : formatValue(values[i], indicator)))
        .join(', ')}`
    : 'Ingen serie';
  if (shown.length < 2) return <span class="sparkline-empty">{label}</span>;
  const min = Math.min(...shown);
  const max = Math.max(...shown);
  const scale = `; lägst ${formatValue(min, indicator)}, högst ${formatValue(max, indicator)}`;
  const x = (i: number) => 2 + (i / Math.max(1, series.length - 1)) * (W - 4);
  const y = (v: number) => H - 3 - ((v - min) / (max - min || 1)) * (H - 6);
  // Hidden or missing periods break the line rather than bridging them.
  let d = '';
  values.forEach((v, i) => {
    if (v === null) return;
    d += `${i > 0 && values[i - 1] !== null ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
  });
  const last = values.length - 1 - [...values].reverse().findIndex((v) => v !== null);
  return (
    <span class="spark">
      <span class="spark-scale" aria-hidden="true">
        <span class="spark-max">{formatScale(max, indicator)}</span>
        <span class="spark-min">{formatScale(min, indicator)}</span>
      </span>
      <svg class="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label + scale}>
        <line class="spark-edge" x1="0" x2={W} y1={y(max)} y2={y(max)} />
        <line class="spark-edge" x1="0" x2={W} y1={y(min)} y2={y(min)} />
        <path d={d.trim()} />
        <circle cx={x(last)} cy={y(values[last] as number)} r="2.5" />
      </svg>
      <span class="spark-range" aria-hidden="true">
        {shortPeriod(series[0].period)}–{shortPeriod(series[series.length - 1].period)}
      </span>
    </span>
  );
}

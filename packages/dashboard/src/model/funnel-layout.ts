/**
 * Where everything of a funnel plot goes, in the plot's own units (its SVG viewBox): the axes' ranges, each shown
 * district's point and its label. Pure, so a test can check every comparison of the demo data without a browser.
 */

export const FUNNEL_SIZE = { width: 760, height: 460 };
export const FUNNEL_MARGIN = { top: 20, right: 130, bottom: 56, left: 72 };
/** The label font (the stylesheet's `.point-label`) and what a character of it takes at most, generously. */
export const LABEL_FONT_PX = 12;
const CHAR_WIDTH = 7.2;
const LABEL_HEIGHT = 14;
/** Half the side of the square a marker covers, with a little air. */
const POINT_RADIUS = 7;
/** Farther than this from its point, a label gets a line to it. */
const LEADER_AFTER = 14;

export interface LayoutInput {
  /** The indicator's kind: PROPORTION and RATE have limits that open towards small sizes. */
  kind: string;
  cityValue: number | null;
  /** The districts drawn: value against number of cases. */
  points: { code: string; name: string; value: number; denominator: number }[];
  /** The API's limits along the plot (`Comparison.limitCurve`). */
  curve: { cases: number; lower95: number; upper95: number; lower998: number; upper998: number }[];
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedLabel {
  code: string;
  text: string;
  /** Where the text starts and its baseline (SVG `text` x, y), left-anchored. */
  x: number;
  y: number;
  box: Box;
  /** From the point to the label, when the label sits away from it. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
}

export interface FunnelLayout {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** The plot area (inside the axes). */
  plot: Box;
  points: { code: string; x: number; y: number; box: Box }[];
  labels: PlacedLabel[];
  /** The limit curves over the plotted sizes: the API's points inside the x range, with the edge interpolated. */
  curve: LayoutInput['curve'];
  /** The curves to draw: every point of the API's curve (the plot clips what lies left of its axis), or a flat band. */
  drawn: LayoutInput['curve'];
  x: (cases: number) => number;
  y: (value: number) => number;
}

/** Whether two boxes share any area. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** A label's box as drawn: its estimated width, the font's height around the baseline. */
export function labelBox(text: string, x: number, y: number): Box {
  return { x, y: y - LABEL_HEIGHT + 3, w: text.length * CHAR_WIDTH, h: LABEL_HEIGHT };
}

function interpolate(a: LayoutInput['curve'][number], b: LayoutInput['curve'][number], cases: number) {
  const t = b.cases === a.cases ? 0 : (cases - a.cases) / (b.cases - a.cases);
  const mix = (key: 'lower95' | 'upper95' | 'lower998' | 'upper998') => a[key] + (b[key] - a[key]) * t;
  return { cases, lower95: mix('lower95'), upper95: mix('upper95'), lower998: mix('lower998'), upper998: mix('upper998') };
}

/**
 * The curves from `from` cases on. The x axis starts a little below the smallest district, not at zero, so the
 * 99.8 % limits, which open towards one case, stay inside the plot instead of leaving it at its top.
 */
function curveFrom(curve: LayoutInput['curve'], from: number, to: number): LayoutInput['curve'] {
  const inside = curve.filter((c) => c.cases >= from && c.cases <= to);
  const before = [...curve].reverse().find((c) => c.cases < from);
  const after = curve.find((c) => c.cases > from);
  if (before && after) inside.unshift(interpolate(before, after, from));
  return inside;
}

/** Positions around a point, nearest first: right, left, above, below, then the same farther out. */
function candidates(px: number, py: number, w: number): { x: number; y: number }[] {
  const result: { x: number; y: number }[] = [];
  const gap = POINT_RADIUS + 2;
  for (let ring = 0; ring < 14; ring++) {
    const d = ring * 12;
    const base = [
      { x: px + gap + d, y: py + 4 },
      { x: px - gap - w - d, y: py + 4 },
      { x: px - w / 2, y: py - gap - 2 - d },
      { x: px - w / 2, y: py + gap + LABEL_HEIGHT - 1 + d },
      { x: px + gap, y: py + 4 - LABEL_HEIGHT - d },
      { x: px + gap, y: py + 4 + LABEL_HEIGHT + d },
      { x: px - gap - w, y: py + 4 - LABEL_HEIGHT - d },
      { x: px - gap - w, y: py + 4 + LABEL_HEIGHT + d },
      { x: px + gap + d, y: py + 4 - LABEL_HEIGHT - d },
      { x: px + gap + d, y: py + 4 + LABEL_HEIGHT + d },
      { x: px - gap - w - d, y: py + 4 - LABEL_HEIGHT - d },
      { x: px - gap - w - d, y: py + 4 + LABEL_HEIGHT + d },
    ];
    result.push(...base);
  }
  return result;
}

/** The nearest point of a box to (px, py): where a leader line ends. */
function nearestOnBox(box: Box, px: number, py: number) {
  return { x: Math.min(Math.max(px, box.x), box.x + box.w), y: Math.min(Math.max(py, box.y), box.y + box.h) };
}

/**
 * Lays out a funnel plot: axis ranges that hold every point and the curves over the plotted sizes, and one label per
 * point that overlaps no other label and no point, next to its point where there is room, else nearby with a leader line.
 */
export function funnelLayout(input: LayoutInput): FunnelLayout | null {
  const { width, height } = FUNNEL_SIZE;
  const m = FUNNEL_MARGIN;
  const plot: Box = { x: m.left, y: m.top, w: width - m.left - m.right, h: height - m.top - m.bottom };
  const shown = input.points;
  if (shown.length === 0) return null;
  const counted = input.kind === 'PROPORTION' || input.kind === 'RATE';
  const largest = Math.max(...shown.map((p) => p.denominator));
  const smallest = Math.min(...shown.map((p) => p.denominator));
  const xMax = largest * 1.1;
  // Counted limits open towards small sizes: the axis starts below the smallest district (at zero when that is near).
  const start = smallest * 0.8;
  const xMin = counted && start > xMax * 0.04 ? start : 0;
  const band =
    input.curve.length === 0
      ? []
      : [
          { ...input.curve[0], cases: 0 },
          { ...input.curve[0], cases: xMax },
        ];
  const curve = counted ? curveFrom(input.curve, xMin, xMax) : band;
  const ys = [
    ...shown.map((p) => p.value),
    ...curve.flatMap((c) => [c.lower998, c.upper998]),
    ...(input.cityValue !== null ? [input.cityValue] : []),
  ];
  let yMin = Math.min(...ys);
  let yMax = Math.max(...ys);
  const pad = (yMax - yMin) * 0.08 || Math.abs(yMax) * 0.1 || 1;
  yMin -= pad;
  yMax += pad;
  if (input.kind === 'PROPORTION') yMax = Math.min(1, yMax);
  yMin = Math.max(0, yMin);

  const x = (n: number) => plot.x + ((n - xMin) / (xMax - xMin)) * plot.w;
  const y = (v: number) => plot.y + plot.h - ((v - yMin) / (yMax - yMin)) * plot.h;

  const points = shown.map((p) => {
    const px = x(p.denominator);
    const py = y(p.value);
    return { code: p.code, x: px, y: py, box: { x: px - POINT_RADIUS, y: py - POINT_RADIUS, w: 2 * POINT_RADIUS, h: 2 * POINT_RADIUS } };
  });
  // Labels may use the plot and the margin to its right, never the axes.
  const area: Box = { x: plot.x + 2, y: plot.y, w: plot.w + m.right - 6, h: plot.h };
  const within = (box: Box) => box.x >= area.x && box.y >= area.y && box.x + box.w <= area.x + area.w && box.y + box.h <= area.y + area.h;

  const labels: PlacedLabel[] = [];
  // Crowded points first (most neighbours nearby), so they get the places next to them.
  const order = shown
    .map((p, i) => ({ p, i, crowd: points.filter((q) => Math.hypot(q.x - points[i].x, q.y - points[i].y) < 60).length }))
    .sort((a, b) => b.crowd - a.crowd || points[a.i].y - points[b.i].y);
  for (const { p, i } of order) {
    const { x: px, y: py } = points[i];
    const w = p.name.length * CHAR_WIDTH;
    let chosen: { x: number; y: number; box: Box } | null = null;
    for (const c of candidates(px, py, w)) {
      const box = labelBox(p.name, c.x, c.y);
      if (!within(box)) continue;
      if (points.some((q) => overlaps(box, q.box))) continue;
      if (labels.some((l) => overlaps(box, l.box))) continue;
      chosen = { ...c, box };
      break;
    }
    // No free place near the point (not seen in the demo data): the first place inside the plot, with a leader.
    chosen ??= (() => {
      const c = { x: px + POINT_RADIUS + 2, y: py + 4 };
      return { ...c, box: labelBox(p.name, c.x, c.y) };
    })();
    const end = nearestOnBox(chosen.box, px, py);
    const distance = Math.hypot(end.x - px, end.y - py);
    const far = distance > LEADER_AFTER;
    // The line starts at the marker's edge, not under it.
    const edge = { x: px + ((end.x - px) / (distance || 1)) * POINT_RADIUS, y: py + ((end.y - py) / (distance || 1)) * POINT_RADIUS };
    labels.push({
      code: p.code,
      text: p.name,
      x: chosen.x,
      y: chosen.y,
      box: chosen.box,
      leader: far ? { x1: edge.x, y1: edge.y, x2: end.x, y2: end.y } : null,
    });
  }
  labels.sort((a, b) => a.code.localeCompare(b.code));
  return { xMin, xMax, yMin, yMax, plot, points, labels, curve, drawn: counted ? input.curve : band, x, y };
}

/** Round numbers for axis ticks between `min` and `max`. */
export function ticks(min: number, max: number, count = 5): number[] {
  const span = max - min || 1;
  const step0 = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => span / s <= count) ?? magnitude * 10;
  const result: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) result.push(Number(v.toPrecision(12)));
  return result;
}

// A small inline SVG line chart of an indicator over the years. The SVG is one image
// (role="img") named by a visible caption that states every value; outcomes and targets
// differ by line style and marker shape as well as colour.
import { h, s } from 'hastscript';
import type { Element } from 'hast';
import type { ChartModel } from '@kommunrapport/core';
import type { IdAllocator } from './ids.js';
import { palette } from './palette.js';

const W = 320;
const H = 160;
const PAD = { left: 28, right: 28, top: 24, bottom: 44 };
const n = (x: number) => String(Math.round(x * 10) / 10);

type Kind = ChartModel['series'][number]['kind'];
const look: Record<Kind, { stroke: string; dash?: string; square: boolean; below: boolean }> = {
  outcome: { stroke: palette.outcome, square: false, below: false },
  target: { stroke: palette.target, dash: '6 4', square: true, below: true },
  comparison: { stroke: palette.comparison, dash: '2 3', square: false, below: true },
};

function marker(kind: Kind, x: number, y: number): Element {
  const fill = look[kind].stroke;
  return look[kind].square ? s('rect', { x: n(x - 4), y: n(y - 4), width: 8, height: 8, fill }) : s('circle', { cx: n(x), cy: n(y), r: 4, fill });
}

/** A short line sample for the chart's key: the same stroke and marker as in the chart. */
function sample(kind: Kind): Element {
  return s('svg', { viewBox: '0 0 32 12', width: 32, height: 12, ariaHidden: 'true', focusable: 'false' }, [
    s('line', { x1: 0, y1: 6, x2: 32, y2: 6, stroke: look[kind].stroke, strokeWidth: 2.5, strokeDasharray: look[kind].dash }),
    marker(kind, 16, 6),
  ]);
}

/** Renders a chart with its caption and key; values are written at their points (outcomes above, targets below). */
export function chart(c: ChartModel, ids: IdAllocator): Element {
  const descId = ids.unique(`${c.id}-desc`);
  const years = [...new Set(c.series.flatMap((x) => x.points.map((p) => p.year)))].sort((a, b) => a - b);
  const values = c.series.flatMap((x) => x.points.map((p) => p.value));
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values, lo + 1);
  const x = (year: number) => PAD.left + (years.length === 1 ? 0.5 : years.indexOf(year) / (years.length - 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const base = y(Math.max(lo, Math.min(0, hi)));
  // A value is written above its point, or below when another series is higher that year.
  const below = (kind: Kind, year: number, value: number) =>
    c.series.some((o) => o.kind !== kind && o.points.some((p) => p.year === year && (p.value > value || (p.value === value && look[kind].below))));
  const label = (px: number, py: number, under: boolean, text: string) =>
    s('text', { x: n(px), y: n(under ? py + 18 : py - 9), textAnchor: 'middle', fill: palette.text, fontSize: 12 }, text);
  const shapes = c.series.flatMap((series) => {
    const pts = series.points.map((p) => [x(p.year), y(p.value), p.label, below(series.kind, p.year, p.value)] as const);
    const line = pts.length > 1
      ? [s('polyline', { points: pts.map(([a, b]) => `${n(a)},${n(b)}`).join(' '), fill: 'none', stroke: look[series.kind].stroke, strokeWidth: 2.5, strokeDasharray: look[series.kind].dash })]
      : [];
    return [...line, ...pts.flatMap(([a, b, text, under]) => [marker(series.kind, a, b), label(a, b, under, text)])];
  });
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', ariaLabelledby: descId, focusable: 'false' }, [
    s('line', { x1: PAD.left, y1: n(base), x2: W - PAD.right, y2: n(base), stroke: palette.rule, strokeWidth: 1 }),
    ...shapes,
    ...years.map((year) => s('text', { x: n(x(year)), y: H - 6, textAnchor: 'middle', fill: palette.text, fontSize: 12 }, String(year))),
  ]);
  return h('figure.fig', { id: ids.unique(c.id) }, [
    svg,
    h('figcaption', [
      h('p', { id: descId }, c.description),
      h('ul.key', { ariaHidden: 'true' }, c.series.map((series) => h('li', [sample(series.kind), ' ', series.label]))),
    ]),
  ]);
}

// An indicator chart as vector graphics: outcome bars, target markers and dotted lines of the
// comparisons (riket, a kommungrupp …) per year, and a key below, tagged
// as one Figure whose Alt is the chart's text alternative from the document; point labels come from the document too.
// The key is laid out before drawing, so the Figure's BBox and the room asked of the page
// hold every line of it: a chart is kept whole on one page.
import type { ChartModel } from '@kommunrapport/core';
import type { StructElement } from './pdfkit-api.js';
import { assignId, child, type RenderState } from './state.js';

const OUTCOME = '#1f5f99';
const TARGET = '#b35900';
const AXIS = '#6b6b6b';
const COMPARISON = '#4b5563';

/** The height of the plot with its title, axis labels and the key's first line. */
const HEIGHT = 150;
/** The widest a chart's plot is. */
const WIDTH = 340;
/** The key's left edge from the chart's left: the plot's. */
const PLOT_INSET = 30;

/** Where the key's entries stand, fixed before drawing: they depend on measured widths and the frame only. */
interface KeyLayout {
  /** Each series' entry: its x and the key line it is on (0 the first). */
  x: number[];
  line: number[];
  /** The number of lines. */
  lines: number;
  /** The right edge of the rightmost entry's label. */
  right: number;
}

/**
 * Lays the key out from `start` (the plot's left): a swatch and the series' word per entry;
 * an entry that would pass the frame's right goes on a new line.
 */
function layoutKey(state: RenderState, chart: ChartModel, size: number, start: number): KeyLayout {
  const w = state.writer;
  const layout: KeyLayout = { x: [], line: [], lines: 1, right: start };
  let lx = start;
  for (const s of chart.series) {
    const label = w.measure(s.label, 'regular', size);
    const wide = size * 2.4 + label;
    if (lx > start && lx + wide > w.frame.right) {
      lx = start;
      layout.lines++;
    }
    layout.x.push(lx);
    layout.line.push(layout.lines - 1);
    layout.right = Math.max(layout.right, lx + size * 1.4 + label);
    lx += wide;
  }
  return layout;
}

/** The height of a chart whose key has `lines` lines of text of `size`. */
function chartHeight(size: number, lines: number): number {
  return HEIGHT + (lines - 1) * size * 1.4;
}

/** The height a chart takes below the block before it, every line of its key included: what a heading before it keeps on its page. */
export function chartKeepHeight(state: RenderState, chart: ChartModel): number {
  const size = state.size * 0.8;
  return state.size * 0.3 + chartHeight(size, layoutKey(state, chart, size, state.writer.frame.left + PLOT_INSET).lines);
}

/** Draws a chart model as a Figure, kept whole on one page; its BBox holds the whole key. */
export function drawChart(state: RenderState, parent: StructElement, chart: ChartModel): void {
  const w = state.writer;
  const doc = state.doc;
  const size = state.size * 0.8;
  const width = Math.min(w.width, WIDTH);
  const height = HEIGHT;
  const key = layoutKey(state, chart, size, w.frame.left + PLOT_INSET);
  const whole = chartHeight(size, key.lines);
  w.y += state.size * 0.3;
  w.ensure(whole);
  const left = w.frame.left;
  const top = w.y;
  const el = child(state, parent, 'Figure', { alt: chart.description, bbox: [left, top, Math.max(left + width, key.right), top + whole], placement: 'Block' });
  assignId(state, el, chart.id);

  const years = [...new Set(chart.series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const values = chart.series.flatMap((s) => s.points.map((p) => p.value));
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const plot = { x: left + PLOT_INSET, y: top + 22, w: width - 40, h: height - 52 };
  const yOf = (v: number) => plot.y + plot.h - ((v - min) / (span * 1.15)) * plot.h;
  const slot = plot.w / Math.max(1, years.length);

  w.tagged(el, 'Figure', () => {
    w.text(chart.title, 'bold', size, left, top);
    // Axis and zero line.
    doc.lineWidth(0.6).strokeColor(AXIS).moveTo(plot.x, plot.y).lineTo(plot.x, plot.y + plot.h).lineTo(plot.x + plot.w, plot.y + plot.h).stroke();
    if (min < 0) doc.lineWidth(0.4).moveTo(plot.x, yOf(0)).lineTo(plot.x + plot.w, yOf(0)).stroke();
    const outcome = chart.series.find((s) => s.kind === 'outcome');
    const target = chart.series.find((s) => s.kind === 'target');
    years.forEach((year, i) => {
      const cx = plot.x + slot * (i + 0.5);
      const label = String(year);
      w.text(label, 'regular', size, cx - w.measure(label, 'regular', size) / 2, plot.y + plot.h + 3, AXIS);
      const o = outcome?.points.find((p) => p.year === year);
      if (o) {
        const y0 = yOf(0);
        const y1 = yOf(o.value);
        doc.rect(cx - slot * 0.25, Math.min(y0, y1), slot * 0.5, Math.max(0.5, Math.abs(y1 - y0))).fill(OUTCOME);
        const text = o.label;
        w.text(text, 'regular', size, cx - w.measure(text, 'regular', size) / 2, Math.min(y0, y1) - size * 1.3);
      }
      const t = target?.points.find((p) => p.year === year);
      if (t) {
        const y = yOf(t.value);
        doc.lineWidth(1.5).strokeColor(TARGET).moveTo(cx - slot * 0.35, y).lineTo(cx + slot * 0.35, y).stroke();
        if (!o) {
          const text = t.label;
          w.text(text, 'regular', size, cx - w.measure(text, 'regular', size) / 2, y - size * 1.3, TARGET);
        }
      }
    });
    // Comparisons: a dotted line through a small dot per year (the values stand in the table and the Alt).
    for (const s of chart.series.filter((x) => x.kind === 'comparison')) {
      const pts = s.points.filter((p) => years.includes(p.year)).map((p) => [plot.x + slot * (years.indexOf(p.year) + 0.5), yOf(p.value)] as const);
      if (pts.length > 1) {
        doc.lineWidth(1).strokeColor(COMPARISON).dash(1.5, { space: 2 });
        pts.forEach(([px, py], i) => (i === 0 ? doc.moveTo(px, py) : doc.lineTo(px, py)));
        doc.stroke().undash();
      }
      for (const [px, py] of pts) doc.circle(px, py, 1.8).fill(COMPARISON);
    }
    // Key: a swatch and the series' word, where layoutKey put them.
    let ly = top + height - size * 1.2;
    for (let i = 0; i < chart.series.length; i++) {
      const s = chart.series[i]!;
      const lx = key.x[i]!;
      if (i > 0 && key.line[i] !== key.line[i - 1]) ly += size * 1.4;
      if (s.kind === 'outcome') doc.rect(lx, ly + size * 0.2, size, size * 0.8).fill(OUTCOME);
      else if (s.kind === 'comparison') doc.lineWidth(1).strokeColor(COMPARISON).dash(1.5, { space: 2 }).moveTo(lx, ly + size * 0.6).lineTo(lx + size, ly + size * 0.6).stroke().undash();
      else doc.lineWidth(1.5).strokeColor(TARGET).moveTo(lx, ly + size * 0.6).lineTo(lx + size, ly + size * 0.6).stroke();
      w.text(s.label, 'regular', size, lx + size * 1.4, ly);
    }
  });
  el.end();
  w.y = top + whole + state.size * 0.6;
}

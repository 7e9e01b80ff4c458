// An indicator chart as vector graphics: outcome bars, target markers and dotted lines of the
// comparisons (riket, a kommungrupp …) per year, tagged
// as one Figure whose Alt is the chart's text alternative from the document; point labels come from the document too.
import type { ChartModel } from '@kommunrapport/core';
import type { StructElement } from './pdfkit-api.js';
import { assignId, child, type RenderState } from './state.js';

const OUTCOME = '#1f5f99';
const TARGET = '#b35900';
const AXIS = '#6b6b6b';
const COMPARISON = '#4b5563';

/** Draws a chart model as a Figure. */
export function drawChart(state: RenderState, parent: StructElement, chart: ChartModel): void {
  const w = state.writer;
  const doc = state.doc;
  const size = state.size * 0.8;
  const width = Math.min(w.width, 340);
  const height = 150;
  w.y += state.size * 0.3;
  w.ensure(height);
  const left = w.frame.left;
  const top = w.y;
  const el = child(state, parent, 'Figure', { alt: chart.description, bbox: [left, top, left + width, top + height], placement: 'Block' });
  assignId(state, el, chart.id);

  const years = [...new Set(chart.series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const values = chart.series.flatMap((s) => s.points.map((p) => p.value));
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const plot = { x: left + 30, y: top + 22, w: width - 40, h: height - 52 };
  const yOf = (v: number) => plot.y + plot.h - ((v - min) / (span * 1.15)) * plot.h;
  const slot = plot.w / Math.max(1, years.length);

  let legendBottom = top + height;
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
    // Legend: a swatch and the series' word.
    // Entries that would pass the text width go on a new line below.
    let lx = plot.x;
    let ly = top + height - size * 1.2;
    for (const s of chart.series) {
      const wide = size * 2.4 + w.measure(s.label, 'regular', size);
      if (lx > plot.x && lx + wide > w.frame.right) {
        lx = plot.x;
        ly += size * 1.4;
      }
      if (s.kind === 'outcome') doc.rect(lx, ly + size * 0.2, size, size * 0.8).fill(OUTCOME);
      else if (s.kind === 'comparison') doc.lineWidth(1).strokeColor(COMPARISON).dash(1.5, { space: 2 }).moveTo(lx, ly + size * 0.6).lineTo(lx + size, ly + size * 0.6).stroke().undash();
      else doc.lineWidth(1.5).strokeColor(TARGET).moveTo(lx, ly + size * 0.6).lineTo(lx + size, ly + size * 0.6).stroke();
      w.text(s.label, 'regular', size, lx + size * 1.4, ly);
      lx += wide;
    }
    legendBottom = ly + size * 1.2;
  });
  el.end();
  w.y = Math.max(top + height, legendBottom) + state.size * 0.6;
}

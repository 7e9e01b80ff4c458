// Same figure, same text: a chart's point labels are formatted with the indicator's own
// decimals, so each reads exactly as the indicator's cell in the table right before the chart
// (an indicator with `decimals: 1` says 3,0 % in both, never 3 % in the chart); the cell may
// add words around the figure, such as the year of an older measurement: "79 % (2021)".
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadReport } from '@kommunrapport/model';
import { createRenderContext, walkSections, type ChartModel, type TableModel } from '../src/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLES = ['examples/eskilstuna-ks-2022-delar2/rapport.yaml', 'examples/solberga-son-2024-delar/rapport.yaml', 'examples/norrvik-bun-2024-malmodell/rapport.yaml'];

function charts(path: string): { chart: ChartModel; table: TableModel }[] {
  const { report } = loadReport(readFileSync(`${root}${path}`, 'utf8'), path);
  const sections = [...walkSections(createRenderContext(report!, {}).document.sections)];
  const tables = new Map(sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [[b.table.id, b.table] as const] : []))));
  return sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'chart' ? [{ chart: b.chart, table: tables.get(b.chart.valuesInTable ?? '')! }] : [])));
}

describe.each(EXAMPLES)('charts of %s', (path) => {
  const found = charts(path);

  it('label every point with the figure of the cell of its indicator, kind and year in the table before the chart', () => {
    expect(found.length).toBeGreaterThan(0);
    let compared = 0;
    for (const { chart, table } of found) {
      expect(table, chart.id).toBeDefined();
      const row = table.rows.find((r) => r.header === chart.title || r.header.startsWith(`${chart.title} (`))!;
      expect(row, chart.id).toBeDefined();
      const outcomeLabel = chart.series.find((x) => x.kind === 'outcome')!.label;
      for (const series of chart.series)
        for (const point of series.points) {
          // A comparison's values stand in its own row ("<indicator>: Riket (jämförelse)"), in the outcome columns.
          const comparison = series.kind === 'comparison';
          const own = comparison ? table.rows.find((r) => r.header === `${chart.title}: ${series.label}`)! : row;
          expect(own, `${chart.id} ${series.label}`).toBeDefined();
          const column = table.columns.findIndex((c) => c.label === `${comparison ? outcomeLabel : series.label} ${point.year}`);
          expect(column, `${chart.id} ${series.label} ${point.year}`).toBeGreaterThanOrEqual(0);
          // The same figure, whole: the cell may add words around it (a bound, "(2021)" for an older measurement).
          const cell = own.cells[column]!.text;
          expect(` ${cell} `, `${chart.id} ${series.label} ${point.year}`).toContain(` ${point.label} `);
          compared++;
        }
    }
    expect(compared).toBeGreaterThan(found.length);
  });
});

it("draws an indicator's comparisons beside its own values, each a series of its own (Norrvik example)", () => {
  const { chart } = charts(EXAMPLES[2]!).find((c) => c.chart.id === 'behorighet-yrkesprogram-chart')!;
  expect(chart.series.map((s) => `${s.kind} ${s.label}: ${s.points.map((p) => p.label.replace(/\s/g, ' ')).join(', ')}`)).toEqual([
    'outcome Utfall: 84,1 %, 85,9 %, 86,4 %',
    'target Mål: 88,0 %',
    'comparison Riket (jämförelse): 85,6 %, 84,3 %, 83,9 %',
    'comparison Pendlingskommuner nära större stad (jämförelse): 84,9 %, 84,0 %, 83,2 %',
  ]);
  // Its values, comparisons included, stand in the table right before it: the text alternative points there.
  expect(chart.valuesInTable).toBe('behoriga-gymnasiet-indicators');
});

it('an indicator with decimals: 1 says 3,0 % in its chart, as in its table', () => {
  const { chart } = charts(EXAMPLES[0]!).find((c) => c.chart.id === 'sjukfranvaro-tillsvidareanstallda-chart')!;
  const outcome = chart.series.find((s) => s.kind === 'outcome')!;
  expect(outcome.points.map((p) => p.label.replace(/\s/g, ' '))).toEqual(['3,1 %', '3,0 %', '1,7 %']);
});

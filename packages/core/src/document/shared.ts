// Helpers shared by writers, as Pandoc's Writers/Shared: ways to serialise a node that
// more than one writer needs, so no writer copies another's code.
import type { LegendModel, TableModel } from './types.js';

/**
 * A key to symbols as a table, for writers that draw keys as tables: each entry's badge
 * (symbol and label) is its row's header cell, its meaning the one cell beside it.
 */
export function legendTable(legend: LegendModel): TableModel {
  return {
    id: legend.id,
    caption: legend.caption,
    corner: legend.symbolHeader,
    columns: [{ label: legend.meaningHeader, align: 'start' }],
    rows: legend.entries.map((e) => {
      const meaning = e.meaning ?? e.label;
      return { header: e.label, headerBadge: e.badge, cells: [{ text: meaning, spoken: meaning, speech: meaning, align: 'start' }] };
    }),
  };
}

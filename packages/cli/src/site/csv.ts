// One CSV per table of a report, holding exactly that table as the report shows it: a
// header row (the corner and the column headers, each under its column group when it has
// one), then one row per table row (its header, then its cells as shown). Written with the
// open-data plugin's RFC 4180 writer, so escaping and formula protection are the same.
import { writeCsv } from '@kommunrapport/plugin-open-data';
import type { TableModel } from '@kommunrapport/core';

/** The header of each column of a table, as one line of text. */
export function columnHeaders(table: TableModel): string[] {
  const groups: string[] = [];
  for (const g of table.columnGroups ?? []) for (let i = 0; i < g.span; i++) groups.push(g.label);
  return [table.corner, ...table.columns.map((c, i) => (groups[i] ? `${groups[i]} ${c.label}` : c.label))];
}

/** The rows of a table as text: its header, then its cells as shown (a heading row has empty cells). */
export function tableRows(table: TableModel): string[][] {
  return table.rows.map((row) => [row.header, ...(row.heading ? table.columns.map(() => '') : row.cells.map((c) => c.text))]);
}

/** The table as CSV. */
export function tableCsv(table: TableModel): string {
  const headers = columnHeaders(table);
  const names = headers.map((_, i) => `c${i}`);
  // writeCsv writes the field names as the header row: the headers as shown are the first record instead.
  const rows = tableRows(table).map((cells) => Object.fromEntries(cells.map((c, i) => [names[i]!, c])));
  const csv = writeCsv({ name: table.id, title: table.caption, description: table.caption, primaryKey: [], fields: names.map((n) => ({ name: n, type: 'string', description: n })), rows: [Object.fromEntries(headers.map((h, i) => [names[i]!, h])), ...rows] });
  // Drop the c0,c1,… line of field names.
  return csv.slice(csv.indexOf('\r\n') + 2);
}

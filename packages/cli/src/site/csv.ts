// One CSV per table of a report, holding exactly that table as the report shows it: a
// header row (the corner and the column headers, each under its column group when it has
// one), then one row per table row (its header, then its cells as shown). Written with the
// open-data plugin's RFC 4180 writer, so escaping and formula protection are the same.
import { writeCsv } from '@kommunrapport/plugin-open-data';
import { phraseText, type TableModel } from '@kommunrapport/core';

/** The header of each column of a table, as one line of text. */
export function columnHeaders(table: TableModel): string[] {
  const groups: string[] = [];
  for (const g of table.columnGroups ?? []) for (let i = 0; i < g.span; i++) groups.push(g.label);
  return [table.corner, ...table.columns.map((c, i) => (groups[i] ? `${groups[i]} ${c.label}` : c.label))];
}

/**
 * The rows of a table as text: its header, then its cells as shown (a heading row has empty
 * cells); a cell or header with inline content (a table written in rich text) as the page
 * shows it, with an abbreviation explained where the page explains it.
 */
export function tableRows(table: TableModel): string[][] {
  return table.rows.map((row) => [
    row.headerContent ? phraseText(row.headerContent) : row.header,
    ...(row.heading ? table.columns.map(() => '') : row.cells.map((c) => (c.content ? phraseText(c.content) : c.text))),
  ]);
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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s: string) => s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? all)));

/**
 * The ids the report's HTML page gave its tables, in page order, with their captions. The
 * page keeps ids unique (a table may share its document id with a section, and then gets
 * `-2`), so the site links the id the page really has: the n-th table of a caption in the
 * document is the n-th table of that caption on the page.
 */
export function pageTableIds(html: string): { id: string; caption: string }[] {
  const out: { id: string; caption: string }[] = [];
  for (const m of html.matchAll(/<div class="tw"[^>]*?\sid="([^"]+)"[^>]*><table><caption[^>]*>([^<]*)<\/caption>/g)) out.push({ id: decode(m[1]!), caption: decode(m[2]!) });
  return out;
}

/** Each table of the document with the id its page gives it (undefined when the page has no such table) and a file name unique in the report. */
export function tableAnchors(tables: readonly TableModel[], html: string | undefined): { table: TableModel; anchor?: string; name: string }[] {
  const onPage = html === undefined ? [] : pageTableIds(html);
  let from = 0;
  const names = new Set<string>();
  return tables.map((table) => {
    const at = onPage.findIndex((p, i) => i >= from && p.caption === table.caption);
    const anchor = at >= 0 ? onPage[at]!.id : undefined;
    if (at >= 0) from = at + 1;
    let name = anchor ?? table.id;
    for (let n = 2; names.has(name); n++) name = `${anchor ?? table.id}-${n}`;
    names.add(name);
    return { table, ...(anchor !== undefined ? { anchor } : {}), name };
  });
}

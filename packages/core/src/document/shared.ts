// Helpers shared by writers, as Pandoc's Writers/Shared: ways to serialise a node that
// more than one writer needs, so no writer copies another's code.
import type { DocBlock, DocumentModel, LegendModel, TableModel, TableRowModel } from './types.js';
import { phraseText } from './inline.js';
import { unusedName } from './names.js';

/**
 * Whether text ends a sentence: a "!", a "?", or a full stop after a number or a word of five
 * letters or more ("…lyckas i skolan.", "…inte 2024."). A stop after a shorter word or inside
 * one ends an abbreviation ("Prognos i okt.", "m.m.", "t.ex."), which the next words continue.
 */
export function endsSentence(text: string): boolean {
  return /(?:[!?]|\p{L}{5}\.|\p{N}\.)$/u.test(text);
}

/**
 * Phrases joined as one line reads them: "; " between them, but a phrase that ends with a stop
 * (a goal's title, a reason the author gives: "…byte av leverantör.", or an abbreviation) is
 * followed by a space only, so no stop has "; " glued to it.
 */
export function joinPhrases(phrases: readonly string[]): string {
  let out = '';
  for (let i = 0; i < phrases.length; i++) out += i === 0 ? phrases[i] : `${/[.!?]$/u.test(phrases[i - 1]!) ? ' ' : '; '}${phrases[i]}`;
  return out;
}

/**
 * What goes between a label and what it labels on one line: ": " ("Period: januari–augusti",
 * "Prognos i okt.: 12"), or a space only after a label that ends a sentence itself, as a goal
 * the author wrote as one does ("Alla barn ska lyckas i skolan. Mål …"), so no sentence's stop
 * has a colon glued to it and the author's words stay as written.
 */
export function labelSeparator(label: string): string {
  return endsSentence(label) ? ' ' : ': ';
}

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
    rows: legend.entries.map(legendRow),
  };
}

// Module-level functions and loops here, not arrows made per call: writers call these for
// every report, and V8 drops the optimised code of such arrows at each full collection.
function legendRow(e: LegendModel['entries'][number]): TableRowModel {
  const meaning = e.meaning ?? e.label;
  return { header: e.label, headerBadge: e.badge, cells: [{ text: meaning, spoken: meaning, speech: meaning, align: 'start' }] };
}

/** A table of the document as readers see it: a data table, or a key to symbols drawn as a table. */
export interface DocumentTable {
  /** The block that shows the table (`table` or `legend`); writers find a table's name by its block. */
  block: Extract<DocBlock, { kind: 'table' | 'legend' }>;
  /** The table (for a legend, {@link legendTable} of it). */
  table: TableModel;
  /** A name unique among the document's tables, from the table's id in lower case (`-2`, `-3` … when taken): the file name of its CSV without `.csv`. */
  name: string;
}

/**
 * Every table of the document in reading order, keys to symbols included (writers draw them
 * as tables), each with a name unique in the document. The one place that decides which
 * tables a report has and what their files are called: the open data writes one CSV per
 * table under this name, the HTML page links each table to it, a site lists them.
 */
export function documentTables(document: DocumentModel): DocumentTable[] {
  const out: DocumentTable[] = [];
  const taken = new Set<string>();
  for (const s of document.sections) collectTables(s.blocks, taken, out);
  return out;
}

function collectTables(blocks: readonly DocBlock[], taken: Set<string>, out: DocumentTable[]): void {
  for (const b of blocks) {
    if (b.kind === 'section') collectTables(b.section.blocks, taken, out);
    else if (b.kind === 'table' || b.kind === 'legend') {
      const table = b.kind === 'table' ? b.table : legendTable(b.legend);
      const base = table.id.toLowerCase().replace(/[^a-z0-9_-]+/g, '-') || 'table';
      const name = unusedName(base, taken);
      taken.add(name);
      out.push({ block: b, table, name });
    }
  }
}

/** Where a table's CSV is, relative to the folder of the open data that holds it: `tables/<name>.csv`. */
export const tableCsvFile = (name: string): string => `tables/${name}.csv`;

/**
 * A table's cells as the page shows them, as rows of text: first the header row (the corner,
 * then each column's header, under its column group when it has one: "Kommunen 2024"), then
 * one row per table row (its header, then its cells; a heading row has empty cells). A cell
 * written as inline content (a table in rich text) is its text as shown, with an
 * abbreviation explained where the page explains it. What a table's CSV holds.
 */
export function tableText(table: TableModel): string[][] {
  const groups: string[] = [];
  for (const g of table.columnGroups ?? []) for (let i = 0; i < g.span; i++) groups.push(g.label);
  const header = [table.corner, ...table.columns.map((c, i) => (groups[i] ? `${groups[i]} ${c.label}` : c.label))];
  const out = [header];
  for (const row of table.rows) {
    const line = [row.headerContent ? phraseText(row.headerContent) : row.header];
    if (row.heading) for (let i = 0; i < table.columns.length; i++) line.push('');
    else for (const c of row.cells) line.push(c.content ? phraseText(c.content) : c.text);
    out.push(line);
  }
  return out;
}

// A report's tables as the site lists them: each with the id the report's HTML page gave it
// and the CSV of that table, which the report's build writes into its open data (one CSV
// per table, named by core's documentTables and tableCsvFile; the page links each table to
// it). The site links these files and makes no copy of its own.
import { documentTables, tableCsvFile, type DocumentModel, type TableModel } from '@kommunrapport/core';
import { OUT_DIR } from '@kommunrapport/plugin-open-data';

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

/** A table of a report on the site: the table, its id on the report's page and its CSV in the report's build. */
export interface SiteTable {
  table: TableModel;
  /** The table's id on the report's HTML page (undefined when the page has no such table). */
  anchor?: string;
  /** The table's CSV, relative to the report's build folder (undefined when the build has none). */
  csv?: string;
}

/**
 * Each table of the document (legends included, as the page shows them) with the id its page
 * gives it and its CSV when the build wrote it (`files`: the build's files, relative to its folder).
 */
export function siteTables(document: DocumentModel, html: string | undefined, files: readonly string[]): SiteTable[] {
  const onPage = html === undefined ? [] : pageTableIds(html);
  let from = 0;
  return documentTables(document).map(({ table, name }) => {
    const at = onPage.findIndex((p, i) => i >= from && p.caption === table.caption);
    const anchor = at >= 0 ? onPage[at]!.id : undefined;
    if (at >= 0) from = at + 1;
    const csv = `${OUT_DIR}/${tableCsvFile(name)}`;
    return { table, ...(anchor !== undefined ? { anchor } : {}), ...(files.includes(csv) ? { csv } : {}) };
  });
}

// Test helpers for a built site: its files, a link checker (every internal href and src
// resolves to a file, every #anchor to an id in that file), the tables of a page and their
// CSVs, all read with parse5.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Every file of a folder, as POSIX paths relative to it (dot files included). */
export function siteFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Every element of a tree, in document order. */
export function elements(node: Node): Element[] {
  const out: Element[] = [];
  const visit = (n: Node) => {
    if ('tagName' in n) out.push(n);
    const kids = 'content' in n && n.nodeName === 'template' ? [] : 'childNodes' in n ? n.childNodes : [];
    for (const c of kids) visit(c);
  };
  visit(node);
  return out;
}

export const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;

/**
 * The text of an element, white space collapsed: as a screen reader gets it (`read`: what is
 * hidden from assistive technology left out), or as the page shows it (`shown`: the words only
 * a screen reader gets, class `vh`, left out; a CSV holds what is shown).
 */
export function textOf(node: Node, seen: 'read' | 'shown' = 'read'): string {
  let s = '';
  const isVh = (n: Node) => 'tagName' in n && (attr(n, 'class') ?? '').split(/\s+/).includes('vh');
  // Shown: a symbol hidden from assistive technology is decoration (its words are beside it),
  // unless words only a screen reader gets (`vh`) stand in for it, as for "–" and "−5 – −10".
  const skip = (n: Node, siblings: readonly Node[]) => {
    if (!('tagName' in n)) return false;
    if (seen === 'shown' && isVh(n)) return true;
    return attr(n, 'aria-hidden') === 'true' && !(seen === 'shown' && siblings.some(isVh));
  };
  const visit = (n: Node) => {
    if (n.nodeName === '#text') s += (n as DefaultTreeAdapterMap['textNode']).value;
    else if ('childNodes' in n) for (const c of n.childNodes) if (!skip(c, n.childNodes)) visit(c);
  };
  visit(node);
  return s.replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');
}

export const parseFile = (file: string): DefaultTreeAdapterMap['document'] => parse(readFileSync(file, 'utf8'));

/** What the link checker found. */
export interface LinkReport {
  pages: number;
  links: number;
  anchors: number;
  external: number;
  broken: string[];
}

/** Checks every internal href and src of every HTML file of the site. */
export function checkLinks(dir: string): LinkReport {
  const report: LinkReport = { pages: 0, links: 0, anchors: 0, external: 0, broken: [] };
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file)) ids.set(file, new Set(elements(parseFile(file)).map((e) => attr(e, 'id')).filter((v): v is string => v !== undefined)));
    return ids.get(file)!;
  };
  for (const page of siteFiles(dir).filter((f) => f.endsWith('.html'))) {
    report.pages++;
    const file = join(dir, page);
    for (const e of elements(parseFile(file))) {
      for (const name of ['href', 'src']) {
        const value = attr(e, name);
        if (value === undefined) continue;
        if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
          report.external++;
          continue;
        }
        report.links++;
        const [path, anchor] = value.split('#') as [string, string | undefined];
        const target = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
        if (!target.startsWith(dir) || !existsSync(target) || statSync(target).isDirectory()) {
          report.broken.push(`${page}: ${name}="${value}" (no such file)`);
          continue;
        }
        if (anchor !== undefined && anchor !== '') {
          report.anchors++;
          if (!target.endsWith('.html') || !idsOf(target).has(decodeURIComponent(anchor))) report.broken.push(`${page}: ${name}="${value}" (no element with id "${anchor}")`);
        }
      }
    }
  }
  return report;
}

/** The rows of the table with this id (or inside the element with this id), each a list of cell texts as shown (a cell spanning columns, then empty ones). */
export function tableRows(file: string, id: string): string[][] {
  const all = elements(parseFile(file));
  const holder = all.find((e) => attr(e, 'id') === id);
  if (holder === undefined) throw new Error(`${file} has no element with id ${id}`);
  const table = holder.tagName === 'table' ? holder : elements(holder).find((e) => e.tagName === 'table');
  if (table === undefined) throw new Error(`${file}: the element with id ${id} (${holder.tagName}) holds no table`);
  return elements(table)
    .filter((e) => e.tagName === 'tr')
    .map((tr) => tr.childNodes.filter((c): c is Element => 'tagName' in c && (c.tagName === 'th' || c.tagName === 'td')).flatMap((c) => Array.from({ length: Number(attr(c, 'colspan') ?? '1') }, (_, i) => (i === 0 ? textOf(c, 'shown') : ''))));
}

/**
 * How a table's CSV differs from the table as the page shows it (`shown`: {@link tableRows});
 * empty when the CSV holds exactly that table. The CSV has one header row (each column's
 * header under its group, "Kommunen 2024"), then the body rows cell for cell; a text cell
 * protected against formula injection is read without its apostrophe, and a row header may
 * be followed on the page by its note reference ("Intäkter Not 1").
 */
export function csvMismatches(csvText: string, shown: string[][]): string[] {
  const csv = parseCsv(csvText, { record_delimiter: '\r\n', relax_column_count: false }) as string[][];
  const problems: string[] = [];
  const headerRows = shown.length - (csv.length - 1);
  if (headerRows < 1) return [`the CSV has ${csv.length} rows, the page ${shown.length}`];
  const body = shown.slice(headerRows);
  csv.slice(1).forEach((row, i) => {
    const cells = row.map((c) => c.replace(/^'(?=[=+\-@\t\r])/, ''));
    const page = body[i]!.map((c, j) => (j === 0 && c.startsWith(cells[0]!) && /^( \S.*)?$/.test(c.slice(cells[0]!.length)) ? cells[0]! : c));
    if (JSON.stringify(cells) !== JSON.stringify(page)) problems.push(`row ${i + 2}: CSV ${JSON.stringify(cells)}, page ${JSON.stringify(body[i])}`);
  });
  // Under column groups the corner spans both header rows, so the last header row starts at the first column.
  const last = shown[headerRows - 1]!;
  const header = csv[0]!;
  if (header.length - last.length !== (headerRows > 1 ? 1 : 0)) problems.push(`header: CSV ${JSON.stringify(header)}, page ${JSON.stringify(shown.slice(0, headerRows))}`);
  else {
    if (headerRows > 1 && header[0] !== shown[0]![0]) problems.push(`corner: CSV ${JSON.stringify(header[0])}, page ${JSON.stringify(shown[0]![0])}`);
    header.slice(header.length - last.length).forEach((h, i) => {
      if (!h.endsWith(last[i]!)) problems.push(`header of column ${i + 1}: CSV ${JSON.stringify(h)}, page ${JSON.stringify(last[i])}`);
    });
  }
  return problems;
}

/** The link right after a table's region on a report's page (`p.csv > a`), or undefined. */
export function csvLinkBeside(file: string, id: string): Element | undefined {
  const all = elements(parseFile(file));
  const region = all.find((e) => attr(e, 'id') === id);
  if (region === undefined) return undefined;
  const siblings = region.parentNode!.childNodes.filter((c): c is Element => 'tagName' in c);
  const next = siblings[siblings.indexOf(region) + 1];
  if (next === undefined || next.tagName !== 'p' || !(attr(next, 'class') ?? '').split(/\s+/).includes('csv')) return undefined;
  return elements(next).find((e) => e.tagName === 'a');
}

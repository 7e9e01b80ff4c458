// The link beside each table to that table's CSV, which the open data of the same build
// writes (ctx.siblings, named by core's documentTables and tableCsvFile): one per table,
// legends included, right after the table's region, its words from the vocabulary and its
// accessible name completed by the table's caption; none when the build made no such CSV.
// (That each CSV holds exactly its table is shown on real builds in packages/cli/test/examples.test.ts.)
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { createRenderContext, documentTables } from '@kommunrapport/core';
import { loadReport, presets } from '@kommunrapport/model';
import { render, load, eskilstuna, minimal, allSiblings, csvSiblings } from './render.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
const isElement = (n: Node): n is Element => 'tagName' in n;
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const hasClass = (e: Element, c: string) => (attr(e, 'class') ?? '').split(/\s+/).includes(c);
function all(n: Node): Element[] {
  const out: Element[] = [];
  const visit = (x: Node) => {
    if (isElement(x)) out.push(x);
    if ('childNodes' in x) for (const c of x.childNodes) visit(c);
  };
  visit(n);
  return out;
}
const textOf = (n: Node): string => (n.nodeName === '#text' ? (n as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in n ? n.childNodes.map(textOf).join('') : '');

/** Each table region of the page with the element right after it. */
function regions(html: string): { region: Element; table: Element; next: Element | undefined }[] {
  return all(parse(html))
    .filter((e) => hasClass(e, 'tw'))
    .map((region) => {
      const siblings = region.parentNode!.childNodes.filter(isElement);
      return { region, table: all(region).find((e) => e.tagName === 'table')!, next: siblings[siblings.indexOf(region) + 1] };
    });
}

describe('the CSV link beside each table', () => {
  test('every table of the Eskilstuna page, legends included, has right after it a link to its own CSV, named by its words and caption', async () => {
    const report = load(eskilstuna);
    const tables = documentTables(createRenderContext(report, {}).document);
    const { html } = await render(report, {}, [...allSiblings, ...csvSiblings(report)]);
    const found = regions(html);
    expect(found).toHaveLength(tables.length);
    expect(tables.some((t) => t.block.kind === 'legend')).toBe(true);
    const ids = new Set(all(parse(html)).map((e) => attr(e, 'id')));
    found.forEach(({ table, next }, i) => {
      const caption = all(table).find((e) => e.tagName === 'caption')!;
      expect(textOf(caption)).toBe(tables[i]!.table.caption);
      expect(next && next.tagName === 'p' && hasClass(next, 'csv'), tables[i]!.name).toBe(true);
      const link = all(next!).find((e) => e.tagName === 'a')!;
      expect(attr(link, 'href')).toBe(`open-data/tables/${tables[i]!.name}.csv`);
      expect(attr(link, 'type')).toBe('text/csv');
      expect(attr(link, 'download')).toBe('');
      // Its accessible name: the link's own words, then the table's caption.
      expect(attr(link, 'aria-labelledby')).toBe(`${attr(link, 'id')} ${attr(caption, 'id')}`);
      expect(ids.has(attr(caption, 'id'))).toBe(true);
      expect(textOf(link)).toBe(presets.eskilstuna.terms.downloadTableCsv);
      expect(textOf(next!)).toMatch(/^Ladda ner tabellen som CSV \(1\u00a0kB\)$/);
    });
    // One link per file: no two tables share a CSV.
    expect(new Set(found.map(({ next }) => attr(all(next!).find((e) => e.tagName === 'a')!, 'href'))).size).toBe(tables.length);
  });

  test('without the CSV of a table (no open data in the build) no link appears', async () => {
    const report = load(eskilstuna);
    for (const siblings of [[], allSiblings]) {
      const { html } = await render(report, {}, siblings);
      expect(regions(html).length).toBeGreaterThan(5);
      expect(html).not.toContain('class="csv"');
      expect(html).not.toContain('text/csv');
    }
    // Only the tables whose CSV the build made get a link.
    const some = csvSiblings(report).slice(0, 2);
    const { html } = await render(report, {}, some);
    expect(all(parse(html)).filter((e) => hasClass(e, 'csv')).map((p) => attr(all(p).find((e) => e.tagName === 'a')!, 'href'))).toEqual(some.map((s) => s.path));
  });

  test('an English report gets the English words; a report may replace them', async () => {
    const english = loadReport(readFileSync(minimal, 'utf8').replace('governance: eskilstuna', 'governance: generic-en').replace('language: sv', 'language: en')).report!;
    const en = (await render(english, {}, csvSiblings(english))).html;
    expect(en).toContain('>Download the table as CSV</a>');
    expect(en).not.toContain(presets.eskilstuna.terms.downloadTableCsv);
    const own = { ...english, governance: { ...english.governance, terms: { ...english.governance.terms, downloadTableCsv: 'Get this table (CSV)' } } };
    expect((await render(own, {}, csvSiblings(own))).html).toContain('>Get this table (CSV)</a>');
  });
});

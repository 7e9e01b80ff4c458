// The financial statements of the Ekdala example in Word: column groups as a header row
// over the column headers (both repeated on every page, each group spanning its columns),
// heading rows as one cell over the whole width, and the note a row refers to after its label.
import { beforeAll, describe, expect, it } from 'vitest';
import { walkSections, type DocumentModel, type TableModel } from '@kommunrapport/core';
import { resolve } from 'node:path';
import { ROOT, docxFiles, documentOf, load, renderReport, tables } from './helpers.js';

const FILE = resolve(ROOT, 'examples/ekdala-kf-2024-delar2/rapport.yaml');

/** The tables of the document, in reading order. */
function tableModels(doc: DocumentModel): TableModel[] {
  return [...walkSections(doc.sections)].flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])));
}

describe('the Ekdala statements as DOCX', () => {
  let xml: string;
  let models: TableModel[];
  beforeAll(async () => {
    const report = load(FILE);
    models = tableModels(documentOf(report));
    xml = docxFiles(await renderReport(report))['word/document.xml']!;
  });

  it('writes the column groups as a header row above the column headers, each group spanning its columns', () => {
    const grouped = models.filter((t) => t.columnGroups?.length);
    expect(grouped.length).toBeGreaterThan(0);
    const found = tables(xml);
    for (const model of grouped) {
      const t = found.find((f) => f.before.includes(model.caption.split(',')[0]!));
      expect(t, model.caption).toBeDefined();
      expect(t!.rows.slice(0, 2).map((r) => r.header)).toEqual([true, true]);
      expect(t!.rows[2]!.header).toBe(false);
      expect(t!.rows[0]!.cells).toEqual(['', ...model.columnGroups!.map((g) => g.label)]);
      expect(t!.rows[1]!.cells).toEqual([model.corner, ...model.columns.map((c) => c.label)]);
    }
    // A group over two columns spans them (w:gridSpan).
    const span = grouped.flatMap((m) => m.columnGroups!).find((g) => g.span > 1)!.span;
    expect(xml).toContain(`<w:gridSpan w:val="${span}"/>`);
  });

  it('writes a heading row as one bold cell over the whole width, and no heading row without it', () => {
    const model = models.find((t) => t.rows.some((r) => r.heading))!;
    const heading = model.rows.find((r) => r.heading)!;
    const t = tables(xml).find((f) => f.rows.some((r) => r.cells.length === 1 && r.cells[0] === heading.header))!;
    expect(t).toBeDefined();
    const row = new RegExp(`<w:tr>(?:(?!</w:tr>)[\\s\\S])*<w:gridSpan w:val="${model.columns.length + 1}"/>(?:(?!</w:tr>)[\\s\\S])*<w:b/>(?:(?!</w:tr>)[\\s\\S])*${heading.header}`);
    expect(xml).toMatch(row);
  });

  it("names the note a row refers to after the row's label", () => {
    const row = models.flatMap((t) => t.rows).find((r) => r.note)!;
    expect(row).toBeDefined();
    const cells = tables(xml).flatMap((t) => t.rows.map((r) => r.cells[0]));
    expect(cells).toContain(`${row.header} ${row.note!.label}`);
  });

  it("links each note reference to a bookmark around the note's heading", () => {
    const refs = models.flatMap((t) => t.rows).filter((r) => r.note);
    expect(refs.length).toBeGreaterThan(3);
    const links = [...xml.matchAll(/<w:hyperlink [^>]*?w:anchor="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/g)].map((m) => ({ anchor: m[1]!, text: [...m[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('') }));
    expect(links.map((l) => l.text)).toEqual(refs.map((r) => r.note!.label));
    for (const l of links) {
      // The bookmark stands in a heading paragraph whose text is the note's title.
      const at = xml.indexOf(`w:name="${l.anchor}"`);
      expect(at, l.anchor).toBeGreaterThan(0);
      const paragraph = xml.slice(xml.lastIndexOf('<w:p>', at), xml.indexOf('</w:p>', at));
      expect(paragraph).toMatch(/<w:pStyle w:val="Heading\d"\/>/);
      expect(paragraph).toContain(`>${l.text} `);
      expect(l.anchor).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
    }
  });
});

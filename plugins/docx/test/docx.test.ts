// The Word document of both bundled examples, read from its XML: the outline in Word's
// heading styles, title and language set, tables with a caption and a repeated header
// row, charts as captioned tables, the cover facts and the key to symbols, and the same
// bytes on every build.
import { beforeAll, describe, expect, it } from 'vitest';
import { legendTable, walkSections, type ChartModel, type DocBlock, type DocSection, type DocumentModel, type TableModel } from '@kommunrapport/core';
import type { Report } from '@kommunrapport/model';
import { EXAMPLES, docxFiles, docxText, documentOf, load, paragraphs, renderReport, tables } from './helpers.js';

/** Every block of the document in reading order, sections included. */
function* blocks(sections: readonly DocSection[]): Generator<DocBlock> {
  for (const s of sections)
    for (const b of s.blocks) {
      yield b;
      if (b.kind === 'section') yield* blocks([b.section]);
    }
}
/** The tables the DOCX holds: tables, keys to symbols, and charts whose values stand in no table before them. */
const tablesOf = (doc: DocumentModel) =>
  [...blocks(doc.sections)].flatMap((b): (TableModel | ChartModel)[] =>
    b.kind === 'table' ? [b.table] : b.kind === 'legend' ? [legendTable(b.legend)] : b.kind === 'chart' && b.chart.valuesInTable === undefined ? [b.chart] : [],
  );

describe.each(EXAMPLES)('%s as DOCX', (_, file) => {
  let report: Report;
  let doc: DocumentModel;
  let bytes: Uint8Array;
  let files: Record<string, string>;
  beforeAll(async () => {
    report = load(file);
    doc = documentOf(report);
    bytes = await renderReport(report);
    files = docxFiles(bytes);
  });

  it('is a zip with the parts of a Word document', () => {
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'docProps/core.xml']));
    expect(files['[Content_Types].xml']).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
  });

  it('sets the document title in docProps/core.xml and as the Title paragraph', () => {
    expect(files['docProps/core.xml']).toContain(`<dc:title>${doc.title}</dc:title>`);
    expect(files['docProps/core.xml']).not.toContain('Un-named');
    const first = paragraphs(files['word/document.xml']!)[0]!;
    expect([first.style, first.text]).toEqual(['Title', doc.title]);
  });

  it('sets the language of all text (w:lang on the default run properties) from the report', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(files['word/styles.xml']!)![0];
    expect(report.language).toBe('sv');
    expect(defaults).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*<w:lang w:val="sv-SE"\/>[\s\S]*<\/w:rPr><\/w:rPrDefault>/);
  });

  it("has every section heading in a Word heading style, in the document's order and nesting", () => {
    const headings = paragraphs(files['word/document.xml']!).filter((p) => p.style?.startsWith('Heading'));
    const sections = [...walkSections(doc.sections)];
    expect(sections.length).toBeGreaterThan(20);
    expect(headings.map((h) => [h.style, h.text])).toEqual(sections.map((s) => [`Heading${s.level - 1}`, s.title]));
    expect(headings.every((h) => !h.inTable)).toBe(true);
  });

  it("gives each heading style Word's outline level, so the navigation pane and the accessibility checker see the outline", () => {
    const levels = new Set([...walkSections(doc.sections)].map((s) => s.level - 1));
    for (const n of levels) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${n}">([\\s\\S]*?)</w:style>`).exec(files['word/styles.xml']!)?.[1];
      expect(style, `Heading${n}`).toContain(`<w:name w:val="Heading ${n}"/>`);
      expect(style, `Heading${n}`).toContain(`<w:outlineLvl w:val="${n - 1}"/>`);
    }
  });

  it('writes the cover facts under the title, each as "term: value"', () => {
    const after = paragraphs(files['word/document.xml']!).slice(1, 1 + doc.cover.length);
    expect(after.map((p) => p.text)).toEqual(doc.cover.map((f) => `${f.term}: ${f.value}`));
    expect(doc.cover.length).toBeGreaterThanOrEqual(5);
  });

  it('writes every table and chart as a table with its caption before it and one header row marked w:tblHeader', () => {
    const expected = tablesOf(doc);
    const found = tables(files['word/document.xml']!);
    expect(found).toHaveLength(expected.length);
    found.forEach((t, i) => {
      const model = expected[i]!;
      const caption = paragraphs(t.before)[0];
      expect(caption?.style, `table ${i}`).toBe('Caption');
      expect(caption?.text).toBe('series' in model ? model.title : model.caption);
      expect(t.rows.map((r) => r.header)).toEqual([true, ...t.rows.slice(1).map(() => false)]);
    });
  });

  it("writes each table's corner, column headers, row headers and cell texts as the document states them", () => {
    const models = tablesOf(doc);
    tables(files['word/document.xml']!).forEach((t, i) => {
      const model = models[i]!;
      if ('series' in model) return;
      expect(t.rows[0]!.cells).toEqual([model.corner, ...model.columns.map((c) => c.label)]);
      expect(t.rows.slice(1).map((r) => r.cells[0])).toEqual(model.rows.map((r) => (r.headerBadge?.symbol ? `${r.headerBadge.symbol} ${r.header}` : r.header)));
      t.rows.slice(1).forEach((r, j) => {
        // A sign ("–", an interval's dash) is written as its words, as Word reads them.
        model.rows[j]!.cells.forEach((c, k) => expect(r.cells[k + 1]).toContain(c.badge ? c.badge.label : (c.label ?? c.text)));
      });
    });
  });

  it('writes each chart whose values stand in no table before it as a table of its series by year, each value labelled as in the document', () => {
    const models = tablesOf(doc);
    const found = tables(files['word/document.xml']!);
    let charts = 0;
    models.forEach((model, i) => {
      if (!('series' in model)) return;
      charts++;
      const rows = found[i]!.rows;
      const years = rows[0]!.cells.slice(1).map(Number);
      expect(rows.slice(1).map((r) => r.cells[0])).toEqual(model.series.map((s) => s.label));
      model.series.forEach((s, j) => {
        for (const p of s.points) expect(rows[j + 1]!.cells[1 + years.indexOf(p.year)]).toBe(p.label);
      });
    });
    const all = [...blocks(doc.sections)].filter((b) => b.kind === 'chart');
    expect(all.length).toBeGreaterThan(0);
    expect(charts).toBe(all.filter((b) => b.kind === 'chart' && b.chart.valuesInTable === undefined).length);
  });

  it('states the meaning of every symbol in the key to symbols', () => {
    const text = docxText(bytes);
    const meanings = [...blocks(doc.sections)].flatMap((b) => (b.kind === 'legend' ? b.legend.entries.map((e) => `${e.symbol} ${e.label}\t${e.meaning ?? e.label}`) : []));
    expect(meanings.length).toBeGreaterThan(3);
    for (const m of meanings) expect(text).toContain(m);
  });

  it('is byte-identical on every build, in any time zone, and dated by the document date', async () => {
    const again = await renderReport(report);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(Buffer.from(await renderReport(report)).equals(Buffer.from(bytes))).toBe(true);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    const date = report.date ?? report.period.end;
    expect(files['docProps/core.xml']).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${date}T00:00:00.000Z</dcterms:created>`);
    expect(files['docProps/core.xml']).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${date}T00:00:00.000Z</dcterms:modified>`);
  });
});

describe('the document date', () => {
  it('comes from SOURCE_DATE_EPOCH when the report has no date', async () => {
    const report = load(EXAMPLES[0]![1]);
    expect(report.date).toBeUndefined();
    const bytes = await renderReport(report, {}, { SOURCE_DATE_EPOCH: '1700000000' });
    expect(docxFiles(bytes)['docProps/core.xml']).toContain('>2023-11-14T22:13:20.000Z</dcterms:created>');
  });
});

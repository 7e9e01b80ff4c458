// PDF/UA checks of the Eskilstuna example, each named after the Matterhorn Protocol
// checkpoint it stands for (veraPDF cannot be installed here): qpdf's JSON for the catalog,
// structure tree, annotations and content streams; pdfjs-dist for structure, mark info and
// metadata; poppler for fonts, text, page size and page images.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildDocument, legendTable, phraseText, walkSections, type DocumentModel, type TableModel } from '@kommunrapport/core';
import type { Report } from '@kommunrapport/model';
import { ARTIFACTS, EXAMPLE, context, load, options, renderTo } from './render.js';
import { PDF_TOOLS, requireTools, run } from './tools.js';
import { QpdfFile, flatten, operations, spanValues, type StructNode } from './qpdf-json.js';

let report: Report;
let model: DocumentModel;
let file: string;
let bytes: Uint8Array;
let q: QpdfFile;
let tree: StructNode[];
let all: StructNode[];

const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
const str = (v: unknown) => (typeof v === 'string' ? v.replace(/^u:|^b:/, '') : '');

beforeAll(async () => {
  requireTools(PDF_TOOLS);
  report = load(EXAMPLE);
  const { ctx } = context(report);
  model = buildDocument(report, ctx.vocabulary, ctx.format);
  ({ file, bytes } = await renderTo('eskilstuna', report));
  q = new QpdfFile(file);
  tree = q.structTree();
  all = flatten(tree);
});

describe('pdf: Eskilstuna example, document level', () => {
  it('qpdf --check finds no errors; pdfinfo: A4 pages, Tagged: yes, PDF 1.7', () => {
    expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    expect(info).toMatch(/CreationDate:\s+Wed Aug 31 00:00:00 2022 UTC/);
  });

  it('01-007 MarkInfo Marked true (and no Suspects); StructTreeRoot with ParentTree', () => {
    const mark = q.dict(q.catalog['/MarkInfo']);
    expect(mark['/Marked']).toBe(true);
    expect(mark['/Suspects']).not.toBe(true);
    const root = q.dict(q.catalog['/StructTreeRoot']);
    expect(root['/Type']).toBe('/StructTreeRoot');
    expect(root['/ParentTree']).toBeDefined();
  });

  it('06-001 XMP metadata stream; 06-002 pdfuaid:part 1; 06-003 dc:title is the title (pdfjs getMetadata)', async () => {
    const ref = q.catalog['/Metadata'] as string;
    const xmp = Buffer.from(q.streamText(ref), 'latin1').toString('utf8');
    expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true }).promise;
    const meta = await pdf.getMetadata();
    expect((meta.info as Record<string, unknown>).Title).toBe(report.title);
    expect(meta.metadata?.get('dc:title')).toBe(report.title);
    expect(meta.metadata?.get('pdfuaid:part')).toBe('1');
    const mark = await pdf.getMarkInfo();
    expect(mark?.Marked).toBe(true);
    await pdf.destroy();
  });

  it('07-001 ViewerPreferences DisplayDocTitle true', () => {
    expect(q.dict(q.catalog['/ViewerPreferences'])['/DisplayDocTitle']).toBe(true);
  });

  it('11-001 catalog Lang is sv-SE (from the report language)', () => {
    expect(str(q.catalog['/Lang'])).toBe('sv-SE');
  });

  it('fixed dates from the report and a file /ID that is not pdfkit\'s', () => {
    const info = q.dict(q.trailer['/Info']);
    expect(str(q.resolve(info['/CreationDate']))).toBe('D:20220831000000Z');
    expect(str(q.resolve(info['/ModDate']))).toBe('D:20220831000000Z');
    const id = q.trailer['/ID'] as string[];
    expect(id[0]).toMatch(/^b:[0-9a-f]{32}$/);
    expect(id[0]).not.toBe(`b:${'0'.repeat(32)}`);
  });
});

describe('pdf: Eskilstuna example, structure', () => {
  it('the structure root is Document and holds the standard types the report needs', () => {
    expect(tree.map((n) => n.type)).toEqual(['Document']);
    const types = new Set(all.map((n) => n.type));
    for (const t of ['H1', 'H2', 'H3', 'H4', 'H5', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Caption', 'Figure', 'Link', 'TOC', 'TOCI', 'Sect'])
      expect(types, t).toContain(t);
    const standard = /^(Document|Part|Art|Sect|Div|BlockQuote|Caption|TOC|TOCI|Index|NonStruct|Private|P|H[1-6]|L|LI|Lbl|LBody|Table|TR|TH|TD|Span|Quote|Note|Reference|Link|Annot|Figure|Formula|Form)$/;
    for (const n of all) expect(n.type).toMatch(standard);
  });

  it('14-002 the first heading is H1; 14-003 heading levels never skip going down', () => {
    const levels = all.filter((n) => /^H[1-6]$/.test(n.type)).map((n) => Number(n.type.slice(1)));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `heading ${i}`).toBeLessThanOrEqual(1);
    // One heading per section of the model, plus the title and the contents heading.
    expect(levels.length).toBe([...walkSections(model.sections)].length + 2);
  });

  it('headings in the structure say the section titles in document order', () => {
    const texts = all.filter((n) => /^H[2-6]$/.test(n.type)).slice(1);
    expect(texts.length).toBe([...walkSections(model.sections)].length);
    const levels = texts.map((n) => Number(n.type.slice(1)));
    expect(levels).toEqual([...walkSections(model.sections)].map((s) => s.level));
  });

  it('09-004 tables: Table holds Caption and TR, TR holds TH/TD; 15-003 every TH has Scope Column or Row', () => {
    const tables = all.filter((n) => n.type === 'Table');
    const modelTables = [...walkSections(model.sections)].flatMap((s) => s.blocks.filter((b) => b.kind === 'table' || b.kind === 'legend'));
    expect(tables.length).toBe(modelTables.length);
    for (const t of tables) {
      const kids = t.kids.map((k) => k.type);
      expect(kids[0]).toBe('Caption');
      expect(kids.slice(1).every((k) => k === 'TR')).toBe(true);
      for (const tr of t.kids.slice(1)) for (const cell of tr.kids) expect(['TH', 'TD']).toContain(cell.type);
      const width = t.kids[1]!.kids.length;
      for (const tr of t.kids.slice(1)) expect(tr.kids.length).toBe(width);
    }
    const ths = all.filter((n) => n.type === 'TH');
    expect(ths.length).toBeGreaterThan(50);
    for (const th of ths) {
      const a = q.dict(th.dict['/A']);
      expect(a['/O']).toBe('/Table');
      expect(['/Column', '/Row']).toContain(a['/Scope']);
    }
    // Column headers in the first row, row headers first in every other row.
    for (const t of tables) {
      for (const th of t.kids[1]!.kids) expect(q.dict(th.dict['/A'])['/Scope']).toBe('/Column');
      for (const tr of t.kids.slice(2)) expect(q.dict(tr.kids[0]!.dict['/A'])['/Scope']).toBe('/Row');
    }
  });

  it('tables keep rows whole: every cell of a row is on one page', () => {
    const rows = all.filter((n) => n.type === 'TR');
    expect(rows.length).toBeGreaterThan(50);
    for (const tr of rows) {
      const pages = new Set(tr.kids.filter((c) => c.mcids.length > 0).map((c) => c.dict['/Pg']));
      expect(pages.size, tr.ref).toBeLessThanOrEqual(1);
    }
  });

  it('a table broken over pages repeats its header row (as an artifact) on the next page', async () => {
    // At 10 points the example's tables fit their pages whole (tables of up to six rows are
    // not broken): at 14 points the longer ones break.
    const big = await renderTo('eskilstuna-14pt', report, options({ fontSize: 14 }));
    const q = new QpdfFile(big.file);
    const file = big.file;
    const all = flatten(q.structTree());
    const tables = all.filter((n) => n.type === 'Table');
    const models = [...walkSections(model.sections)].flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : b.kind === 'legend' ? [legendTable(b.legend)] : [])));
    const pageNumber = new Map(q.pages().map((p, i) => [p, i + 1]));
    let broken = 0;
    tables.forEach((t, i) => {
      const pages = [...new Set(t.kids.slice(1).flatMap((tr) => tr.kids.map((c) => c.dict['/Pg'] as string)))].map((p) => pageNumber.get(p)!);
      for (const p of pages.slice(1)) {
        broken++;
        const text = norm(run('pdftotext', ['-enc', 'UTF-8', '-f', String(p), '-l', String(p), file, '-']));
        for (const label of [models[i]!.corner, ...models[i]!.columns.map((c) => c.label)]) expect(text, `${label} on page ${p}`).toContain(norm(label).split(' ')[0]!);
      }
      // The repeated header is not in the structure: one header row per table.
      expect(t.kids.slice(1).filter((tr) => tr.kids.every((c) => c.type === 'TH')).length).toBe(1);
    });
    expect(broken).toBeGreaterThan(0);
  });

  it('16-001/16-002 lists: L holds LI, LI holds Lbl and LBody', () => {
    const lists = all.filter((n) => n.type === 'L');
    expect(lists.length).toBeGreaterThan(0);
    for (const l of lists) {
      expect(l.kids.every((k) => k.type === 'LI')).toBe(true);
      for (const li of l.kids) expect(li.kids.map((k) => k.type)).toEqual(['Lbl', 'LBody']);
    }
  });

  it('13-004 every Figure has Alt, and the Alt is the chart description pointing to the table before it', () => {
    const figures = all.filter((n) => n.type === 'Figure');
    const charts = [...walkSections(model.sections)].flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : [])));
    expect(figures.length).toBe(charts.length);
    expect(charts.length).toBeGreaterThan(0);
    figures.forEach((f, i) => {
      expect(str(f.dict['/Alt'])).toBe(charts[i]!.description);
      expect(charts[i]!.valuesInTable).toBeDefined();
    });
  });

  it('28-011 link annotations sit in Link elements; 28-012 every link annotation has a non-empty Contents; 28-008/28-009 pages with annotations have Tabs S', () => {
    const annots = q.pages().flatMap((p) => ((q.dict(p)['/Annots'] as string[] | undefined) ?? []).map((a) => ({ page: p, ref: a })));
    expect(annots.length).toBeGreaterThan(0);
    const linkObjs = new Map(all.filter((n) => n.type === 'Link').flatMap((n) => n.objrs.map((r) => [r, n] as const)));
    const nums = (q.dict(q.dict(q.catalog['/StructTreeRoot'])['/ParentTree'])['/Nums'] ?? []) as unknown[];
    const parents = new Map<number, unknown>();
    for (let i = 0; i < nums.length; i += 2) parents.set(nums[i] as number, nums[i + 1]);
    for (const { page, ref } of annots) {
      const a = q.dict(ref);
      expect(a['/Subtype']).toBe('/Link');
      expect(str(a['/Contents']).trim().length, ref).toBeGreaterThan(0);
      expect(linkObjs.has(ref), `${ref} in a Link element`).toBe(true);
      expect(typeof a['/StructParent']).toBe('number');
      // The ParentTree leads from the annotation back to its Link element.
      expect(parents.get(a['/StructParent'] as number), ref).toBe(linkObjs.get(ref)?.ref);
      const link = linkObjs.get(ref)!;
      expect(link.objrPages[link.objrs.indexOf(ref)], `${ref} /Pg`).toBe(page);
      expect(q.dict(page)['/Tabs']).toBe('/S');
    }
  });

  it('01-005 every painting operator is inside marked content that is an Artifact or has an MCID; 01-003/01-004 artifacts and tagged content never nest', () => {
    let painted = 0;
    let artifacts = 0;
    let tagged = 0;
    for (const page of q.pages()) {
      const content = q.dict(page)['/Contents'] as string;
      const stack: { artifact: boolean; mcid: boolean }[] = [];
      for (const { op, operands } of operations(q.streamText(content))) {
        if (op === 'BDC' || op === 'BMC') {
          const artifact = operands[0] === '/Artifact';
          const mcid = op === 'BDC' && /\/MCID\s+\d+/.test(operands[1] ?? '');
          if (artifact) expect(stack.some((m) => m.mcid), `01-003 artifact inside tagged content on ${page}`).toBe(false);
          if (mcid) expect(stack.some((m) => m.artifact || m.mcid), `01-004 tagged content nested on ${page}`).toBe(false);
          stack.push({ artifact, mcid });
          if (artifact) artifacts++;
          if (mcid) tagged++;
        } else if (op === 'EMC') stack.pop();
        else if (/^(Tj|TJ|'|"|f|F|f\*|B|B\*|b|b\*|S|s|sh|Do|BI)$/.test(op)) {
          painted++;
          expect(stack[0]?.artifact || stack[0]?.mcid, `01-005 ${op} outside marked content on ${page}`).toBe(true);
        }
      }
      expect(stack.length, `balanced marked content on ${page}`).toBe(0);
    }
    expect(painted).toBeGreaterThan(1000);
    expect(artifacts).toBeGreaterThan(50);
    expect(tagged).toBeGreaterThan(500);
  });

  it('every MCID of every page belongs to a structure element through the ParentTree', () => {
    const root = q.dict(q.catalog['/StructTreeRoot']);
    const nums = (q.dict(root['/ParentTree'])['/Nums'] ?? []) as unknown[];
    const parents = new Map<number, unknown>();
    for (let i = 0; i < nums.length; i += 2) parents.set(nums[i] as number, q.resolve(nums[i + 1]));
    for (const page of q.pages()) {
      const key = q.dict(page)['/StructParents'] as number;
      const mcids = operations(q.streamText(q.dict(page)['/Contents'] as string))
        .filter((o) => o.op === 'BDC')
        .flatMap((o) => /\/MCID\s+(\d+)/.exec(o.operands[1] ?? '')?.[1] ?? [])
        .map(Number);
      const arr = parents.get(key) as unknown[];
      expect(arr, page).toBeDefined();
      expect(arr.length).toBe(mcids.length);
      for (const m of mcids) expect(typeof arr[m], `${page} MCID ${m}`).toBe('string');
    }
  });

  it('IDTree: every structure element with an /ID is in the tree, keys in byte order', () => {
    const root = q.dict(q.catalog['/StructTreeRoot']);
    const names = q.dict(root['/IDTree'])['/Names'] as unknown[];
    const keys = names.filter((_, i) => i % 2 === 0).map(str);
    expect([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(keys);
    const withId = all.filter((n) => n.dict['/ID'] !== undefined);
    expect(withId.length).toBe(keys.length);
    for (let i = 0; i < names.length; i += 2) expect(str(q.dict(names[i + 1])['/ID'])).toBe(str(names[i]));
  });

  it('bookmarks: one outline item per heading, titles as in the headings', () => {
    const titles: string[] = [];
    const walk = (ref: unknown) => {
      for (let item = q.dict(ref)['/First']; item; item = q.dict(item)['/Next']) {
        titles.push(str(q.dict(item)['/Title']));
        walk(item);
      }
    };
    walk(q.catalog['/Outlines']);
    const contents = context(report).ctx.vocabulary.term('contents');
    expect(titles).toEqual([report.title, contents, ...[...walkSections(model.sections)].map((s) => s.title)]);
  });

  it('pdfjs getStructTree: every page has a structure tree with content', async () => {
    const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true }).promise;
    const roles = new Set<string>();
    const visit = (node: { role?: string; children?: unknown[] }) => {
      if (node.role) roles.add(node.role);
      for (const c of node.children ?? []) visit(c as { role?: string; children?: unknown[] });
    };
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const st = await page.getStructTree();
      expect(st, `page ${p}`).toBeTruthy();
      visit(st as never);
    }
    for (const r of ['Document', 'H1', 'H2', 'P', 'Table', 'TH', 'TD', 'Figure', 'L', 'LI']) expect(roles, r).toContain(r);
    await pdf.destroy();
  });
});

describe('pdf: Eskilstuna example, fonts and text', () => {
  it('31 (UA1:7.21.4.1) all fonts embedded and subset; 10-001 all with ToUnicode (pdffonts)', () => {
    const lines = run('pdffonts', [file]).trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line).toMatch(/DejaVuSans/);
      expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
    }
  });

  it('pdftotext: å ä ö intact and sections in reading order', () => {
    const text = norm(run('pdftotext', ['-enc', 'UTF-8', file, '-']));
    expect(text).toContain('Kommunstyrelsens delårsrapport 2, 2022');
    expect(text).toMatch(/ö/);
    expect(text).toMatch(/ä/);
    expect(text).toMatch(/å/);
    // From the page of the first section heading (after the contents), every section title appears in order.
    const firstSection = all.filter((n) => n.type === 'H2')[1]!;
    const firstPage = q.pages().indexOf(firstSection.dict['/Pg'] as string) + 1;
    expect(firstPage).toBeGreaterThan(2);
    const content = run('pdftotext', ['-enc', 'UTF-8', '-f', String(firstPage), file, '-']);
    const body = norm(content);
    let at = 0;
    let paragraphs = 0;
    for (const s of walkSections(model.sections)) {
      const i = body.indexOf(norm(s.title), at);
      expect(i, `${s.title} after position ${at}`).toBeGreaterThanOrEqual(0);
      at = i + 1;
      // The section's first paragraph follows its heading.
      const first = s.blocks.find((b) => b.kind === 'richText');
      const para = first?.kind === 'richText' ? first.blocks.find((b) => b.type === 'paragraph') : undefined;
      if (para?.type === 'paragraph') {
        const snippet = norm(phraseText(para.children)).slice(0, 40);
        const j = body.indexOf(snippet, at);
        expect(j, `first paragraph of ${s.title}`).toBeGreaterThanOrEqual(0);
        paragraphs++;
      }
    }
    expect(paragraphs).toBeGreaterThan(20);
  });

  it('pdftotext: every figure of the income statement in sv-SE form', () => {
    // Finance sections may stand anywhere in the content tree: look through the whole report.
    const tables: { role?: string; id: string }[] = [];
    JSON.stringify(report, (_k, v: unknown) => {
      if (v && typeof v === 'object' && (v as { type?: string }).type === 'finance') tables.push(...(v as { tables: { role?: string; id: string }[] }).tables);
      return v;
    });
    const income = tables.find((t) => t.role === 'incomeStatement');
    expect(income).toBeDefined();
    const table = [...walkSections(model.sections)]
      .flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : b.kind === 'legend' ? [legendTable(b.legend)] : [])))
      .find((t: TableModel) => t.id === income!.id)!;
    const text = norm(run('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-']));
    let figures = 0;
    for (const row of table.rows)
      for (const cell of row.cells) {
        if (!cell.text) continue;
        figures++;
        expect(text, `${row.header}: ${cell.text}`).toContain(norm(cell.text));
      }
    expect(figures).toBeGreaterThan(10);
    expect(text).toContain('−'); // a real minus sign, not a hyphen
  });

  it('numbers in the income statement are right-aligned: one right edge per column (pdfjs text positions)', async () => {
    const table = [...walkSections(model.sections)]
      .flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : b.kind === 'legend' ? [legendTable(b.legend)] : [])))
      .find((t) => t.caption.startsWith('Resultaträkning'))!;
    const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true }).promise;
    const edges: number[][] = table.columns.map(() => []);
    for (let p = 1; p <= pdf.numPages; p++) {
      const items = (await (await pdf.getPage(p)).getTextContent()).items as { str: string; transform: number[]; width: number }[];
      for (const row of table.rows) {
        const cells = row.cells.filter((c) => c.text);
        // The row header may wrap: its first line starts the header text.
        const lineRight = (head: (typeof items)[number]) =>
          items
            .filter((i) => Math.abs(i.transform[5]! - head.transform[5]!) < 1 && i.transform[4]! > head.transform[4]! + head.width && i.str.trim())
            .sort((a, b) => a.transform[4]! - b.transform[4]!);
        const line = items
          .filter((i) => i.str.trim().length >= 3 && norm(row.header).startsWith(norm(i.str)))
          .map(lineRight)
          .find((l) => l.map((i) => norm(i.str)).join('|') === cells.map((c) => norm(c.text)).join('|'));
        if (!line) continue;
        row.cells.forEach((c, k) => {
          if (!c.text) return;
          const item = line[row.cells.slice(0, k).filter((x) => x.text).length]!;
          edges[k]!.push(item.transform[4]! + item.width);
        });
      }
    }
    await pdf.destroy();
    for (const column of edges) {
      expect(column.length).toBe(table.rows.length);
      expect(Math.max(...column) - Math.min(...column)).toBeLessThan(0.5);
    }
  });

  it('pdftotext: every status word of the report is present (badge words, and the legend\'s meanings)', () => {
    const words = new Set<string>();
    for (const s of walkSections(model.sections))
      for (const b of s.blocks) {
        if (b.kind === 'badges') for (const i of b.items) words.add(i.badge.label);
        if (b.kind === 'table') for (const r of b.table.rows) for (const c of r.cells) if (c.badge) words.add(c.text);
      }
    expect(words.size).toBeGreaterThan(3);
    const text = norm(run('pdftotext', ['-enc', 'UTF-8', file, '-']));
    for (const w of words) expect(text, w).toContain(norm(w));
  });

  it('the tag tree reads a status once: "Bedömning: " then its label, the symbol (and its ActualText) an artifact outside the tree', () => {
    // pdftotext, which ignores artifacts, prints the label twice (the symbol's ActualText and the
    // label); a screen reader follows the tags, where the symbol is not: it reads the label once.
    const lines = run('pdfinfo', ['-struct-text', file]).split('\n').map((l) => l.trim());
    const symbols = new Set<string>();
    let checked = 0;
    // The badges in reading order, each found after the one before.
    let at = 0;
    for (const s of walkSections(model.sections))
      for (const b of s.blocks) {
        if (b.kind !== 'badges') continue;
        for (const i of b.items) {
          // A status without a symbol ("Ej angiven") is one run of text with its term.
          if (!i.badge.symbol) {
            at = lines.indexOf(`"${i.term}: ${i.badge.label}"`, at + 1);
            expect(at, `${s.title}: ${i.term}`).toBeGreaterThan(-1);
            continue;
          }
          symbols.add(i.badge.symbol);
          at = lines.indexOf(`"${i.term}: "`, at + 1);
          expect(at, `${s.title}: ${i.term}`).toBeGreaterThan(-1);
          expect(lines[at + 1], `${s.title}: ${i.term}`).toBe(`"${i.badge.label}"`);
          expect(lines[at + 2]?.replace(/ "$/, '"'), `${s.title}: ${i.term}`).not.toBe(`"${i.badge.label}"`);
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(10);
    expect(symbols.size).toBeGreaterThan(1);
    for (const sym of symbols) expect(lines.join('\n'), sym).not.toContain(sym);
  });

  it('status symbols are drawn from the embedded font (● ◐ → ↗ in its ToUnicode maps)', () => {
    // Status symbols carry their words as ActualText, which pdftotext shows instead of the glyph.
    const toUnicode = Object.values(q.objects)
      .filter((o) => o.stream?.data !== undefined && /begincmap/.test(Buffer.from(o.stream.data!, 'base64').toString('latin1')))
      .map((o) => Buffer.from(o.stream!.data!, 'base64').toString('latin1'))
      .join('\n');
    for (const code of ['25cf', '25d0', '2192', '2197']) expect(toUnicode.toLowerCase()).toContain(`<${code}>`);
  });

  it('abbreviations in running text carry their full name as /E (KS → Kommunstyrelsen)', () => {
    const expansions = new Set(spanValues(q, '/E'));
    const { ctx } = context(report);
    expect(expansions).toContain(ctx.vocabulary.expand('KS'));
    for (const e of expansions) expect(report.organisations.bodies.map((b) => b.name)).toContain(e);
  });

  it('pages rendered to PNG in test-artifacts/pdf/pages for people to look at', () => {
    const dir = join(ARTIFACTS, 'pages');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    run('pdftoppm', ['-r', '60', '-png', file, join(dir, 'eskilstuna')]);
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png')).length).toBe(pages);
  });
});

describe('pdf: determinism', () => {
  it('two renders of the same report give identical bytes', async () => {
    const again = await renderTo('eskilstuna-again', report);
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(bytes))).toBe(0);
  });
});

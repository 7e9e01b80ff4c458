// Typesetting rules checked over the laid-out pages (the layout's own page records) of both
// bundled examples and of generated reports: headings kept with what they head, no lone
// line of a paragraph at the top or foot of a page, no table fragment smaller than the
// rule, totals kept with a row above, "(forts.)" on continued captions; and ActualText on
// every status symbol in the file.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocBlock, DocumentModel, RenderContext } from '@kommunrapport/core';
// @ts-expect-error: a plain ES module of the bench, without types
import { variant } from '../../../bench/generate.mjs';
import type { PdfOptions } from '../src/index.js';
import { renderPdf } from '../src/render.js';
import { planRowBreaks } from '../src/table.js';
import { splitLines, type LayoutRecord } from '../src/writer.js';
import { QpdfFile, operations } from './qpdf-json.js';
import { ARTIFACTS, EXAMPLE, ROOT, context, load } from './render.js';
import { requireTools } from './tools.js';

const SOLBERGA = join(ROOT, 'examples/solberga-son-2024-delar/rapport.yaml');

interface Laid {
  records: readonly LayoutRecord[];
  pages: number;
  bytes: Uint8Array;
  model: DocumentModel;
}

async function layout(file: string, text?: string): Promise<Laid> {
  const report = load(file, text);
  const { ctx } = context(report);
  let records: readonly LayoutRecord[] = [];
  let pages = 0;
  const bytes = await renderPdf(ctx.document, ctx as RenderContext<PdfOptions, never>, (r, p) => {
    records = r;
    pages = p;
  });
  return { records, pages, bytes, model: ctx.document };
}

/** Records grouped by block, in order. */
function blocks(records: readonly LayoutRecord[]): Map<number, LayoutRecord[]> {
  const out = new Map<number, LayoutRecord[]>();
  for (const r of records) out.set(r.block, [...(out.get(r.block) ?? []), r]);
  return out;
}

/** Every break of the typesetting rules, as readable strings (empty when the pages follow them). */
export function violations(records: readonly LayoutRecord[], continuedWord: string): string[] {
  const out: string[] = [];
  const byBlock = blocks(records);
  // Headings: the start of what a heading heads is on the heading's page.
  records.forEach((r, i) => {
    if (r.kind !== 'heading' || records[i + 1]?.block === r.block) return;
    let j = i + 1;
    while (records[j]?.kind === 'heading') {
      if (records[j]!.page !== r.page) out.push(`heading "${r.text}" (page ${r.page + 1}) is parted from the subheading "${records[j]!.text}"`);
      j++;
    }
    const first = records[j];
    if (!first) return;
    const own = byBlock.get(first.block)!.filter((x) => !x.continued);
    const rows = own.filter((x) => x.kind === 'row');
    // A table: its caption, its first header row and its first two rows.
    const needed = first.kind === 'caption' ? own.filter((x) => x.kind === 'caption').concat(own.filter((x) => x.kind === 'head').slice(0, 1), rows.slice(0, 2)) : own.slice(0, 2);
    for (const x of needed)
      if (x.page !== r.page) out.push(`heading "${r.text}" on page ${r.page + 1} is not followed on its page by two lines or rows of what it heads (one is on page ${x.page + 1})`);
  });
  for (const [block, list] of byBlock) {
    const pages = [...new Set(list.map((x) => x.page))];
    if (list[0]!.kind === 'line' && list.length >= 2) {
      for (const p of pages) {
        const n = list.filter((x) => x.page === p).length;
        if (n < 2) out.push(`paragraph ${block}: a single line on page ${p + 1} (widow or orphan)`);
      }
    }
    if (list[0]!.kind === 'caption') {
      const rows = list.filter((x) => x.kind === 'row');
      const caption = list[0]!;
      if (rows.length && rows[0]!.page !== caption.page) out.push(`table "${caption.text}": caption and header on page ${caption.page + 1} without rows`);
      const rowPages = [...new Set(rows.map((x) => x.page))];
      if (rows.length <= 6 && rowPages.length > 1) out.push(`table "${caption.text}" of ${rows.length} rows is split over pages ${rowPages.map((p) => p + 1).join(', ')}`);
      if (rows.length > 6)
        for (const p of rowPages) {
          const n = rows.filter((x) => x.page === p).length;
          if (n < 2) out.push(`table "${caption.text}": ${n} row on page ${p + 1}`);
        }
      rows.forEach((row, k) => {
        if (k > 0 && row.emphasis && rows[k - 1]!.page !== row.page) out.push(`table "${caption.text}": a ${row.emphasis} row starts page ${row.page + 1}`);
      });
      for (const p of rowPages.slice(1)) {
        const onPage = list.filter((x) => x.page === p);
        const repeated = onPage.find((x) => x.kind === 'caption');
        if (!repeated?.continued || !repeated.text?.endsWith(`(${continuedWord})`)) out.push(`table "${caption.text}": page ${p + 1} has no "(${continuedWord})" caption`);
        if (!onPage.some((x) => x.kind === 'head')) out.push(`table "${caption.text}": page ${p + 1} does not repeat the header`);
      }
    }
  }
  return out;
}

describe('line breaking across pages', () => {
  it('splitLines keeps at least two lines on each side of a break', () => {
    // 10 points a line; 25 points left: two lines fit.
    expect(splitLines(5, 10, 25, 100)).toEqual([2, 3]);
    // Four lines with three of room: two stay, two move (not three and one).
    expect(splitLines(4, 10, 35, 100)).toEqual([2, 2]);
    // One line of room: the paragraph starts on the next page.
    expect(splitLines(5, 10, 15, 100)).toEqual([0, 5]);
    // Three lines with two of room would leave one on either side: all move.
    expect(splitLines(3, 10, 25, 100)).toEqual([0, 3]);
    // A one-line paragraph fits where one line fits.
    expect(splitLines(1, 10, 15, 100)).toEqual([1]);
  });

  it('planRowBreaks: short tables whole, two rows each side, totals with a row above', () => {
    const rows = (n: number, total?: number) => Array.from({ length: n }, (_, i) => ({ height: 10, ...(i === total ? { emphasis: 'total' as const } : {}) }));
    expect(planRowBreaks(rows(4), 45, 500)).toEqual([]);
    expect(planRowBreaks(rows(10), 85, 500)).toEqual([8]);
    // Nine rows fit but one would be alone on the next page: two move.
    expect(planRowBreaks(rows(10), 95, 500)).toEqual([8]);
    // The break would put the total first on the next page: the row above goes with it.
    expect(planRowBreaks(rows(12, 8), 85, 500)).toEqual([7]);
  });
});

describe('typesetting rules over the laid-out pages', () => {
  let eskilstuna: Laid;
  let solberga: Laid;
  beforeAll(async () => {
    eskilstuna = await layout(EXAMPLE);
    solberga = await layout(SOLBERGA);
  }, 120_000);

  it('Eskilstuna example: headings kept, no widows or orphans, table fragments by the rules, (forts.) captions', () => {
    expect(eskilstuna.records.length).toBeGreaterThan(500);
    expect(violations(eskilstuna.records, 'forts.')).toEqual([]);
  });

  it('Solberga example: headings kept, no widows or orphans, table fragments by the rules, (forts.) captions', () => {
    expect(violations(solberga.records, 'forts.')).toEqual([]);
  });

  it('the examples do break tables and paragraphs across pages, so the rules are exercised', () => {
    const continued = [...eskilstuna.records, ...solberga.records].filter((r) => r.continued);
    expect(continued.length).toBeGreaterThan(0);
    expect(continued.every((r) => r.text?.endsWith('(forts.)'))).toBe(true);
    const split = [...blocks(eskilstuna.records).values()].filter((l) => l[0]!.kind === 'line' && new Set(l.map((x) => x.page)).size > 1);
    expect(split.length).toBeGreaterThan(0);
  });

  it('generated reports (bench/generate.mjs variants 0–3) follow the rules', async () => {
    const example = parse(readFileSync(EXAMPLE, 'utf8'));
    for (let i = 0; i < 4; i++) {
      const text = stringify(variant(example, i, i === 3 ? 2 : 1), { lineWidth: 0 });
      const laid = await layout(join(ARTIFACTS, `generated-${i}.yaml`), text);
      expect(violations(laid.records, 'forts.'), `variant ${i}`).toEqual([]);
    }
  }, 240_000);

  it('consecutive legend tables put their second column at one position', () => {
    let groups = 0;
    for (const laid of [eskilstuna, solberga]) {
      const heads = new Map<string, number>();
      const byBlock = blocks(laid.records);
      for (const list of byBlock.values()) {
        const caption = list[0]!;
        const head = list.find((x) => x.kind === 'head');
        if (caption.kind === 'caption' && head?.columns) heads.set(caption.text!, head.columns[1]!);
      }
      const visit = (blocksOf: readonly DocBlock[]) => {
        let run: string[] = [];
        for (const b of [...blocksOf, undefined]) {
          if (b?.kind === 'legend') run.push(b.legend.caption);
          else {
            if (run.length > 1) {
              groups++;
              const xs = run.map((c) => heads.get(c));
              expect(new Set(xs).size, run.join(' | ')).toBe(1);
            }
            run = [];
          }
          if (b?.kind === 'section') visit(b.section.blocks);
        }
      };
      laid.model.sections.forEach((s) => visit(s.blocks));
    }
    expect(groups).toBeGreaterThan(0);
  });

  it('every status symbol carries its words as ActualText (qpdf content streams)', () => {
    requireTools(['qpdf']);
    for (const [name, laid] of [['eskilstuna', eskilstuna], ['solberga', solberga]] as const) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = join(ARTIFACTS, `typesetting-${name}.pdf`);
      writeFileSync(file, laid.bytes);
      const q = new QpdfFile(file);
      // Symbols drawn by the document: every badge with a symbol, where it stands.
      const labels: string[] = [];
      const visit = (b: DocBlock) => {
        if (b.kind === 'badges') for (const it of b.items) if (it.badge.symbol) labels.push(it.badge.label);
        if (b.kind === 'legend') for (const e of b.legend.entries) if (e.badge?.symbol) labels.push(e.badge.label);
        if (b.kind === 'table')
          for (const r of b.table.rows) {
            if (r.headerBadge?.symbol) labels.push(r.headerBadge.label);
            for (const c of r.cells) if (c.badge?.symbol) labels.push(c.badge.label);
          }
        if (b.kind === 'section') b.section.blocks.forEach(visit);
      };
      laid.model.sections.forEach((s) => s.blocks.forEach(visit));
      expect(labels.length, name).toBeGreaterThan(0);
      const actual: string[] = [];
      for (const page of q.pages()) {
        const contents = q.dict(page)['/Contents'] as string;
        for (const op of operations(q.streamText(contents))) {
          if (op.op !== 'BDC' || op.operands[0] !== '/Span') continue;
          const m = /\/ActualText\s*(<[0-9a-fA-F]+>|\((?:\\.|[^\\)])*\))/.exec(op.operands[1] ?? '');
          if (m) actual.push(decodePdfString(m[1]!).trim());
        }
      }
      const expected = labels.map((l) => l.trim()).sort();
      expect(actual.filter((a) => expected.includes(a)).sort(), name).toEqual(expected);
    }
  });
});

/** A PDF string literal or hex string (UTF-16BE with BOM, or PDFDocEncoding taken as latin1) as text. */
function decodePdfString(s: string): string {
  let bytes: Buffer;
  if (s.startsWith('<')) bytes = Buffer.from(s.slice(1, -1), 'hex');
  else bytes = Buffer.from(s.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e)), 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

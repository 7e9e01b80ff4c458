// Cross-format agreement: the outputs of one report state the same things. For both bundled
// examples, a report with a section of every kind and three generated bench reports, the
// pipeline builds HTML, PDF, text, DOCX and open data; the text is then extracted FROM THE FILES (HTML text nodes, `pdftotext` of the
// PDF, rapport.txt, the paragraphs and cells of rapport.docx, the strings and numbers of
// open-data/report.json) and each must hold the
// same headings, formatted figures, status words and legend meanings. What to look for is
// read from the document; what is found is read only from the files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import { loadReport } from '@kommunrapport/model';
import { buildReport, createRenderContext, legendTable, walkSections, type DocumentModel, type TableModel } from '@kommunrapport/core';
import html from '../plugins/html/src/index.js';
import text from '../plugins/text/src/index.js';
import pdf from '../plugins/pdf/src/index.js';
import openData from '../plugins/open-data/src/index.js';
import docx from '../plugins/docx/src/index.js';
import { docxText } from '../plugins/docx/test/helpers.js';
// @ts-expect-error: a plain ES module of the bench, without types
import { generate } from '../bench/generate.mjs';

const ROOT = join(import.meta.dirname, '..');
const INSTALL = 'apt-get update && apt-get install -y poppler-utils';

/** White space as one space: NBSP and narrow NBSP included, since formats break lines differently. */
const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** Every text node of an HTML page, joined by spaces (what a reader or screen reader gets). */
function htmlText(source: string): string {
  const out: string[] = [];
  const walk = (node: any): void => {
    if (node.nodeName === '#text') out.push(node.value);
    if (node.nodeName === 'style' || node.nodeName === 'title') return;
    for (const c of node.childNodes ?? []) walk(c);
    if (node.content) walk(node.content);
  };
  walk(parse(source));
  return out.join(' ');
}

/** Every string and number of a JSON file. */
function jsonText(source: string): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(source));
  return out.join('\n');
}

interface Outputs {
  doc: DocumentModel;
  /** What the text's speech dialect (the default of rapport.txt) makes of a phrase. */
  speak: (text: string) => string;
  html: string;
  pdf: string;
  text: string;
  docx: string;
  json: string;
}

const out = mkdtempSync(join(tmpdir(), 'kr-cross-'));
const generated = join(out, 'generated');
const cases: [string, string][] = [
  ['the Eskilstuna example', join(ROOT, 'examples/eskilstuna-ks-2022-delar2/rapport.yaml')],
  ['the Solberga example', join(ROOT, 'examples/solberga-son-2024-delar/rapport.yaml')],
  // A section of every kind the model knows, some nested in a text section and inside an area.
  ['a report with a section of every kind', join(ROOT, 'packages/model/test/fixtures/valid/every-kind.yaml')],
  // Another kommun's kind of report: a bolag's årsredovisning with its own goal model and scales, no summary section.
  ['a bolag\'s årsredovisning with its own goal model', join(ROOT, 'packages/core/test/fixtures/fjallby-ab-2025-ar/rapport.yaml')],
  ...[0, 4, 7].map((i): [string, string] => [`generated bench report ${i}`, join(generated, `r${String(i).padStart(4, '0')}.yaml`)]),
];

/** The cases with cells shown as a sign ("–", an interval), so the test of their words cannot pass on none. */
const SIGNS = new Set(['the Solberga example', "a bolag's årsredovisning with its own goal model"]);

async function outputs(file: string): Promise<Outputs> {
  const result = await buildReport({ file, plugins: [html, text, pdf, docx, openData] as any, outDir: out, env: { SOURCE_DATE_EPOCH: '1700000000' } });
  expect(result.problems, file).toEqual([]);
  const dir = join(out, result.id!);
  const pdftotext = spawnSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'rapport.pdf'), '-'], { encoding: 'utf8' });
  if (pdftotext.error || pdftotext.status !== 0) throw new Error(`pdftotext failed or is not installed (${pdftotext.error?.message ?? pdftotext.stderr}). Install it with: ${INSTALL}`);
  const { report } = loadReport(readFileSync(file, 'utf8'), file);
  const ctx = createRenderContext(report!, {});
  return {
    doc: ctx.document,
    speak: (phrase) => norm(ctx.format.speechText(phrase)),
    html: norm(htmlText(readFileSync(join(dir, 'index.html'), 'utf8'))),
    pdf: norm(pdftotext.stdout),
    text: norm(readFileSync(join(dir, 'rapport.txt'), 'utf8')),
    docx: norm(docxText(readFileSync(join(dir, 'rapport.docx')))),
    json: norm(jsonText(readFileSync(join(dir, 'open-data/report.json'), 'utf8'))),
  };
}

const tablesOf = (doc: DocumentModel): TableModel[] =>
  [...walkSections(doc.sections)].flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : b.kind === 'legend' ? [legendTable(b.legend)] : [])));

beforeAll(() => {
  generate(8, generated);
  expect(readdirSync(generated)).toHaveLength(8);
});

describe.each(cases)('%s: HTML, PDF, text, DOCX and open data agree', (_name, file) => {
  let o: Outputs;
  beforeAll(async () => {
    o = await outputs(file);
  }, 120_000);

  it('the same headings: every section title in HTML, PDF, DOCX and text; every author-written title in report.json', () => {
    const sections = [...walkSections(o.doc.sections)];
    expect(sections.length).toBeGreaterThan(5);
    for (const s of sections) {
      const title = norm(s.title);
      expect(o.html, title).toContain(title);
      expect(o.pdf, title).toContain(title);
      expect(o.docx, title).toContain(title);
      // The text is for speech: a title in its speech form ("4 km" is said "4 kilometer").
      expect(o.text, title).toContain(`${s.number} ${o.speak(s.title)}`);
      if (['area', 'goal', 'commitment', 'control-item'].includes(s.role)) expect(o.json, title).toContain(title);
    }
  });

  it('the same formatted figures: each table cell as shown in HTML, PDF and DOCX, in words in the text (as the speech dialect says them), as a number in report.json', () => {
    let figures = 0;
    for (const t of tablesOf(o.doc)) {
      for (const row of t.rows) {
        for (const cell of row.cells) {
          if (cell.value === undefined) continue;
          figures++;
          expect(o.html, `${t.id}: ${cell.text}`).toContain(norm(cell.text));
          expect(o.pdf, `${t.id}: ${cell.text}`).toContain(norm(cell.text));
          expect(o.docx, `${t.id}: ${cell.text}`).toContain(norm(cell.text));
          expect(o.text, `${t.id}: ${cell.spoken}`).toContain(o.speak(cell.spoken));
          expect(o.json.split(' '), `${t.id}: ${cell.value}`).toContain(String(cell.value));
        }
      }
    }
    expect(figures).toBeGreaterThan(20);
  });

  it('the same words for a sign: each cell shown as "–" (no value, no amount, not applicable) or an interval is named by its words in HTML, PDF and DOCX, and said so in the text', () => {
    let signs = 0;
    for (const t of tablesOf(o.doc)) {
      for (const row of t.rows) {
        for (const cell of row.cells) {
          if (cell.label === undefined) continue;
          signs++;
          const words = norm(cell.label);
          expect(o.html, `${t.id}: ${words}`).toContain(words);
          expect(o.pdf, `${t.id}: ${words}`).toContain(words);
          expect(o.docx, `${t.id}: ${words}`).toContain(words);
          expect(o.text, `${t.id}: ${cell.spoken}`).toContain(o.speak(cell.spoken));
        }
      }
    }
    // The examples that have such cells (indicators without a value, "–" in a table of figures) must show them.
    if (SIGNS.has(_name)) expect(signs).toBeGreaterThan(0);
  });

  it('the same table captions, the unit in a sentence of its own: in HTML, PDF, DOCX and text', () => {
    const tables = tablesOf(o.doc);
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      const caption = norm(t.caption);
      expect(o.html, caption).toContain(caption);
      expect(o.pdf, caption).toContain(caption);
      expect(o.docx, caption).toContain(caption);
      expect(o.text, caption).toContain(o.speak(t.caption));
      // Never "…, Belopp i tusen kronor": no capital after a comma.
      expect(caption).not.toMatch(/, \p{Lu}/u);
    }
  });

  it("the same notes under tables: each paragraph of a table's note (which way is better, the reason for a \"–\") in HTML, PDF, DOCX and text", () => {
    let notes = 0;
    for (const t of tablesOf(o.doc)) {
      for (const b of t.note ?? []) {
        // Plain paragraphs: an abbreviation's explanation is each writer's to place.
        if (b.type !== 'paragraph' || !b.children.every((n) => n.type === 'text')) continue;
        const words = norm(b.children.map((n) => (n.type === 'text' ? n.value : '')).join(''));
        notes++;
        expect(o.html, `${t.id}: ${words}`).toContain(words);
        expect(o.pdf, `${t.id}: ${words}`).toContain(words);
        expect(o.docx, `${t.id}: ${words}`).toContain(words);
        expect(o.text, `${t.id}: ${words}`).toContain(o.speak(words));
      }
    }
    // Every report with indicators has notes saying which way is better.
    if (tablesOf(o.doc).some((t) => t.id.endsWith('-indicators'))) expect(notes).toBeGreaterThan(0);
  });

  it('the same status words: every badge label in HTML, PDF and DOCX, its words in the text, its key in report.json', () => {
    const badges = [...walkSections(o.doc.sections)].flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'badges' ? b.items.map((i) => i.badge) : [])));
    expect(badges.length).toBeGreaterThan(5);
    for (const b of badges) {
      expect(o.html, b.label).toContain(norm(b.label));
      expect(o.pdf, b.label).toContain(norm(b.label));
      expect(o.docx, b.label).toContain(norm(b.label));
      expect(o.text, b.textAlternative).toContain(o.speak(b.textAlternative));
      if (b.key !== null) expect(o.json.split(' '), b.key).toContain(b.key);
    }
  });

  it('the same legend: each symbol\'s label and meaning in HTML, PDF, DOCX and text, without "Innebörd" before the meaning', () => {
    const legends = [...walkSections(o.doc.sections)].flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'legend' ? [b.legend] : [])));
    expect(legends.length).toBeGreaterThan(0);
    for (const l of legends) {
      for (const e of l.entries) {
        const meaning = norm(e.meaning ?? e.label);
        for (const [format, body] of [['html', o.html], ['pdf', o.pdf], ['docx', o.docx]] as const) {
          expect(body, `${format}: ${e.label}`).toContain(norm(e.label));
          expect(body, `${format}: ${meaning}`).toContain(meaning);
        }
        expect(o.text, `text: ${e.label}`).toContain(o.speak(e.label));
        expect(o.text, `text: ${meaning}`).toContain(o.speak(meaning));
        if (e.meaning) expect(o.text).toContain(o.speak(`${e.label}: ${meaning}`));
        expect(o.text).not.toContain(`${l.meaningHeader} ${meaning}`);
      }
    }
  });
});

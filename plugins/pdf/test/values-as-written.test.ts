// Values as reports write them, in the PDF: "–" and an interval are shown as written and
// carry their words as ActualText, so extraction and screen readers get "inget belopp"
// and "−10 till −5"; 0 stays 0.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, load, renderTo } from './render.js';
import { requireTools, run } from './tools.js';
import { QpdfFile, flatten } from './qpdf-json.js';

describe('values as written, in PDF (Norrvik example)', async () => {
  requireTools(['pdftotext', 'qpdf']);
  const { file } = await renderTo('norrvik-values', load(join(ROOT, 'examples/norrvik-bun-2024-malmodell/rapport.yaml')));
  const qpdf = run('qpdf', ['--qdf', '--object-streams=disable', file, '-']).toString();

  it('names "–" and the interval with ActualText', () => {
    const literal = [...qpdf.matchAll(/\/ActualText \(([^)]*)\)/g)].map((m) => m[1]!);
    const hex = [...qpdf.matchAll(/\/ActualText <feff([0-9A-Fa-f]+)>/gi)].map((m) => Buffer.from(m[1]!, 'hex').swap16().toString('utf16le'));
    const texts = [...literal, ...hex];
    expect(texts).toContain('inget belopp');
    expect(texts).toContain('ej tillämpligt');
    expect(texts).toContain('−10 till −5');
    expect(texts).toContain('40 till 50 %'.replace(' %', '\u00a0%'));
  });

  it('gives an indicator value printed "–" its words, and the chart\'s Alt says it leaves it out', () => {
    const q = new QpdfFile(file);
    const alts = flatten(q.structTree()).filter((n) => n.type === 'Figure').map((n) => String(n.dict['/Alt']).replace(/^u:|^b:/, ''));
    expect(alts.find((a) => a.includes('Energianvändning'))).toContain('Utfall 2022: ej tillämpligt, inte med i diagrammet.');
    // Two cells say "ej tillämpligt": the operating statement's and the indicator's.
    const hex = [...qpdf.matchAll(/\/ActualText <feff([0-9A-Fa-f]+)>/gi)].map((m) => Buffer.from(m[1]!, 'hex').swap16().toString('utf16le'));
    expect(hex.filter((t) => t === 'ej tillämpligt')).toHaveLength(2);
  });

  it("shows an indicator's own status by the rule, marked inferred with the rule", () => {
    const text = run('pdftotext', [file, '-']).replace(/\s+/gu, ' ');
    expect(text).toContain('Elever i åk 9 som är behöriga till yrkesprogram: Delvis uppfyllt. Underlag för bedömning: Härledd, inte angiven i källan: bedömt enligt regel: uppfyllt när utfallet når målvärdet');
  });

  it('shows the range target and the words of the other targets', () => {
    const text = run('pdftotext', [file, '-']).replace(/\s+/gu, ' ');
    expect(text).toContain('Råden ska följas');
    expect(text).toContain('minska');
  });

  it('marks text in another language with /Lang', () => {
    expect(qpdf).toMatch(/\/Span <<\s*\/Lang \(en\)\s*>> BDC/);
  });

  it('shows a status derived by the rule with the rule, marked inferred', () => {
    const text = run('pdftotext', [file, '-']).replace(/\s+/gu, ' ');
    expect(text).toContain('Härledd, inte angiven i källan: bedömt enligt regel: uppfyllt när utfallet når målvärdet');
  });
});

describe('a Markdown table in rich text, in PDF (Norrvik example)', async () => {
  requireTools(['pdftotext', 'qpdf']);
  const path = join(ROOT, 'examples/norrvik-bun-2024-malmodell/rapport.yaml');
  const source = readFileSync(path, 'utf8');
  const { file } = await renderTo('norrvik-markdown-table', load(path));
  // The same report without the table's lines: the table's text as a paragraph is gone too.
  const { file: without } = await renderTo('norrvik-no-markdown-table', load(path, source.replace(/\n {10}Tabell: Solceller[^]*?\| Ekbackens skola [^\n]*/, '')));
  const tables = (f: string) => flatten(new QpdfFile(f).structTree()).filter((n) => n.type === 'Table');

  it('shows its caption and cells, not a paragraph of pipes', () => {
    const text = run('pdftotext', [file, '-']).replace(/\s+/gu, ' ');
    expect(text).toContain('Solceller på skolornas tak 2024');
    // pdftotext orders by position; the row's cells stand in the table, their order in the tags.
    for (const cell of ['Skola', 'Tak med solceller', 'Kommentar', 'Norrviksskolan', 'Klart i maj', 'Ekbackens skola 1 Upphandlas av']) expect(text).toContain(cell);
    expect(text).not.toContain('| Skola |');
    expect(run('pdftotext', [without, '-']).toString()).not.toContain('Solceller på skolornas tak');
  });

  it('is tagged as one more Table, with TR, TH and TD', () => {
    const added = tables(file).length - tables(without).length;
    expect(added).toBe(1);
    const kinds = new Set(flatten(tables(file).flatMap((t) => t.kids)).map((n) => n.type));
    for (const k of ['TR', 'TH', 'TD']) expect(kinds).toContain(k);
  });
});

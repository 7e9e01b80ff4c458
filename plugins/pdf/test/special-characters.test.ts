// A report whose title, names and text hold & < > " ' and non-Latin characters (Ω, ł, 中)
// still gives a valid PDF: qpdf --check passes, the XMP packet is well-formed and says the
// title, and a character the font lacks is reported and kept as ActualText.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ROOT, load, renderTo } from './render.js';
import { PDF_TOOLS, requireTools, run, runStatus } from './tools.js';
import { QpdfFile, operations, spanValues } from './qpdf-json.js';

const TITLE = `Rapport & <delår> "citat" 'apostrof' Ω ł 中`;
const MUNICIPALITY = 'Łódź & <Ωmega>';
const BODY = `Nämnd "A" & 'B' <x>`;

let file: string;
let bytes: Uint8Array;
let warnings: string[];

beforeAll(async () => {
  requireTools(PDF_TOOLS);
  const base = parse(readFileSync(join(ROOT, 'packages/model/test/fixtures/valid/minimal.yaml'), 'utf8')) as Record<string, any>;
  base.title = TITLE;
  base.municipality.name = MUNICIPALITY;
  base.body.name = BODY;
  base.summary = 'Se [sidan & mer <här>](https://example.org/?a=1&b=2) – Ω ł 中 "slut".';
  const report = load('special.yaml', stringify(base));
  ({ file, bytes, warnings } = await renderTo('special-characters', report));
});

describe('pdf: titles and names with markup characters and non-Latin letters', () => {
  it('qpdf --check passes', () => {
    const r = runStatus('qpdf', ['--check', file]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('No syntax or stream encoding errors');
  });

  it('06-003 the XMP packet is well-formed and its dc:title is the title, unescaped; Info Title the same', async () => {
    const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true }).promise;
    const meta = await pdf.getMetadata();
    expect(meta.metadata?.get('dc:title')).toBe(TITLE);
    expect((meta.info as Record<string, unknown>).Title).toBe(TITLE);
    await pdf.destroy();
    const q = new QpdfFile(file);
    const xmp = Buffer.from(q.streamText(q.catalog['/Metadata'] as string), 'latin1').toString('utf8');
    expect(xmp).toContain('Rapport &amp; &lt;delår&gt; &quot;citat&quot; &apos;apostrof&apos; Ω ł 中');
    expect(xmp).not.toContain('<delår>');
  });

  it('pdftotext keeps & < > quotes, Ω and ł', () => {
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    expect(text).toContain('Rapport & <delår> "citat" \'apostrof\' Ω ł');
    expect(text).toContain(MUNICIPALITY);
    expect(text).toContain('sidan & mer <här>');
  });

  it('every run of text is set at a body or heading size (no stray font size after a missing glyph)', () => {
    const q = new QpdfFile(file);
    const sizes = q.pages().flatMap((p) => operations(q.streamText(q.dict(p)['/Contents'] as string)).filter((o) => o.op === 'Tf').map((o) => Number(o.operands[1])));
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(22);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(6);
  });

  it('28-012 the link annotation has the link text as Contents', () => {
    const q = new QpdfFile(file);
    const contents = q.pages().flatMap((p) => ((q.dict(p)['/Annots'] as string[] | undefined) ?? []).map((a) => String(q.dict(a)['/Contents'])));
    expect(contents).toContain('u:sidan & mer <här>');
  });

  it('a character without a glyph (中) is reported through ctx.report (code missing-glyph) and kept as ActualText', () => {
    expect(warnings).toEqual(['[missing-glyph] The font has no glyph for 中; shown as □, kept as ActualText for copying and reading.']);
    const q = new QpdfFile(file);
    const spans = q.pages().flatMap((p) => operations(q.streamText(q.dict(p)['/Contents'] as string)).filter((o) => o.op === 'BDC' && o.operands[0] === '/Span'));
    expect(spans.length).toBeGreaterThan(0);
    expect(spans.length).toBeGreaterThan(0);
    expect(spanValues(q, '/ActualText')).toContain('中');
  });
});

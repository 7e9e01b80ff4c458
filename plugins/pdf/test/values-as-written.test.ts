// Values as reports write them, in the PDF: "–" and an interval are shown as written and
// carry their words as ActualText, so extraction and screen readers get "inget belopp"
// and "−10 till −5"; 0 stays 0.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, load, renderTo } from './render.js';
import { requireTools, run } from './tools.js';

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

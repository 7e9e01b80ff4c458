// The goal model in the PDF: the words of the document are real text in the page.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, load, renderTo } from './render.js';
import { requireTools, run } from './tools.js';

describe('the goal model in PDF (Norrvik example)', async () => {
  requireTools(['pdftotext']);
  const { file } = await renderTo('norrvik', load(join(ROOT, 'examples/norrvik-bun-2024-malmodell/rapport.yaml')));
  const text = run('pdftotext', [file, '-']).replace(/\s+/gu, ' ');

  it('shows the dimensions, the inferred status, the correction and the comparisons', () => {
    for (const words of [
      'Utifrån nämndens indikatorer',
      'Sammanvägd bedömning',
      'Övergripande mål',
      'Underlag för bedömning: Härledd, inte angiven i källan',
      'Rättelse: Källan anger: Belopp i kronor.',
      'Riket (jämförelse)',
      'Av 2 indikatorer med både utfall och målvärde 2024 når 1 målvärdet.',
      'Klimatlöften',
      'Bidrar till',
    ])
      expect(text, words).toContain(words);
  });

  it('draws the comparisons in the chart too, named in its key (besides their rows in the table)', () => {
    expect(text.split('Riket (jämförelse)').length - 1).toBe(2);
    expect(text.split('Pendlingskommuner nära större stad (jämförelse)').length - 1).toBe(2);
  });
});

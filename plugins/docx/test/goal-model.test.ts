// The goal model in the Word document: what the goal blocks add to the semantic document
// (dimensions, goal links and origin, inferred statuses, corrections, comparison rows,
// bounds and older values, the computed target count, the overview by parent, scoped
// words) is real text in word/document.xml.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, docxText, load, renderReport } from './helpers.js';

describe('the goal model in DOCX (Norrvik example)', async () => {
  const bytes = await renderReport(load(resolve(ROOT, 'examples/norrvik-bun-2024-malmodell/rapport.yaml')));
  const text = docxText(bytes).replace(/\s+/gu, ' ');

  it('shows every dimension, the overview by parent and what a goal serves', () => {
    for (const words of [
      'Utifrån nämndens indikatorer',
      'Utifrån relevanta nyckeltal',
      'Sammanvägd bedömning',
      'Övergripande mål',
      'Bidrar till',
      'Ursprung',
      'KF-mål (Kommunfullmäktige)',
    ])
      expect(text, words).toContain(words);
  });
  it('marks the inferred status and shows the correction', () => {
    expect(text).toContain('Härledd, inte angiven i källan');
    expect(text).toContain('Källan anger: Belopp i kronor. Här publiceras: Belopp i tusen kronor.');
  });
  it('puts comparison rows in the indicator table, with bounds, older values and the target count', () => {
    expect(text).toContain('Riket (jämförelse)');
    expect(text).toContain('Pendlingskommuner nära större stad (jämförelse)');
    expect(text).toMatch(/minst 85\s?%/u);
    expect(text).toMatch(/79\s?% \(2021\)/u);
    expect(text).toContain('Av 2 indikatorer med både utfall och målvärde 2024 når 1 målvärdet.');
  });
  it('uses the scoped word for the climate section', () => {
    expect(text).toContain('Klimatlöften');
  });
});

// The goal model in plain text: the same words as every other output.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { ROOT, loadFile, render } from './helpers.js';

describe('the goal model in text (Norrvik example)', async () => {
  const { txt } = await render(loadFile(resolve(ROOT, 'examples/norrvik-bun-2024-malmodell/rapport.yaml')));
  const text = txt.replace(/\s+/gu, ' ');

  it('reads each dimension with its assessment, in words', () => {
    expect(text).toContain('Utifrån nämndens indikatorer: kan inte bedömas. Utifrån relevanta nyckeltal: delvis uppfyllt. Sammanvägd bedömning: delvis uppfyllt.');
  });
  it('reads the goals-by-parent overview row by row with its headers', () => {
    // A goal's title that ends a sentence is followed by the next column as a new sentence, with no colon or "; " glued to its stop.
    expect(text).toContain('Norrvik ska minska sin klimatpåverkan. Mål Skolmaten ska ge mindre klimatpåverkan. Utifrån nämndens indikatorer kan inte bedömas;');
  });
  it('marks the inferred status and shows the correction', () => {
    expect(text).toContain('Underlag för bedömning: Härledd, inte angiven i källan:');
    expect(text).toContain('Rättelse: Källan anger: Belopp i kronor. Här publiceras: Belopp i tusen kronor.');
  });
  it('reads comparison values beside the own values, and the scoped heading', () => {
    // The speech dialect (the default) says the decimal comma as a word.
    expect(text).toContain('Riket (jämförelse): Utfall 2022 85 komma 6 procent');
    expect(text).toMatch(/\d\.\d\.\d Klimatlöften/);
  });
  it('reads a bound and the year of an older value in words', () => {
    expect(text).toContain('Utfall 2022 79 procent (2021)');
    expect(text).toContain('Mål 2024 minst 85 procent');
  });
});

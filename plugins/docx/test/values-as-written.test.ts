// Values as reports write them, in Word: a run has no accessible name, so "–" and an
// interval are written as their words; 0 stays 0; targets in words.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, docxText, load, renderReport } from './helpers.js';

describe('values as written, in DOCX (Norrvik example)', async () => {
  const bytes = await renderReport(load(resolve(ROOT, 'examples/norrvik-bun-2024-malmodell/rapport.yaml')));
  const text = docxText(bytes).replace(/[\u00a0\u202f]/gu, ' ').replace(/\s+/gu, ' ');

  it('writes "–" as its words beside a 0', () => {
    expect(text).toMatch(/Sommarskola inget belopp 0 ej tillämpligt/);
  });
  it('writes an indicator value printed "–" as its words (its chart is the table before it: Word draws none)', () => {
    expect(text).toContain('Energianvändning i skolornas lokaler (kWh per kvadratmeter) ej tillämpligt 124 118 110');
  });
  it("writes an indicator's own status by the rule in its column, marked inferred with the rule", () => {
    expect(text).toMatch(/Elever i åk 9 som är behöriga till yrkesprogram \(procent\) 84,1 % 85,9 % 86,4 % 88,0 % (◐ )?Delvis uppfyllt/);
    expect(text).toContain('Elever i åk 9 som är behöriga till yrkesprogram: Delvis uppfyllt. Underlag för bedömning: Härledd, inte angiven i källan: bedömt enligt regel: uppfyllt när utfallet når målvärdet');
  });
  it('writes an interval with "till"', () => {
    expect(text).toContain('Vattenskada Norrviksskolan 0 −10 till −5 −10 till −5');
  });
  it('writes a range, a direction and a statement as targets', () => {
    expect(text).toContain('Andel vegetariska måltider i skolan (procent) 35 % 44 % 40 till 50 %');
    expect(text).toContain('minska');
    expect(text).toContain('Råden ska följas');
  });
});

describe('a status derived by the rule, in DOCX', async () => {
  const bytes = await renderReport(load(resolve(ROOT, 'examples/norrvik-bun-2024-malmodell/rapport.yaml')));
  it('writes the status with the rule, marked inferred', () => {
    expect(docxText(bytes).replace(/\s+/gu, ' ')).toContain('Härledd, inte angiven i källan: bedömt enligt regel: uppfyllt när utfallet når målvärdet');
  });
});

describe('text in another language, in DOCX', async () => {
  const bytes = await renderReport(load(resolve(ROOT, 'examples/norrvik-bun-2024-malmodell/rapport.yaml')));
  it('marks its run with w:lang', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    expect(xml).toMatch(/<w:r><w:rPr><w:lang w:val="en"\/><\/w:rPr><w:t[^>]*>Energy Smart Schools<\/w:t><\/w:r>/);
  });
});

describe('a Markdown table in rich text, in DOCX', async () => {
  const bytes = await renderReport(load(resolve(ROOT, 'examples/norrvik-bun-2024-malmodell/rapport.yaml')));
  it('is a table whose header row repeats and whose cells hold the text', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    const start = xml.indexOf('Solceller på skolornas tak 2024');
    expect(start).toBeGreaterThan(-1);
    const table = xml.slice(xml.indexOf('<w:tbl>', start), xml.indexOf('</w:tbl>', start));
    expect(table).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:tblHeader\/>(?:(?!<\/w:tr>).)*Tak med solceller/s);
    const text = docxText(bytes).replace(/\s+/gu, ' ');
    expect(text).toContain('Norrviksskolan 2 Klart i maj');
    expect(text).toContain('Ekbackens skola 1 Upphandlas av Barn- och utbildningsförvaltningen (BUF)');
    // The cell's emphasis is kept: an italic run.
    expect(table).toMatch(/<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t[^>]*>Klart<\/w:t><\/w:r>/);
    expect(text).not.toContain('| Skola |');
  });
});

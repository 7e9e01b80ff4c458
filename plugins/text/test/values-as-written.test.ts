// Values as reports write them, in plain text: every sign in words.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { ROOT, loadFile, render } from './helpers.js';

describe('values as written, in text (Norrvik example)', async () => {
  const { txt } = await render(loadFile(resolve(ROOT, 'examples/norrvik-bun-2024-malmodell/rapport.yaml')));
  const text = txt.replace(/\s+/gu, ' ');

  it('reads "–" as its words and 0 as zero', () => {
    expect(text).toMatch(/Sommarskola: Budget helår inget belopp; Prognos helår 0 tusen kronor; Avvikelse ej tillämpligt/);
  });
  it('reads an indicator value printed "–" as its words, and says the chart leaves it out', () => {
    // The unit in the name said in words for speech: espeak-ng spelt "kWh".
    expect(text).toMatch(/Energianvändning i skolornas lokaler \(kilowattimmar per kvadratmeter\): Utfall 2022 ej tillämpligt; Utfall 2023, 124/);
    expect(text).toContain('Utfall 2022: ej tillämpligt, inte med i diagrammet.');
  });
  it("reads an indicator's own status by the rule, marked inferred with the rule", () => {
    expect(text).toContain('Mål 2024 88 komma 0 procent; Bedömning delvis uppfyllt (Härledd, inte angiven i källan: bedömt enligt regel: uppfyllt när utfallet når målvärdet');
    expect(text).toContain('Elever i åk 9 som är behöriga till yrkesprogram: Delvis uppfyllt. Underlag för bedömning: Härledd, inte angiven i källan: bedömt enligt regel: uppfyllt när utfallet når målvärdet');
  });
  it('reads an interval with "till", signs in words', () => {
    expect(text).toContain('Prognos med risk minus 10 till minus 5 miljoner kronor');
  });
  it('reads a range, a direction and a statement', () => {
    expect(text).toContain('Mål 2024 40 till 50 procent');
    expect(text).toContain('Mål 2024 minska');
    expect(text).toContain('Mål 2024 Råden ska följas');
  });
});

describe('a status derived by the rule, in text', async () => {
  const { txt } = await render(loadFile(resolve(ROOT, 'examples/norrvik-bun-2024-malmodell/rapport.yaml')));
  it('reads the status with the rule, marked inferred', () => {
    const text = txt.replace(/\s+/gu, ' ');
    expect(text).toContain('Sammanvägd bedömning: delvis uppfyllt.');
    expect(text).toContain('Härledd, inte angiven i källan: bedömt enligt regel: uppfyllt när utfallet når målvärdet');
  });
});

describe('a Markdown table in rich text, in text', async () => {
  const { txt } = await render(loadFile(resolve(ROOT, 'examples/norrvik-bun-2024-malmodell/rapport.yaml')));
  it('reads as the other tables: its caption, then each row with its column headers', () => {
    const text = txt.replace(/\s+/gu, ' ');
    expect(text).toContain('Solceller på skolornas tak 2024');
    expect(text).toMatch(/Norrviksskolan: Tak med solceller 2; Kommentar Klart i maj/);
    expect(text).toContain('Ekbackens skola: Tak med solceller 1; Kommentar Upphandlas av Barn- och utbildningsförvaltningen (BUF)');
    expect(txt).not.toContain('| Skola |');
  });
});

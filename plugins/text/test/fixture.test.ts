// Rules seen on the small fixture, where the input is known exactly: lists, links,
// abbreviations written in several ways, unwrapped paragraphs, NFC from NFD input.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE, loadFile, loadText, PLAIN, render } from './helpers.js';

const fixture = loadFile(FIXTURE);

describe('rapport.txt of the small fixture', () => {
  it('writes lists as "- " items, ordered lists with their numbers, nested items under their text', async () => {
    const { txt } = await render(fixture, PLAIN);
    expect(txt).toContain('\n\n- Stadsbyggnadsnämnden (SBN) antog tre planer.\n- Sjukfrånvaron var 4,5 procent.\n');
    expect(txt).toContain('\n\n1. Första steget är klart.\n2. Andra steget pågår:\n   - delsteg a\n   - delsteg b\n');
  });

  it('writes links as "text (address)", an e-mail address once and without mailto', async () => {
    const { txt } = await render(fixture, PLAIN);
    expect(txt).toContain('se kommunens webbplats (https://www.exempelstad.se/delar) eller skriv till info@exempelstad.se.');
    expect(txt).not.toContain('mailto:');
  });

  it('keeps each paragraph on one line, emphasis as plain words', async () => {
    const { txt } = await render(fixture, PLAIN);
    expect(txt).toContain(
      '\n\nVerksamheten går i stort sett enligt plan. SBN och KS har samarbetat om detaljplaner; SBN:s arbete är klart. Prognosen är −5,8 mnkr, en förbättring med 0,2 mnkr.\n\n',
    );
    expect(txt).not.toMatch(/[*_]/);
  });

  it('writes each abbreviation out at its first use only, in the form that fits the sentence', async () => {
    const { txt } = await render(fixture, PLAIN);
    // Suffixed: the word stays whole, the name follows.
    expect(txt).toContain('Rapporten följer upp KS:s (Kommunstyrelsen) verksamhetsplan.');
    // Plain: the name, then the abbreviation in parentheses.
    expect(txt).toContain('Beslutet skickas till: Kommunstyrelsen, Stadsbyggnadsnämnden (SBN)\n');
    // Written out again by the author later: the author's words stay as written, nothing is added.
    expect(txt).toContain('\n- Stadsbyggnadsnämnden (SBN) antog tre planer.\n');
    expect(txt.split('Stadsbyggnadsnämnden (SBN)').length - 1).toBe(2);
    expect(txt).toContain('\nAnsvariga: KS, SBN\n');
    // A case number is no abbreviation.
    expect(txt).toContain('\nDiarienummer: KS/2022:17\n');
    const spaced = (await render(loadText(readFileSync(FIXTURE, 'utf8').replace('caseNumber: KS/2022:17', 'caseNumber: KS 2022/17'), 'case.yaml'), PLAIN)).txt;
    expect(spaced).toContain('\nDiarienummer: KS 2022/17\n');
    expect(spaced).toContain('KS:s (Kommunstyrelsen)');
  });

  it('gives badges, facts and not-stated values in words', async () => {
    const { txt } = await render(fixture, PLAIN);
    expect(txt).toContain('\nBedömning: delvis uppnår resultatmålen. Trend: bättre än föregående år.\n');
    expect(txt).toContain('\nStatus: ej angiven. Färdiggrad: färdiggrad 20 procent.\n');
    expect(txt).toContain('\nNäringsliv och arbete: Bedömning delvis uppnår resultatmålen; Trend bättre än föregående år.\n');
    expect(txt).toContain('Utfall 2022 Mätning senare under 2022;');
  });

  it('reads the key to symbols by the symbols’ labels and their meanings', async () => {
    const { txt } = await render(fixture, PLAIN);
    // Label and meaning, no "Innebörd" between them.
    expect(txt).toContain('\nProcessområden\nUppnår: Processområdet bedöms uppnå resultatmålen.\nDelvis: Processområdet bedöms delvis uppnå resultatmålen.\n');
    expect(txt).not.toContain('Innebörd');
    // The trend's meanings end with their own stop, which the writer does not double.
    expect(txt).toContain('\nTrend\nBättre: Bättre än föregående år.\nOförändrad: Oförändrad mot föregående år.\nSämre: Sämre än föregående år.\n');
    expect(txt).not.toContain('..');
  });

  it('normalises decomposed input to NFC and drops carriage returns', async () => {
    const source = readFileSync(FIXTURE, 'utf8')
      .replace('title: Delårsrapport 2 2022', `title: ${'Delårsrapport 2 2022'.normalize('NFD')}`)
      .replace(/\n/g, '\r\n');
    expect(source).toContain('a\u030a');
    const { txt } = await render(loadText(source, 'nfd.yaml'), PLAIN);
    expect(txt.startsWith('Delårsrapport 2 2022\n')).toBe(true);
    expect(txt).not.toContain('a\u030a');
    expect(txt).not.toContain('\r');
  });

  it('shows the document date when the report states none', async () => {
    const source = readFileSync(FIXTURE, 'utf8').replace('date: 2022-09-20\n', '');
    const { txt } = await render(loadText(source, 'nodate.yaml'), PLAIN);
    expect(txt).toContain('\nDiarienummer: KS/2022:17\nDatum: 31 augusti 2022\n\n');
  });
});

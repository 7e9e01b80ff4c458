// Values as reports write them, in HTML: "–" shown with its words for readers ("inget
// belopp") and 0 left as 0, an interval shown "−10 – −5" and read "−10 till −5", and targets
// that are a range, a direction or a statement in words.
import { describe, expect, it } from 'vitest';
import { render, root } from './render.js';

const NORRVIK = `${root}examples/norrvik-bun-2024-malmodell/rapport.yaml`;
const row = (html: string, header: string) => {
  const start = html.indexOf(`<th scope="row">${header}`);
  expect(start, header).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</tr>', start));
};
const plain = (s: string) => s.replace(/[\u00a0\u202f]/gu, ' ');

describe('values as written, in HTML (Norrvik example)', async () => {
  const { html } = await render(NORRVIK);

  it('shows "–" hidden from readers beside its words, and 0 as a plain number', () => {
    const r = row(html, 'Sommarskola');
    expect(r).toContain('<td class="num"><span aria-hidden="true">–</span><span class="vh">inget belopp</span></td>');
    expect(r).toContain('<span class="vh">ej tillämpligt</span>');
    expect(r).toContain('<td class="num">0</td>');
    // The hidden words are hidden by the stylesheet, not removed from the page.
    expect(html).toMatch(/\.vh\{position:absolute;[^}]*clip:rect\(0 0 0 0\)/);
  });

  it('shows an indicator value printed "–" with its words, and the chart says it leaves it out', () => {
    expect(row(html, 'Energianvändning i skolornas lokaler')).toContain('<td class="num"><span aria-hidden="true">–</span><span class="vh">ej tillämpligt</span></td>');
    expect(html).toContain('Utfall 2022: ej tillämpligt, inte med i diagrammet.');
  });

  it("shows an indicator's own status by the rule in its column, marked inferred with the rule in the note", () => {
    expect(row(html, 'Elever i åk 9 som är behöriga')).toMatch(/Delvis uppfyllt/);
    expect(html).toContain('Elever i åk 9 som är behöriga till yrkesprogram: Delvis uppfyllt. Underlag för bedömning: Härledd, inte angiven i källan: bedömt enligt regel: uppfyllt när utfallet når målvärdet');
  });

  it('shows an interval with the dash and reads it with "till"', () => {
    expect(plain(row(html, 'Vattenskada Norrviksskolan'))).toContain('<td class="num"><span aria-hidden="true">−10 – −5</span><span class="vh">−10 till −5</span></td>');
  });

  it('shows a range, a direction and a statement as targets', () => {
    expect(plain(row(html, 'Andel vegetariska måltider i skolan'))).toContain('40–50 %');
    expect(row(html, 'Klimatavtryck per portion')).toContain('>minska</td>');
    expect(row(html, 'Skolmåltider som följer Livsmedelsverkets råd')).toContain('>Råden ska följas</td>');
  });
});

describe('a status derived by the rule, in HTML', async () => {
  const { html } = await render(NORRVIK);
  it('shows the status with the rule, marked inferred', () => {
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/gu, ' ');
    expect(text).toContain('Härledd, inte angiven i källan: bedömt enligt regel: uppfyllt när utfallet når målvärdet');
  });
});

describe('text in another language, in HTML', async () => {
  const { html } = await render(NORRVIK);
  it('marks it with lang', () => {
    expect(html).toContain('<span lang="en">Energy Smart Schools</span>');
  });
});

describe('a Markdown table in rich text, in HTML', async () => {
  const { html } = await render(NORRVIK);
  it('is a data table with its caption, column headers and row headers', () => {
    const start = html.indexOf('<caption id="tabell-1-caption">Solceller på skolornas tak 2024</caption>');
    expect(start).toBeGreaterThan(-1);
    const table = html.slice(start, html.indexOf('</table>', start));
    expect(table).toMatch(/<th scope="col"[^>]*>Skola<\/th>/);
    expect(table).toMatch(/<th scope="col"[^>]*>Tak med solceller<\/th>/);
    expect(plain(row(table, 'Norrviksskolan'))).toMatch(/<td class="num">2<\/td><td><em>Klart<\/em> i maj<\/td>/);
    expect(table).toContain('<th scope="row">Ekbackens skola</th>');
  });
  it('cells go through the inline rules: emphasis, and an abbreviation explained at its first use', () => {
    expect(row(html, 'Ekbackens skola')).toContain('<td>Upphandlas av Barn- och utbildningsförvaltningen (<abbr title="Barn- och utbildningsförvaltningen">BUF</abbr>)</td>');
    expect(html).not.toContain('| Skola |');
  });
});

describe('a cell with no value, in HTML (Solberga example)', async () => {
  const { html } = await render(`${root}examples/solberga-son-2024-delar/rapport.yaml`);

  it('shows "–" hidden from readers beside the vocabulary\'s words, never an empty cell', () => {
    expect(row(html, 'Barn och unga 0–20 år med insats')).toContain('<td class="num"><span aria-hidden="true">–</span><span class="vh">Värde saknas</span></td>');
    expect(html).not.toContain('<td class="num"></td>');
  });
});

// The goal model in HTML: dimensions side by side (a column each in the overview), inferred
// statuses and corrections in words, comparison rows, goal links and scoped words.
import { describe, expect, it } from 'vitest';
import { render, root } from './render.js';

const NORRVIK = `${root}examples/norrvik-bun-2024-malmodell/rapport.yaml`;
const flat = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/gu, ' ');

describe('the goal model in HTML (Norrvik example)', async () => {
  const { html } = await render(NORRVIK);
  const text = flat(html);

  it('has a header column per assessment dimension in the goals overview', () => {
    const overview = html.slice(html.indexOf('id="malen-i-overblick"'), html.indexOf('id="symboler"'));
    for (const label of ['Övergripande mål', 'Utifrån nämndens indikatorer', 'Utifrån relevanta nyckeltal', 'Sammanvägd bedömning'])
      expect(overview).toMatch(new RegExp(`<th[^>]*scope="col"[^>]*>${label}</th>`));
    expect((overview.match(/<tr>/g) ?? []).length).toBe(4);
  });

  it('says in words which status is inferred and what the source said where it was corrected', () => {
    expect(text).toContain('Underlag för bedömning');
    expect(text).toContain('Härledd, inte angiven i källan: Nämnden bedömer inte målområdet som helhet.');
    expect(text).toContain('Rättelse');
    expect(text).toContain('Källan anger: Belopp i kronor. Här publiceras: Belopp i tusen kronor.');
  });

  it('shows comparison rows, the computed count, goal links and the scoped heading', () => {
    expect(text).toContain('Elever i åk 9 som är behöriga till yrkesprogram: Riket (jämförelse)');
    expect(text).toContain('Av 2 indikatorer med både utfall och målvärde 2024 når 1 målvärdet.');
    expect(text).toContain('Bidrar till');
    expect(html).toMatch(/<h\d[^>]*>Klimatlöften<\/h\d>/);
  });
});

describe('comparisons in charts (Norrvik example)', async () => {
  const { html } = await render(NORRVIK);

  it('draws each comparison as a dotted line of its own, named in the key', () => {
    const start = html.indexOf('id="behorighet-yrkesprogram-chart"');
    expect(start).toBeGreaterThan(-1);
    const chart = html.slice(start, html.indexOf('</figure>', start));
    expect(chart.match(/<polyline[^>]*stroke-dasharray="2 3"/g)).toHaveLength(2);
    expect(chart).toContain('Riket (jämförelse)');
    expect(chart).toContain('Pendlingskommuner nära större stad (jämförelse)');
  });
});

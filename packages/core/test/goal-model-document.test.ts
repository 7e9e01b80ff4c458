// The document shows the goal model once for every writer: assessments per dimension side
// by side, inferred statuses in words, corrections, goal links and origin, comparison rows,
// the computed count of indicators at target, the goals-by-parent overview and scoped words.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadReport, type Report } from '@kommunrapport/model';
import { buildDocument, createRenderContext, walkSections, type DocBlock, type DocSection } from '../src/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const load = (path: string): Report => {
  const r = loadReport(readFileSync(`${root}${path}`, 'utf8'), path);
  if (!r.report) throw new Error(JSON.stringify(r.diagnostics));
  return r.report;
};
const docOf = (report: Report) => {
  const ctx = createRenderContext(report, {}, { env: {} });
  return buildDocument(report, ctx.vocabulary, ctx.format);
};
const NORRVIK = docOf(load('examples/norrvik-bun-2024-malmodell/rapport.yaml'));
const section = (id: string): DocSection => [...walkSections(NORRVIK.sections)].find((s) => s.id === id)!;
const blocks = <K extends DocBlock['kind']>(s: DocSection, kind: K) => s.blocks.filter((b): b is Extract<DocBlock, { kind: K }> => b.kind === kind);
const facts = (s: DocSection) => blocks(s, 'facts').flatMap((b) => b.items.map((i) => `${i.term}: ${i.value}`));

describe('the document of the goal model (Norrvik example)', () => {
  it('shows every dimension a goal is judged in, side by side, and only those', () => {
    const own = blocks(section('behoriga-gymnasiet'), 'badges')[0]!.items.map((i) => `${i.term}: ${i.badge.label}`);
    expect(own).toEqual(['Utifrån nämndens indikatorer: Delvis uppfyllt', 'Utifrån relevanta nyckeltal: Uppfyllt', 'Sammanvägd bedömning: Delvis uppfyllt']);
    expect(blocks(section('hallbar-skolmat'), 'badges')[0]!.items[0]!.badge.label).toBe('Kan inte bedömas');
    expect(blocks(section('kf-larande'), 'badges')[0]!.items.map((i) => i.term)).toEqual(['Sammanvägd bedömning']);
  });

  it('names what a goal serves and where it comes from', () => {
    expect(facts(section('hallbar-skolmat'))).toEqual(['Bidrar till: Norrvik ska minska sin klimatpåverkan. Alla barn och unga ska ges förutsättningar att lyckas i skolan.']);
    expect(facts(section('kf-naringsliv'))).toEqual(['Ursprung: KF-mål']);
  });

  it('marks an inferred status in words with its reason', () => {
    expect(facts(section('utbildning'))).toEqual([
      'Underlag för bedömning: Härledd, inte angiven i källan: Nämnden bedömer inte målområdet som helhet. Bedömningen är härledd ur målen i området, som båda är delvis uppfyllda.',
    ]);
  });

  it('shows a correction of the source after the table it corrects', () => {
    const s = section('ekonomi');
    const kinds = s.blocks.map((b) => b.kind);
    expect(kinds.indexOf('facts')).toBe(kinds.indexOf('table') + 1);
    expect(facts(s)).toEqual(['Rättelse: Källan anger: Belopp i kronor. Här publiceras: Belopp i tusen kronor. Skäl: Beloppen i tabellen är tusen kronor, som i nämndens budget.']);
  });

  it('puts comparison rows beside the kommun\'s own values and counts the indicators at target', () => {
    const s = section('behoriga-gymnasiet');
    const table = blocks(s, 'table')[0]!.table;
    expect(table.rows.map((r) => r.header)).toEqual([
      'Elever i åk 9 som är behöriga till yrkesprogram (procent)',
      'Elever i åk 9 som är behöriga till yrkesprogram: Riket (jämförelse)',
      'Elever i åk 9 som är behöriga till yrkesprogram: Pendlingskommuner nära större stad (jämförelse)',
      'Elever i åk 8 som känner sig trygga i skolan (procent)',
    ]);
    // The last column is the indicators' own status (one takes it from the rule); a comparison has none, nor a target: "–", named "Värde saknas".
    expect(table.rows[1]!.cells.map((c) => c.text.replace(/\s/gu, ' '))).toEqual(['85,6 %', '84,3 %', '83,9 %', '–', '–']);
    expect(table.rows[1]!.cells.slice(3).map((c) => c.label)).toEqual(['Värde saknas', 'Värde saknas']);
    const text = blocks(s, 'richText').map((b) => JSON.stringify(b.blocks)).join();
    // 86,4 < 88,0 misses, 85 ≥ 85 reaches: computed, not typed.
    expect(text).toContain('Av 2 indikatorer med både utfall och målvärde 2024 når 1 målvärdet.');
    const safety = table.rows[3]!.cells.map((c) => c.text.replace(/\s/gu, ' '));
    expect(safety).toEqual(['79 % (2021)', '82 %', '85 %', 'minst 85 %', '–']);
    expect(table.rows[3]!.cells[3]!.spoken.replace(/\s/gu, ' ')).toBe('minst 85 procent');
    // The chart's values, comparisons included, stand in the table right before it: its alternative points there.
    expect(blocks(s, 'chart')[0]!.chart.valuesInTable).toBe(table.id);
  });

  it('lays out the overview of goals by the goals they serve, a column per dimension', () => {
    const table = blocks(section('malen-i-overblick'), 'table')[0]!.table;
    expect(table.corner).toBe('Övergripande mål');
    expect(table.columns.map((c) => c.label)).toEqual(['Mål', 'Utifrån nämndens indikatorer', 'Utifrån relevanta nyckeltal', 'Sammanvägd bedömning']);
    expect(table.rows.map((r) => `${r.header} | ${r.cells.map((c) => c.text).join(' | ')}`)).toEqual([
      'Alla barn och unga ska ges förutsättningar att lyckas i skolan. | Fler elever ska vara behöriga till gymnasiet. | Delvis uppfyllt | Uppfyllt | Delvis uppfyllt',
      'Alla barn och unga ska ges förutsättningar att lyckas i skolan. | Skolmaten ska ge mindre klimatpåverkan. | Kan inte bedömas | Delvis uppfyllt | Delvis uppfyllt',
      'Norrvik ska minska sin klimatpåverkan. | Skolmaten ska ge mindre klimatpåverkan. | Kan inte bedömas | Delvis uppfyllt | Delvis uppfyllt',
    ]);
  });

  it('uses scoped words only where they are declared', () => {
    expect(section('klimat-commitments').title).toBe('Klimatlöften');
    // The legend outside the scope keeps the vocabulary's own word.
    expect(blocks(section('symboler'), 'legend').map((b) => b.legend.caption)).toContain('Uppdrag');
  });
});

describe('the Eskilstuna example', () => {
  const doc = docOf(load('examples/eskilstuna-ks-2022-delar2/rapport.yaml'));
  const all = [...walkSections(doc.sections)];
  it('shows the driftredovisning correction and marks the seven inferred statuses', () => {
    const corrections = all.flatMap((s) => facts(s)).filter((f) => f.startsWith('Rättelse'));
    expect(corrections).toEqual([expect.stringContaining('Källan anger: Belopp i miljoner kronor. Här publiceras: Belopp i tusen kronor.')]);
    const inferred = all.filter((s) => s.role === 'commitment' && facts(s).some((f) => f.includes('Härledd, inte angiven i källan')));
    expect(inferred).toHaveLength(7);
    expect(inferred.map((s) => s.id)).not.toContain('digital-transformation');
  });
});

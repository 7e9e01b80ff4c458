// The document layout follows the report's governance vocabulary, not one kommun: the
// Solberga example (no trend scale, no completion scale, its own level names) gets no
// trend column, trend badge or completion badge, and its level names as headings, while
// the Eskilstuna example, built by the same code, keeps its trend and completion.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadReport, type Report } from '@kommunrapport/model';
import { buildDocument, createFormatter, createVocabulary, walkSections, type DocSection, type DocumentModel, type TableModel, type LegendModel } from '../src/index.js';

function load(path: string): Report {
  const loaded = loadReport(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'), path);
  expect(loaded.diagnostics).toEqual([]);
  return loaded.report!;
}
const build = (r: Report): DocumentModel => buildDocument(r, createVocabulary(r), createFormatter(r.language, r.governance));

const solberga = build(load('examples/solberga-son-2024-delar/rapport.yaml'));
const eskilstuna = build(load('examples/eskilstuna-ks-2022-delar2/rapport.yaml'));

const sections = (doc: DocumentModel) => [...walkSections(doc.sections)];
const byRole = (doc: DocumentModel, role: string) => sections(doc).filter((s) => s.role === role);
const byId = (doc: DocumentModel, id: string): DocSection => {
  const s = sections(doc).find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
};
const tablesOf = (s: DocSection): TableModel[] => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
/** Table cells with no-break spaces written as plain spaces, for readable expectations. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const badgeTerms = (s: DocSection) => s.blocks.flatMap((b) => (b.kind === 'badges' ? b.items.map((i) => i.term) : []));

const legendsOf = (s: DocSection): LegendModel[] => s.blocks.flatMap((b) => (b.kind === 'legend' ? [b.legend] : []));

describe('the Solberga example laid out by buildDocument', () => {
  test('headings in reading order, with the nämnd\'s level names for goals and uppdrag', () => {
    // No summary section in the example: the summary stands first (summary-placement.test.ts).
    expect(solberga.sections.map((s) => [s.level, s.title])).toEqual([
      [2, 'Sammanfattning'],
      [2, 'Förvaltningschefens bedömning'],
      [2, 'Ekonomi'],
      [2, 'Samlad bedömning per målområde'],
      [2, 'Förklaring till symboler'],
      [2, 'Mål och resultat'],
      [2, 'Uppföljning av grunduppdraget'],
      [2, 'Bilaga 1. Indikatorer per målområde'],
      [2, 'Bilaga 2. Lokalförsörjning'],
    ]);
    expect(byRole(solberga, 'area').map((s) => [s.level, s.title])).toEqual([
      [3, 'Samhälle'], [3, 'Medborgare'], [3, 'Ekonomi'], [3, 'Verksamhet'], [3, 'Medarbetare'],
    ]);
    expect(new Set(byRole(solberga, 'goals').map((s) => s.title))).toEqual(new Set(['Nämndmål']));
    expect(new Set(byRole(solberga, 'commitments').map((s) => s.title))).toEqual(new Set(['Strategiska utvecklingsuppdrag']));
    expect(byRole(solberga, 'goal')).toHaveLength(11);
    expect(byRole(solberga, 'indicator-group').map((s) => [s.level, s.title])).toEqual([
      [3, 'Samhälle'], [3, 'Medborgare'], [3, 'Ekonomi'], [3, 'Verksamhet'], [3, 'Medarbetare'],
    ]);
  });

  test('no trend anywhere: the overview has only an assessment column, areas and goals only an assessment badge', () => {
    const overview = tablesOf(byId(solberga, 'samlad-bedomning'));
    expect(overview).toHaveLength(1);
    expect(overview[0]!.corner).toBe('Målområde');
    expect(overview[0]!.columns.map((c) => c.label)).toEqual(['Bedömning']);
    expect(overview[0]!.rows.map((r) => [r.header, ...r.cells.map((c) => c.text)])).toEqual([
      ['Samhälle', 'Delvis uppfyllt'], ['Medborgare', 'Uppfyllt'], ['Ekonomi', 'Ej uppfyllt'], ['Verksamhet', 'Delvis uppfyllt'], ['Medarbetare', 'Delvis uppfyllt'],
    ]);
    for (const s of [...byRole(solberga, 'area'), ...byRole(solberga, 'goal')]) expect(badgeTerms(s)).toEqual(['Bedömning']);
    const labels = byRole(solberga, 'goal').map((g) => g.blocks.flatMap((b) => (b.kind === 'badges' ? b.items.map((i) => i.badge.label) : []))[0]);
    expect(new Set(labels)).toEqual(new Set(['Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt', 'Kan inte bedömas']));
  });

  test('uppdrag show responsible and status, and no completion', () => {
    const uppdrag = byRole(solberga, 'commitment');
    expect(uppdrag).toHaveLength(6);
    for (const u of uppdrag) expect(badgeTerms(u)).toEqual(['Status']);
    expect(uppdrag.map((u) => u.blocks.flatMap((b) => (b.kind === 'badges' ? b.items.map((i) => i.badge.label) : [])))).toEqual([
      ['Pågår'], ['Klart'], ['Försenat'], ['Klart'], ['Ej påbörjat'], ['Pågår'],
    ]);
  });

  test('the legend explains only the scales in use: assessment and status, no trend or completion', () => {
    const legend = legendsOf(byId(solberga, 'forklaring-symboler'));
    expect(legend.map((t) => [t.id, t.caption, t.entries.length])).toEqual([
      // Solberga judges its nämndmål, not its målområden: the key is named after the assessment.
      ['legend-assessment', 'Bedömning', 4],
      ['legend-commitmentStatus', 'Strategiska utvecklingsuppdrag', 4],
    ]);
  });

  test('the headline table keeps its rows, columns and signs, with the unit in the caption', () => {
    const [headline] = tablesOf(byId(solberga, 'ekonomisk-sammanfattning'));
    expect(headline!.caption).toBe('Ekonomisk sammanfattning. Belopp i tusen kronor');
    expect(headline!.columns.map((c) => c.label)).toEqual(['Prognos helår', 'Budget', 'Avvikelse']);
    expect(headline!.rows.map((r) => [r.header, ...r.cells.map((c) => plain(c.text))])).toEqual([
      ['Verksamhetens nettokostnader', '−1 173 400', '−1 161 600', '−11 800'],
      ['varav kostnader', '−1 486 300', '−1 462 800', '−23 500'],
      ['varav intäkter', '312 900', '301 200', '11 700'],
      ['Investeringar netto', '−14 600', '−21 000', '6 400'],
    ]);
    expect(headline!.rows[0]!.emphasis).toBe('subtotal');
  });

  test('the appendices: indicator tables with sparse years and the premises table', () => {
    const [ekonomi] = tablesOf(byRole(solberga, 'indicator-group')[2]!);
    expect(ekonomi!.columns.map((c) => c.label)).toEqual(['Utfall 2022', 'Utfall 2023', 'Utfall 2024', 'Mål 2024']);
    expect(ekonomi!.rows.map((r) => r.cells.map((c) => plain(c.text)))).toEqual([
      ['68 412 kr', '72 950 kr', 'Publiceras våren 2025', '–'],
      ['–', '66,1 %', '67,8 %', '66,7 %'],
    ]);
    const [premises] = tablesOf(byId(solberga, 'bilaga-lokalforsorjning'));
    expect(premises!.caption).toBe('Planerade lokalförändringar, förändrad årshyra. Belopp i tusen kronor');
    expect(premises!.rows.at(-1)).toMatchObject({ header: 'Summa förändrad årshyra', emphasis: 'total' });
  });
});

describe('the same code still lays out the Eskilstuna example with trend and completion', () => {
  test('its overview has a trend column and its commitments a completion badge', () => {
    const overview = tablesOf(byId(eskilstuna, 'sammanstallning-processomraden'));
    expect(overview.map((t) => t.columns.map((c) => c.label))).toEqual([['Bedömning', 'Trend'], ['Bedömning', 'Trend']]);
    expect(badgeTerms(byRole(eskilstuna, 'area')[0]!)).toEqual(['Bedömning', 'Trend']);
    expect(badgeTerms(byRole(eskilstuna, 'commitment')[0]!)).toEqual(['Status', 'Färdiggrad']);
    expect(new Set(byRole(eskilstuna, 'goals').map((s) => s.title))).toEqual(new Set(['4-åriga processmål']));
    expect(legendsOf(byId(eskilstuna, 'forklaring-symboler')).map((t) => t.id)).toEqual([
      'legend-assessment', 'legend-commitmentStatus', 'legend-completion', 'legend-trend',
    ]);
    // Only the processområden are judged: the key to the assessment scale is named after them, as in the source.
    expect(legendsOf(byId(eskilstuna, 'forklaring-symboler')).map((t) => t.caption)).toEqual(['Processområden', '1-åriga åtaganden', 'Färdiggrad', 'Trend']);
  });
});

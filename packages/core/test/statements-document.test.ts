// The Ekdala example (a kommun-level delårsrapport) laid out by buildDocument: the cover
// names the body with the word for its level (Fullmäktige, not Nämnd), the statements are
// tables with column groups, heading rows without cells (no "Värde saknas"), rows in
// another unit with their own decimals, and note references that point at the notes.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadReport, type Report } from '@kommunrapport/model';
import { buildDocument, createFormatter, createVocabulary, walkSections, type DocumentModel, type TableModel } from '../src/index.js';

const PATH = 'examples/ekdala-kf-2024-delar2/rapport.yaml';
const TEXT = readFileSync(new URL(`../../../${PATH}`, import.meta.url), 'utf8');
function load(text: string): Report {
  const loaded = loadReport(text, PATH);
  expect(loaded.diagnostics).toEqual([]);
  return loaded.report!;
}
const build = (r: Report): DocumentModel => buildDocument(r, createVocabulary(r), createFormatter(r.language, r.governance));
const doc = build(load(TEXT));
const tables = new Map<string, TableModel>(
  [...walkSections(doc.sections)].flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [[b.table.id, b.table] as [string, TableModel]] : []))),
);
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the cover speaks of the body by the report level', () => {
  test('a kommun-level report says Fullmäktige, never Nämnd', () => {
    expect(doc.cover.slice(0, 2).map(({ term, value }) => ({ term, value }))).toEqual([{ term: 'Kommun', value: 'Ekdala' }, { term: 'Fullmäktige', value: 'Kommunfullmäktige' }]);
    expect(doc.cover.map((f) => f.term)).not.toContain('Nämnd');
  });
  test.each([
    ['namnd', 'Nämnd'],
    ['bolag', 'Bolag'],
    ['forbund', 'Kommunalförbund'],
    ['sammanstalld', 'Kommunkoncern'],
  ])('level %s says %s', (level, word) => {
    const r = load(TEXT.replace('level: kommun\n', `level: ${level}\n`));
    // A kommunalförbund is named first: it is no kommun's body (its kommun is its seat).
    expect(build(r).cover[level === 'forbund' ? 0 : 1]).toMatchObject({ term: word, value: 'Kommunfullmäktige' });
  });
});

describe('the metadata speaks of the body by the report level', () => {
  test('a report without summary or decision text is described with its body under the level\'s word (PDF Subject, HTML meta description)', () => {
    // Summary and description are required: written empty, they give no words of the author's.
    const bare = TEXT.replace(/\nsummary: \|-\n(?: {2}.*\n|\n)*/, '\nsummary: ""\n').replace(/\n {2}description: \|-\n(?: {4}.*\n)*/, '\n  description: ""\n');
    expect(bare).toContain('summary: ""\n');
    expect(bare).toContain('  description: ""\n');
    const described = (level: string) => build(load(bare.replace('level: kommun\n', `level: ${level}\n`))).description;
    expect(described('kommun')).toBe('Delårsrapport per 31 augusti 2024. Fullmäktige: Kommunfullmäktige. Kommun: Ekdala. Period: januari–augusti 2024.');
    expect(described('bolag')).toContain('Bolag: Kommunfullmäktige.');
    expect(described('kommun')).not.toContain('Nämnd');
  });
});

describe('statements in the document', () => {
  test('the resultaträkning has Kommunen and Sammanställd redovisning over their columns', () => {
    const rt = tables.get('resultatrakning')!;
    expect(rt.columnGroups).toEqual([{ label: 'Kommunen', span: 4 }, { label: 'Sammanställd redovisning', span: 2 }]);
    expect(rt.columns.map((c) => c.label)).toEqual(['Utfall jan–aug 2024', 'Utfall jan–aug 2023', 'Budget 2024', 'Prognos 2024', 'Utfall jan–aug 2024', 'Utfall jan–aug 2023']);
    expect(rt.caption).toBe('Resultaträkning. Belopp i miljoner kronor');
  });

  test('a caption states its unit in a sentence of its own, never "…, Belopp i …": in Swedish, English and a kommun\'s own words', () => {
    expect(tables.get('balansrakning')!.caption).toBe('Balansräkning. Belopp i miljoner kronor');
    const r = load(TEXT);
    const en = build({ ...r, language: 'en', governance: { ...r.governance, terms: { ...r.governance.terms, amountsIn: 'Amounts in {unit}' }, units: { ...r.governance.units, mnkr: { ...r.governance.units.mnkr, long: 'million kronor' } } } });
    const captionOf = (d: DocumentModel, id: string) => [...walkSections(d.sections)].flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' && b.table.id === id ? [b.table.caption] : [])))[0];
    expect(captionOf(en, 'resultatrakning')).toBe('Resultaträkning. Amounts in million kronor');
    const own = build({ ...r, governance: { ...r.governance, terms: { ...r.governance.terms, amountsIn: 'Alla belopp anges i {unit}' } } });
    expect(captionOf(own, 'resultatrakning')).toBe('Resultaträkning. Alla belopp anges i miljoner kronor');
    // A title that ends a sentence itself gets no second stop.
    const asked = build(load(TEXT.replace(/title: Resultaträkning\n/, 'title: Hur gick året?\n')));
    expect(captionOf(asked, 'resultatrakning')).toBe('Hur gick året? Belopp i miljoner kronor');
  });

  test('heading rows have no cells and say no "Värde saknas"; sums are emphasised', () => {
    const br = tables.get('balansrakning')!;
    const headings = br.rows.filter((r) => r.heading);
    expect(headings.map((r) => r.header)).toEqual(['Tillgångar', 'Anläggningstillgångar', 'Omsättningstillgångar', 'Eget kapital, avsättningar och skulder', 'Eget kapital', 'Avsättningar', 'Skulder']);
    for (const h of headings) expect(h.cells).toEqual([]);
    expect(JSON.stringify(br)).not.toContain('Värde saknas');
    expect(br.rows.find((r) => r.header === 'Summa tillgångar')).toMatchObject({ emphasis: 'total' });
    expect(br.rows.find((r) => r.header === 'Summa tillgångar')!.cells.map((c) => plain(c.text))).toEqual(['4 497,5', '4 300,2', '7 445,6', '7 267,7']);
  });

  test('a row in another unit keeps its unit and decimals: a skattesats of 22,14 % in a table of mnkr', () => {
    const kt = tables.get('nyckeltal')!;
    const row = (h: string) => kt.rows.find((r) => r.header === h)!.cells.map((c) => plain(c.text));
    expect(row('Kommunal skattesats')).toEqual(['22,14 %', '22,14 %']);
    expect(row('Årets resultat')).toEqual(['73,1', '81,3']);
    expect(row('Antal invånare den 30 juni')).toEqual(['50 412 st.', '50 187 st.']);
    expect(kt.rows.find((r) => r.header === 'Kommunal skattesats')!.cells[0]!.spoken).toContain('22,14');
  });

  test('note references point at the note sections, which are numbered', () => {
    const rt = tables.get('resultatrakning')!;
    expect(rt.rows.find((r) => r.header === 'Verksamhetens intäkter')!.note).toEqual({ target: 'note-not-1', label: 'Not 1' });
    const notes = [...walkSections(doc.sections)].filter((s) => s.role === 'note');
    expect(notes.map((s) => s.id)).toContain('note-not-1');
    expect(notes[0]!.title).toBe('Not 1 Verksamhetens intäkter');
    const targets = new Set(notes.map((s) => s.id));
    for (const t of tables.values()) for (const r of t.rows) if (r.note) expect(targets, r.note.target).toContain(r.note.target);
  });
});

describe('periods shorter than a year', () => {
  test('indicators followed per month get a column per month, labelled with the month, in order', () => {
    const t = [...tables.values()].find((x) => x.rows.some((r) => r.header.startsWith('Hushåll med ekonomiskt bistånd')))!;
    expect(t.columns.map((c) => c.label)).toEqual(
      ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti'].map((m) => `Utfall ${m} 2024`),
    );
    const row = (h: string) => t.rows.find((r) => r.header.startsWith(h))!.cells.map((c) => plain(c.text));
    expect(row('Hushåll med ekonomiskt bistånd')).toEqual(['612 st.', '605 st.', '598 st.', '590 st.', '583 st.', '571 st.', '566 st.', '574 st.']);
    expect(row('Sjukfrånvaro bland kommunens medarbetare')).toEqual(['8,9 %', '8,6 %', '7,8 %', '7,1 %', '6,5 %', '5,9 %', '5,2 %', '6,1 %']);
  });

  test('a value per tertial or delår has its own column, after the month that ends it; the whole year after its periods', () => {
    const text = TEXT.replace(
      '                      - { year: 2024, period: 2024-08, kind: outcome, total: 574 }',
      '                      - { year: 2024, period: 2024-08, kind: outcome, total: 574 }\n                      - { year: 2024, period: 2024-T1, kind: outcome, total: 601 }\n                      - { year: 2024, period: 2024-ack-08, kind: outcome, total: 587 }\n                      - { year: 2023, kind: outcome, total: 640 }',
    );
    const t = [...walkSections(build(load(text)).sections)].flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []))).find((x) => x.rows.some((r) => r.header.startsWith('Hushåll med')))!;
    expect(t.columns.map((c) => c.label)).toEqual([
      'Utfall 2023',
      'Utfall januari 2024', 'Utfall februari 2024', 'Utfall mars 2024', 'Utfall april 2024', 'Utfall tertial 1 2024',
      'Utfall maj 2024', 'Utfall juni 2024', 'Utfall juli 2024', 'Utfall augusti 2024', 'Utfall januari–augusti 2024',
    ]);
    const row = t.rows.find((r) => r.header.startsWith('Hushåll med'))!.cells.map((c) => plain(c.text));
    expect([row[0], row[5], row[10]]).toEqual(['640 st.', '601 st.', '587 st.']);
  });
});

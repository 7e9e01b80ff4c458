// Values as reports write them, decided once in the document for every writer: a range
// target "40–50 %" said "40 till 50 procent", a direction "minska", a statement in words,
// "–" named "inget belopp" apart from 0, and an interval "−10 – −5" said "−10 till −5".
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadReport, presets, type Report } from '@kommunrapport/model';
import { buildDocument, createRenderContext, phraseText, walkSections, type DocumentModel, type TableModel } from '../src/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const REPORT = loadReport(readFileSync(`${root}examples/norrvik-bun-2024-malmodell/rapport.yaml`, 'utf8'), 'rapport.yaml').report!;
const docOf = (report: Report): DocumentModel => {
  const ctx = createRenderContext(report, {}, { env: {} });
  return buildDocument(report, ctx.vocabulary, ctx.format);
};
const tables = (doc: DocumentModel): TableModel[] => [...walkSections(doc.sections)].flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])));
const table = (doc: DocumentModel, id: string) => tables(doc).find((t) => t.id === id)!;
const cells = (t: TableModel, header: string) => t.rows.find((r) => r.header.startsWith(header))!.cells;
const plain = (s: string) => s.replace(/[\u00a0\u202f]/gu, ' ');
const SV = docOf(REPORT);
const EN = docOf({ ...REPORT, language: 'en', governance: { ...presets['generic-en'], assessment: REPORT.governance.assessment, dimensions: REPORT.governance.dimensions, statusRule: REPORT.governance.statusRule! } });

describe('targets in words (Norrvik example)', () => {
  const target = (doc: DocumentModel, name: string) => {
    const t = table(doc, 'hallbar-skolmat-indicators');
    const col = t.columns.findIndex((c) => c.label === (doc === EN ? 'Target 2024' : 'Mål 2024'));
    expect(col).toBeGreaterThan(-1);
    return cells(t, name)[col]!;
  };

  it('shows a range as "40–50 %" and says it "40 till 50 procent"', () => {
    const c = target(SV, 'Andel vegetariska');
    expect(plain(c.text)).toBe('40–50 %');
    expect(plain(c.spoken)).toBe('40 till 50 procent');
    expect(plain(c.label!)).toBe('40 till 50 %');
  });

  it('shows a direction and a statement in words, in Swedish and English', () => {
    expect(target(SV, 'Klimatavtryck').text).toBe('minska');
    expect(target(EN, 'Klimatavtryck').text).toBe('decrease');
    expect(target(SV, 'Skolmåltider').text).toBe('Råden ska följas');
    expect(plain(target(EN, 'Andel vegetariska').spoken)).toBe('40 to 50 percent');
  });

  it('counts a range and a direction that were reached, never a statement', () => {
    const s = [...walkSections(SV.sections)].find((x) => x.id === 'hallbar-skolmat')!;
    const words = s.blocks.flatMap((b) => (b.kind === 'richText' ? b.blocks : [])).map((b) => (b.type === 'paragraph' ? b.children.map((n) => ('value' in n ? n.value : '')).join('') : '')).join(' ');
    expect(words).toContain('Av 2 indikatorer med både utfall och målvärde 2024 når 2 målvärdet.');
  });
});

describe('"–" and 0 in a table of figures', () => {
  const row = cells(table(SV, 'driftredovisning'), 'Sommarskola');

  it('shows "–" with its words as the accessible name, and 0 as 0 without one', () => {
    expect(row[0]).toMatchObject({ text: '–', label: 'inget belopp', spoken: 'inget belopp' });
    expect(row[2]).toMatchObject({ text: '–', label: 'ej tillämpligt' });
    expect(row[1]!.text).toBe('0');
    expect(row[1]!.label).toBeUndefined();
    expect(row[1]!.value).toBe(0);
    expect(cells(table(EN, 'driftredovisning'), 'Sommarskola')[0]!.label).toBe('no amount');
  });

  it('keeps the reason the author gives for a "–" in the table\'s note, after the author\'s own note', () => {
    const file = fileURLToPath(new URL('./fixtures/fjallby-ab-2025-ar/rapport.yaml', import.meta.url));
    const text = readFileSync(file, 'utf8');
    const noteText = (doc: DocumentModel) => (table(doc, 'affarsomraden').note ?? []).map((b) => (b.type === 'paragraph' ? phraseText(b.children) : ''));
    expect(noteText(docOf(loadReport(text, file).report!))).toEqual(['VA, Prognos i okt.: ej tillämpligt (VA prognostiseras inte separat)']);
    const withNote = text.replace('          rowHeader: Affärsområde\n', '          rowHeader: Affärsområde\n          note: Prognosen gjordes i oktober.\n');
    expect(noteText(docOf(loadReport(withNote, file).report!))).toEqual(['Prognosen gjordes i oktober.', 'VA, Prognos i okt.: ej tillämpligt (VA prognostiseras inte separat)']);
    // A "–" without a reason adds nothing: the Norrvik example's table has no note.
    expect(table(SV, 'driftredovisning').note).toBeUndefined();
  });
});

describe('"–" as an indicator value', () => {
  const t = table(SV, 'energi-lokaler-indicators');
  const col = t.columns.findIndex((c) => c.label === 'Utfall 2022');

  it('shows "–" with its words in the indicator table, as a table of figures does', () => {
    expect(col).toBeGreaterThan(-1);
    expect(cells(t, 'Energianvändning')[col]).toMatchObject({ text: '–', label: 'ej tillämpligt', spoken: 'ej tillämpligt' });
    expect(cells(t, 'Energianvändning')[col]!.value).toBeUndefined();
  });

  it('leaves it out of the chart and says so in the text alternative', () => {
    const chart = [...walkSections(SV.sections)].flatMap((x) => x.blocks.flatMap((b) => (b.kind === 'chart' && b.chart.id === 'energianvandning-chart' ? [b.chart] : [])))[0]!;
    expect(chart.series.flatMap((x) => x.points.map((p) => `${x.kind} ${p.year}`))).toEqual(['outcome 2023', 'outcome 2024', 'target 2024']);
    expect(chart.description).toBe('Diagram över Energianvändning i skolornas lokaler (kWh per kvadratmeter). Lägre värde är bättre. Värdena står i tabellen ovan. Utfall 2022: ej tillämpligt, inte med i diagrammet.');
    const en = [...walkSections(EN.sections)].flatMap((x) => x.blocks.flatMap((b) => (b.kind === 'chart' && b.chart.id === 'energianvandning-chart' ? [b.chart] : [])))[0]!;
    expect(en.description).toContain('Outcome 2022: not applicable, not in the chart.');
  });
});

describe('a cell with no value', () => {
  const solberga = `${root}examples/solberga-son-2024-delar/rapport.yaml`;
  const text = readFileSync(solberga, 'utf8');
  const indicatorCell = (doc: DocumentModel, name: string, column: string) => {
    const t = tables(doc).find((x) => x.rows.some((r) => r.header.startsWith(name)))!;
    return cells(t, name)[t.columns.findIndex((c) => c.label === column)]!;
  };

  it('shows the dash, named by the vocabulary\'s missingValue for every reader, never an empty text', () => {
    const doc = docOf(loadReport(text, solberga).report!);
    expect(indicatorCell(doc, 'Barn och unga 0–20 år med insats', 'Mål 2024')).toMatchObject({ text: '–', label: 'Värde saknas', spoken: 'Värde saknas', speech: 'Värde saknas', align: 'end' });
    expect(indicatorCell(doc, 'Barn och unga 0–20 år med insats', 'Mål 2024').value).toBeUndefined();
    // A null in a table of figures (the source leaves it empty): the same.
    const fjallby = fileURLToPath(new URL('./fixtures/fjallby-ab-2025-ar/rapport.yaml', import.meta.url));
    const summa = cells(table(docOf(loadReport(readFileSync(fjallby, 'utf8'), fjallby).report!), 'affarsomraden'), 'Summa');
    expect(summa[2]).toMatchObject({ text: '–', label: 'Värde saknas' });
  });

  it('takes its words from the report\'s vocabulary: a kommun\'s own word, and English', () => {
    const report = loadReport(text, solberga).report!;
    const own = docOf({ ...report, governance: { ...report.governance, terms: { ...report.governance.terms, missingValue: 'Uppgift saknas' } } });
    expect(indicatorCell(own, 'Barn och unga 0–20 år med insats', 'Mål 2024')).toMatchObject({ text: '–', label: 'Uppgift saknas', spoken: 'Uppgift saknas' });
    const en = docOf({ ...report, language: 'en', governance: { ...presets['generic-en'], levels: report.governance.levels } });
    expect(indicatorCell(en, 'Barn och unga 0–20 år med insats', 'Target 2024')).toMatchObject({ text: '–', label: 'No value' });
  });
});

describe('which way is better for an indicator', () => {
  const noteOf = (doc: DocumentModel, id: string) => (table(doc, id).note ?? []).map((b) => (b.type === 'paragraph' ? phraseText(b.children) : ''));
  const chartOf = (doc: DocumentModel, id: string) => [...walkSections(doc.sections)].flatMap((x) => x.blocks.flatMap((b) => (b.kind === 'chart' && b.chart.id === id ? [b.chart] : [])))[0]!;

  it("says it once under the indicator table, a paragraph per direction naming its indicators, in the vocabulary's words", () => {
    expect(noteOf(SV, 'hallbar-skolmat-indicators')).toEqual([
      'Lägre värde är bättre: Matsvinn per portion i skolan; Klimatavtryck per portion (kg koldioxidekvivalenter).',
      'Högre värde är bättre: Andel vegetariska måltider i skolan; Skolmåltider som följer Livsmedelsverkets råd.',
    ]);
    expect(noteOf(EN, 'energi-lokaler-indicators')).toEqual(['Lower is better: Energianvändning i skolornas lokaler (kWh per kvadratmeter).']);
    const own = docOf({ ...REPORT, governance: { ...REPORT.governance, terms: { ...REPORT.governance.terms, lowerIsBetter: 'Ju lägre desto bättre' } } });
    expect(noteOf(own, 'energi-lokaler-indicators')).toEqual(['Ju lägre desto bättre: Energianvändning i skolornas lokaler (kWh per kvadratmeter).']);
  });

  it("says it in a chart's text alternative, for speech too", () => {
    expect(chartOf(SV, 'energianvandning-chart').description).toContain('(kWh per kvadratmeter). Lägre värde är bättre. Värdena står i tabellen ovan.');
    expect(chartOf(SV, 'energianvandning-chart').speech).toContain('Lägre värde är bättre.');
    expect(chartOf(EN, 'energianvandning-chart').description).toContain('Lower is better.');
  });
});

describe('an interval in a table of figures', () => {
  it('shows "−10 – −5", named and said "−10 till −5"', () => {
    const c = cells(table(SV, 'risker-prognos'), 'Vattenskada')[1]!;
    expect(plain(c.text)).toBe('−10 – −5');
    expect(c.label).toBe('−10 till −5');
    expect(plain(c.spoken)).toBe('−10 till −5 miljoner kronor');
    expect(plain(c.speech)).toMatch(/^minus 10 till minus 5 miljoner kronor$/);
  });
});

describe('a status derived by the rule', () => {
  const s = [...walkSections(SV.sections)].find((x) => x.id === 'energi-lokaler')!;

  it('shows the derived status as the goal\'s overall assessment', () => {
    const badges = s.blocks.flatMap((b) => (b.kind === 'badges' ? b.items : []));
    expect(badges.map((i) => `${i.term}: ${i.badge.label}`)).toEqual(['Sammanvägd bedömning: Delvis uppfyllt']);
  });

  it('marks it inferred and names the rule, in the words of the vocabulary', () => {
    const facts = s.blocks.flatMap((b) => (b.kind === 'facts' ? b.items : [])).map((f) => `${f.term}: ${f.value}`);
    expect(facts).toEqual([
      'Underlag för bedömning: Härledd, inte angiven i källan: bedömt enligt regel: uppfyllt när utfallet når målvärdet, delvis uppfyllt inom 10 procent av det, annars ej uppfyllt',
    ]);
    const en = [...walkSections(EN.sections)].find((x) => x.id === 'energi-lokaler')!;
    expect(en.blocks.flatMap((b) => (b.kind === 'facts' ? b.items : [])).map((f) => f.value).join(' ')).toContain('assessed by rule: uppfyllt när');
  });
});

describe('a Markdown table in rich text (Norrvik example)', () => {
  const area = [...walkSections(SV.sections)].find((s) => s.id === 'klimat')!;
  it('is a table of the section between its rich text, not rich text of pipes', () => {
    const kinds = area.blocks.map((b) => b.kind);
    expect(kinds.slice(kinds.indexOf('richText'), kinds.indexOf('richText') + 2)).toEqual(['richText', 'table']);
    const t = table(SV, 'tabell-1');
    expect(t).toMatchObject({
      caption: 'Solceller på skolornas tak 2024',
      corner: 'Skola',
      columns: [
        { label: 'Tak med solceller', align: 'end' },
        { label: 'Kommentar', align: 'start' },
      ],
    });
    expect(t.rows.map((r) => [r.header, ...r.cells.map((c) => c.text)])).toEqual([
      ['Norrviksskolan', '2', 'Klart i maj'],
      ['Ekbackens skola', '1', 'Upphandlas av BUF'],
    ]);
  });
  it('keeps the cells as inline content through the rules of running text: emphasis, and an abbreviation first used here', () => {
    const t = table(SV, 'tabell-1');
    expect(t.rows[0]!.cells[1]!.content).toEqual([{ type: 'emphasis', children: [{ type: 'text', value: 'Klart' }] }, { type: 'text', value: ' i maj' }]);
    expect(t.rows[1]!.cells[1]!.content).toContainEqual(expect.objectContaining({ type: 'abbreviation', text: 'BUF', first: true }));
    expect(t.rows[1]!.headerContent).toEqual([{ type: 'text', value: 'Ekbackens skola' }]);
  });
});

describe('a table inside a list item of a block tree', () => {
  it('becomes a paragraph of its plain text in the item, not lost', () => {
    const cell = (value: string) => [{ type: 'text' as const, value }];
    const table = { type: 'table' as const, header: [cell('Skola'), cell('Tak')], rows: [[cell('Norrviksskolan'), cell('2')]] };
    const sections = REPORT.sections.map((s) => (s.type === 'perspective' ? { ...s, areas: s.areas.map((a) => (a.id === 'klimat' ? { ...a, body: [{ type: 'list' as const, ordered: false, items: [[table]] }] } : a)) } : s));
    const doc = docOf({ ...REPORT, sections } as Report);
    const area = [...walkSections(doc.sections)].find((s) => s.id === 'klimat')!;
    const rich = area.blocks.find((b) => b.kind === 'richText');
    expect(rich).toEqual({ kind: 'richText', blocks: [{ type: 'list', ordered: false, items: [[{ type: 'paragraph', children: [{ type: 'text', value: 'Skola | Tak / Norrviksskolan | 2' }] }]] }] });
  });
});

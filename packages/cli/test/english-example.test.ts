// The same report data in English: the Solberga example built with the `generic-en`
// vocabulary (and `language: en`) shows English headings, badge words and table headers in
// the DocumentModel, the text output, the HTML page and the PDF, and none of the Swedish presets'
// words, which proves no renderer has a Swedish word of its own. The report's own text
// (titles, comments, row labels) stays Swedish: it is data, and is taken out before looking.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { eskilstuna, generic, loadReport, plainText, type Report, type RichText } from '@kommunrapport/model';
import { buildDocument, createFormatter, createRenderContext, createVocabulary, walkSections, type DocSection, type DocumentModel, type Plugin, type TableModel } from '@kommunrapport/core';
import htmlPlugin from '@kommunrapport/plugin-html';
import pdfPlugin from '@kommunrapport/plugin-pdf';
import textPlugin from '@kommunrapport/plugin-text';
import { phrasesIn, swedishPhrases } from '../../../test/vocabulary-words.js';

const PATH = 'examples/solberga-son-2024-delar/rapport.yaml';
const SWEDISH = readFileSync(new URL(`../../../${PATH}`, import.meta.url), 'utf8');

/** The example with its governance replaced by the English preset and English level names. */
function toEnglish(text: string): string {
  const governance = [
    'governance:',
    '  preset: generic-en',
    '  levels:',
    '    goal: { singular: committee goal, plural: committee goals }',
    '    commitment: { singular: strategic development assignment, plural: strategic development assignments }',
    '  trend: []',
    'organisations:',
  ].join('\n');
  const out = text.replace(/^governance:\n[\s\S]*?^organisations:/m, governance).replace(/^language: sv$/m, 'language: en');
  if (out === text || !out.includes('preset: generic-en') || !out.includes('language: en')) throw new Error('the example no longer has the expected governance and language lines');
  return out;
}

function load(text: string): Report {
  const loaded = loadReport(text, PATH);
  expect(loaded.diagnostics).toEqual([]);
  return loaded.report!;
}
const swedishReport = load(SWEDISH);
const englishReport = load(toEnglish(SWEDISH));
const doc = (r: Report): DocumentModel => buildDocument(r, createVocabulary(r), createFormatter(r.language, r.governance));
const english = doc(englishReport);

/** Every Swedish word of the presets and of the example's own Swedish level names. */
const SWEDISH_WORDS = [
  ...new Set([
    ...swedishPhrases,
    ...Object.values(swedishReport.governance.levels).flatMap((l) => [l.singular, l.plural]),
    ...Object.values(eskilstuna.levels).flatMap((l) => [l.singular, l.plural]),
    ...Object.values(generic.levels).flatMap((l) => [l.singular, l.plural]),
  ]),
];

/** Every string of the report's own data (not its governance): titles, text, labels, names. */
function reportStrings(r: Report): string[] {
  const out = new Set<string>();
  const visit = (v: unknown, key?: string) => {
    if (key === 'governance') return;
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach((x) => visit(x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(r);
  // Rich text also as its plain text, as renderers write paragraphs and list items out.
  const isRich = (v: unknown): v is RichText => Array.isArray(v) && v.length > 0 && v.every((b) => b?.type === 'paragraph' || b?.type === 'list');
  const rich = (v: unknown, key?: string): void => {
    if (key === 'governance') return;
    if (isRich(v)) out.add(plainText(v));
    if (Array.isArray(v)) v.forEach((x) => rich(x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) rich(x, k);
  };
  rich(r);
  return [...out].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
}
const OWN = reportStrings(englishReport);

/** `text` with every string of the report's data taken out (longest first); white space is folded in both. */
function withoutReportText(text: string): string {
  const fold = (s: string) => s.replace(/\s+/g, ' ');
  // The page's description is the report's summary cut at a word and marked "…": the report's own text too.
  const cut = (line: string) => {
    const m = /^(.{20,})…$/.exec(fold(line).trim());
    return m !== null && OWN.some((s) => fold(s).startsWith(m[1]!.trimEnd())) ? '\u0000' : line;
  };
  let t = fold(text.split('\n').map(cut).join('\n'));
  for (const s of OWN) t = t.split(fold(s)).join('\u0000');
  return t;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );

/** What an HTML page shows and says: the text of every element and every attribute value, one per line. */
function htmlTexts(html: string): string {
  const body = html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<script[\s\S]*?<\/script>/g, '');
  const attributes = [...body.matchAll(/\s(?:aria-label|aria-description|title|alt|content|summary)="([^"]*)"/g)].map((m) => decode(m[1]!));
  const text = body.split(/<[^>]+>/).map(decode);
  return [...text, ...attributes].join('\n');
}

/** Every string of a DocumentModel that is shown to readers (not ids, keys or colours). */
function shownStrings(d: DocumentModel): string[] {
  const out: string[] = [];
  const skip = new Set(['id', 'role', 'kind', 'scale', 'key', 'colour', 'symbol', 'align', 'emphasis', 'unit', 'type', 'url', 'language']);
  const visit = (v: unknown, key?: string) => {
    if (key && skip.has(key)) return;
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => visit(x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(d);
  return out;
}

const sections = (d: DocumentModel) => [...walkSections(d.sections)];
const byRole = (d: DocumentModel, role: string) => sections(d).filter((s) => s.role === role);
const byId = (d: DocumentModel, id: string): DocSection => sections(d).find((s) => s.id === id)!;
const tablesOf = (s: DocSection): TableModel[] => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const badges = (s: DocSection) => s.blocks.flatMap((b) => (b.kind === 'badges' ? b.items.map((i) => `${i.term}: ${i.badge.label}`) : []));

/** Renders a report with a plugin and its default options (or `raw` ones), as the core does. */
async function render(plugin: Plugin<any>, report: Report, raw: unknown = {}): Promise<Map<string, string>> {
  const options = plugin.options.decode(raw);
  if (options._tag === 'Left') throw new Error(`default options of ${plugin.name} do not decode`);
  const artifacts = await plugin.render(report, createRenderContext(report, options.right, { env: {} }));
  return new Map(artifacts.map((a) => [a.path, typeof a.contents === 'string' ? a.contents : Buffer.from(a.contents).toString('latin1')]));
}

/**
 * A rendered PDF read back with poppler: the text of every structure element (pdfinfo
 * -struct-text, what assistive technology reads, one string per element so a wrapped table
 * header stays whole) and the whole text layer with the page furniture (pdftotext).
 */
async function pdfText(report: Report): Promise<{ elements: string; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kommunrapport-en-'));
  try {
    const file = join(dir, 'rapport.pdf');
    writeFileSync(file, Buffer.from((await render(pdfPlugin, report)).get('rapport.pdf')!, 'latin1'));
    const struct = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const elements = [...struct.matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]!).join('\n');
    return { elements, text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the Solberga example built with the generic-en vocabulary', () => {
  test('loads with no findings; the words to look for are many and the report text stays Swedish', () => {
    expect(englishReport.language).toBe('en');
    expect(englishReport.governance.name).toBe('Generic governance model');
    expect(englishReport.governance.trend).toEqual([]);
    // Swedish words that the report's own text uses (Ekonomi, Medarbetare, Utfall …) are
    // taken out with that text before looking; every word of the presets is looked for.
    expect(SWEDISH_WORDS.length).toBeGreaterThan(120);
    for (const w of ['Bedömning', 'Belopp i', 'Ansvariga', 'Utfall', 'Delvis uppfyllt', 'Kan inte bedömas', 'Pågår', 'Försenat', 'Totalt', 'Kvinnor', 'Innebörd', 'Kommun', 'Diarienummer', 'tusen kronor', 'nämndmål', 'strategiska utvecklingsuppdrag', 'processområden']) {
      expect(SWEDISH_WORDS).toContain(w);
    }
  });

  test('DocumentModel: cover, headings, badges and table headers are English', () => {
    expect(english.language).toBe('en');
    expect(english.cover.map((f) => f.term)).toEqual(['Municipality', 'Committee', 'Administration', 'Period', 'Case number', 'Date']);
    expect(english.cover.at(-1)!.value).toBe('18 September 2024');
    expect(new Set(byRole(english, 'goals').map((s) => s.title))).toEqual(new Set(['Committee goals']));
    expect(new Set(byRole(english, 'commitments').map((s) => s.title))).toEqual(new Set(['Strategic development assignments']));
    expect(new Set(byRole(english, 'goal').flatMap(badges))).toEqual(new Set(['Assessment: Achieved', 'Assessment: Partly achieved', 'Assessment: Not achieved', 'Assessment: Cannot be assessed']));
    expect(byRole(english, 'commitment').map(badges)).toEqual([['Status: Ongoing'], ['Status: Done'], ['Status: Delayed'], ['Status: Done'], ['Status: Not started'], ['Status: Ongoing']]);
    expect(byRole(english, 'commitment')[0]!.blocks[0]).toMatchObject({ kind: 'facts', items: [{ term: 'Responsible', value: 'SOF, BUN' }] });
    const [overview] = tablesOf(byId(english, 'samlad-bedomning'));
    expect([overview!.corner, overview!.columns.map((c) => c.label)]).toEqual(['Goal area', ['Assessment']]);
    const legends = byId(english, 'forklaring-symboler').blocks.flatMap((b) => (b.kind === 'legend' ? [b.legend] : []));
    expect(legends.map((l) => [l.caption, l.symbolHeader, l.meaningHeader])).toEqual([
      // Solberga judges its goals, not only its goal areas: the key is named after the assessment.
      ['Assessment', 'Symbol', 'Meaning'],
      ['Strategic development assignments', 'Symbol', 'Meaning'],
    ]);
    const [indicators] = tablesOf(byRole(english, 'indicator-group')[4]!);
    expect([indicators!.caption, indicators!.corner, indicators!.columns.map((c) => c.label)]).toEqual([
      'Indicators: Medarbetare', 'Indicator', ['Outcome 2021', 'Outcome 2022', 'Outcome 2023', 'Outcome 2024', 'Target 2024'],
    ]);
    const [headline] = tablesOf(byId(english, 'ekonomisk-sammanfattning'));
    expect(headline!.caption).toBe('Ekonomisk sammanfattning. Amounts in thousand kronor');
    expect(headline!.rows[0]!.cells[0]).toMatchObject({ text: '−1,173,400', spoken: '−1,173,400\u00a0thousand kronor' });
    const [deviation] = tablesOf(byId(english, 'prognosavvikelse'));
    expect([deviation!.corner, deviation!.rows.at(-1)!.header]).toEqual(['The deviation is explained by', 'Total']);
    const [headcount, sickLeave] = tablesOf(byId(english, 'personal'));
    expect([headcount!.corner, ...headcount!.columns.map((c) => c.label)]).toEqual(['Permanent employees', 'Total', 'Women', 'Men']);
    expect([sickLeave!.corner, ...sickLeave!.rows.map((r) => r.header)]).toEqual(['Year', 'Total', 'Women', 'Men']);
  });

  test('DocumentModel: no Swedish word of the vocabulary outside the report\'s own text', () => {
    const found = shownStrings(english).flatMap((s) => phrasesIn(withoutReportText(s), SWEDISH_WORDS).map((w) => `${w} in ${JSON.stringify(s)}`));
    expect(found).toEqual([]);
    // The control: the Swedish build shows Swedish vocabulary words outside the report text.
    const swedish = shownStrings(doc(swedishReport)).flatMap((s) => phrasesIn(withoutReportText(s), SWEDISH_WORDS));
    for (const w of ['Bedömning', 'Ansvariga', 'Belopp i', 'Delvis uppfyllt', 'Kommun', 'Nämndmål']) expect(swedish.map((x) => x.toLowerCase())).toContain(w.toLowerCase());
  });

  test('text output: English words, none of the Swedish vocabulary', async () => {
    // The plain dialect: the speech dialect rewrites the report's own (here Swedish) text, which
    // then can no longer be told apart from the vocabulary's words; its words are the same.
    const en = (await render(textPlugin, englishReport, { dialect: 'plain' })).get('rapport.txt')!;
    const sv = (await render(textPlugin, swedishReport, { dialect: 'plain' })).get('rapport.txt')!;
    for (const w of ['Municipality: Solberga', 'Case number:', 'Amounts in thousand kronor', 'Committee goals', 'Strategic development assignments', 'Partly achieved', 'Cannot be assessed', 'Not started', 'Responsible', 'Outcome 2023', 'Target 2024', 'Permanent employees']) {
      expect(en, w).toContain(w);
    }
    expect(phrasesIn(withoutReportText(en), SWEDISH_WORDS)).toEqual([]);
    // The control: the Swedish text output has such words, so the check can see them.
    const inSwedish = phrasesIn(withoutReportText(sv), SWEDISH_WORDS);
    expect(inSwedish).toEqual(expect.arrayContaining(['Kommun', 'Bedömning', 'Ansvariga', 'Belopp i', 'Delvis uppfyllt', 'Kan inte bedömas', 'Totalt', 'tusen kronor']));
  });

  test('HTML output: lang="en", English words, none of the Swedish vocabulary', async () => {
    const en = (await render(htmlPlugin, englishReport)).get('index.html')!;
    const sv = (await render(htmlPlugin, swedishReport)).get('index.html')!;
    expect(en).toMatch(/<html[^>]* lang="en"/);
    const text = htmlTexts(en);
    for (const w of ['Municipality', 'Contents', 'Committee goals', 'Strategic development assignments', 'Partly achieved', 'Cannot be assessed', 'Not started', 'Responsible', 'Outcome 2023', 'Target 2024', 'Amounts in thousand kronor', 'Goal area']) {
      expect(text, w).toContain(w);
    }
    expect(phrasesIn(withoutReportText(text), SWEDISH_WORDS)).toEqual([]);
    // The control: the Swedish page has such words, so the check can see them.
    const inSwedish = phrasesIn(withoutReportText(htmlTexts(sv)), SWEDISH_WORDS);
    expect(inSwedish).toEqual(expect.arrayContaining(['Kommun', 'Bedömning', 'Ansvariga', 'Belopp i', 'Delvis uppfyllt', 'Kan inte bedömas', 'Totalt', 'tusen kronor']));
  });

  test('PDF: English words in the structure and the text layer, none of the Swedish vocabulary', async () => {
    const en = await pdfText(englishReport);
    const sv = await pdfText(swedishReport);
    for (const w of ['Municipality', 'Contents', 'Committee goals', 'Partly achieved', 'Cannot be assessed', 'Not started', 'Responsible', 'Target 2024', 'Amounts in thousand kronor', 'Goal area']) {
      expect(en.elements.replace(/\s+/g, ' '), w).toContain(w);
    }
    expect(phrasesIn(withoutReportText(en.elements), SWEDISH_WORDS)).toEqual([]);
    // Page furniture is not in the structure: the whole text layer holds no Swedish word
    // of the vocabulary that the report's own text does not use either.
    const notInReport = SWEDISH_WORDS.filter((w) => !OWN.some((s) => phrasesIn(s, [w]).length > 0));
    expect(notInReport).toEqual(expect.arrayContaining(['Sida', 'Innehåll', 'Ansvariga', 'Kommun']));
    expect(phrasesIn(en.text, notInReport)).toEqual([]);
    // The controls: the Swedish PDF has such words in both places.
    expect(phrasesIn(withoutReportText(sv.elements), SWEDISH_WORDS)).toEqual(expect.arrayContaining(['Kommun', 'Bedömning', 'Ansvariga', 'Belopp i', 'Delvis uppfyllt', 'Kan inte bedömas']));
    expect(phrasesIn(sv.text, notInReport)).toEqual(expect.arrayContaining(['Sida', 'Innehåll', 'Ansvariga']));
  });
});

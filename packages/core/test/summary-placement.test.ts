// The summary is required of every report, and a summary section places it. A report without
// such a section (an årsredovisning of a bolag written for this test, and three of the four
// examples) still shows its summary: first, after the cover decision, so no output loses it.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadReport, type Report } from '@kommunrapport/model';
import { buildDocument, createFormatter, createVocabulary, walkSections, type DocumentModel } from '../src/index.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
function parse(text: string, path = 'rapport.yaml'): Report {
  const loaded = loadReport(text, path);
  expect(loaded.diagnostics).toEqual([]);
  return loaded.report!;
}
const load = (path: string): Report => parse(read(path), path);
const build = (r: Report): DocumentModel => buildDocument(r, createVocabulary(r), createFormatter(r.language, r.governance));
const textOf = (doc: DocumentModel, id: string): string =>
  JSON.stringify([...walkSections(doc.sections)].find((s) => s.id === id)?.blocks ?? null);

const FJALLBY = './fixtures/fjallby-ab-2025-ar/rapport.yaml';
const fjallby = load(FJALLBY);

describe('the summary of a report without a summary section', () => {
  test('stands first, under the vocabulary\'s word for it, with the author\'s text', () => {
    const doc = build(fjallby);
    expect(doc.sections.map((s) => [s.number, s.title]).slice(0, 2)).toEqual([
      ['1', 'Sammanfattning'],
      ['2', 'VD har ordet'],
    ]);
    expect(doc.sections[0]).toMatchObject({ id: 'summary', role: 'summary', level: 2 });
    expect(textOf(doc, 'summary')).toContain('Intäkterna ökade med 6,5');
    expect(textOf(doc, 'summary')).toContain('Investeringarna uppgick till 96,0');
  });

  test('comes after the cover decision, with the significant events under it', () => {
    const text = read(FJALLBY).replace(
      '\nsections:\n',
      '\ndecision: { proposal: Styrelsen föreslås fastställa årsredovisningen., description: Årsredovisningen för 2025. }\n' +
        'significantEvents: [{ id: handelser, title: Väsentliga händelser under året, body: Reningsverket i Storvik byggdes om. }]\nsections:\n',
    );
    const doc = build(parse(text));
    expect(doc.sections.map((s) => s.id).slice(0, 3)).toEqual(['decision', 'summary', 'vd-har-ordet']);
    expect(doc.sections[1]!.blocks.some((b) => b.kind === 'section' && b.section.id === 'handelser' && b.section.number === '2.1')).toBe(true);
  });

  test('takes another anchor when a section of the report is called summary', () => {
    const ids = build(parse(read(FJALLBY).replace('- id: vd-har-ordet', '- id: summary'))).sections.map((s) => s.id);
    expect(ids.slice(0, 2)).toEqual(['summary-2', 'summary']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('a report with a summary section shows the summary there, once', () => {
    const eskilstuna = load('../../../examples/eskilstuna-ks-2022-delar2/rapport.yaml');
    const doc = build(eskilstuna);
    const summaries = [...walkSections(doc.sections)].filter((s) => s.role === 'summary');
    expect(summaries.map((s) => s.id)).toEqual(eskilstuna.sections.filter((s) => s.type === 'summary').map((s) => s.id));
  });
});

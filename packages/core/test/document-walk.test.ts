// The document is built in one walk of the report (the model's walkReport): every section
// of every kind, wherever it stands (top level, inside a text section, before or after an
// area's goals), becomes one section of the document with its id and kind, at the heading
// level of its depth, holding what its kind shows; nothing is skipped silently.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadReport, walkReport, formatPath, SECTION_TYPES, type Report, type SectionType } from '@kommunrapport/model';
import { buildDocument, createFormatter, createVocabulary, walkSections, type DocBlock, type DocSection } from '../src/index.js';

/** The model's minimal report with a section of every kind, some nested in a text section and in an area. */
const EVERY_KIND = fileURLToPath(new URL('../../model/test/fixtures/valid/every-kind.yaml', import.meta.url));

function everyKind(): Report {
  const loaded = loadReport(readFileSync(EVERY_KIND, 'utf8'), EVERY_KIND);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.report!;
}

const report = everyKind();
const doc = buildDocument(report, createVocabulary(report), createFormatter(report.language, report.governance));
const docSections = [...walkSections(doc.sections)];
const sectionBlocks = (s: DocSection): DocSection[] => s.blocks.flatMap((b) => (b.kind === 'section' ? [b.section] : []));
const has = (s: DocSection, kind: DocBlock['kind']) => s.blocks.some((b) => b.kind === kind);

/**
 * What the document section of each kind holds in this report. A record over every kind:
 * a kind added to the model makes this test fail to compile until it says what that kind shows.
 */
const SHOWS: Record<SectionType, (s: DocSection) => boolean> = {
  text: (s) => has(s, 'richText'),
  summary: (s) => has(s, 'richText'),
  overview: (s) => has(s, 'table'),
  legend: (s) => has(s, 'legend'),
  perspective: (s) => sectionBlocks(s).map((a) => a.role).join() === 'area',
  workforce: (s) => s.blocks.filter((b) => b.kind === 'table').length === 2,
  finance: (s) => s.blocks.filter((b) => b.kind === 'table').length === 2,
  table: (s) => has(s, 'table'),
  deviation: (s) => has(s, 'table'),
  indicators: (s) => sectionBlocks(s).map((g) => g.role).join() === 'indicator-group',
  notes: (s) => sectionBlocks(s).map((n) => `${n.role} ${n.title} ${n.blocks.filter((b) => b.kind === 'table').length}`).join() === 'note Not 7 Intäkter 1',
  internalControl: (s) => sectionBlocks(s).map((i) => `${i.role} ${i.title}`).join() === 'control-item Rutin för attester',
};

describe('the document builder walks the whole report', () => {
  it('uses a report with every section kind, nested ones too', () => {
    const kinds = new Set<string>();
    walkReport(report, { section: (s) => kinds.add(s.type) });
    expect([...kinds].sort()).toEqual([...SECTION_TYPES].sort());
  });

  it('gives every section of the report, wherever it stands, one document section with its id and kind, in reading order', () => {
    const fromReport: string[] = [];
    walkReport(report, { section: (s, path) => fromReport.push(`${s.type} ${s.id} ${formatPath(path)}`) });
    const ofKind = new Set<string>(SECTION_TYPES);
    const inDocument = docSections.filter((s) => ofKind.has(s.role)).map((s) => `${s.role} ${s.id}`);
    expect(inDocument).toEqual(fromReport.map((line) => line.split(' ').slice(0, 2).join(' ')));
    // The nested ones, placed where they stand in the report.
    expect(fromReport).toEqual(expect.arrayContaining(['text omvarld sections[1].areas[0].sections[0]', 'notes noter sections[1].areas[0].endSections[0]', 'table tabell sections[9].sections[0]']));
  });

  it('nests each section at the heading level and number of its depth', () => {
    const at = (id: string) => docSections.find((s) => s.id === id)!;
    expect([at('hallbar-utveckling'), at('naringsliv'), at('omvarld'), at('naringsliv-goals'), at('foretagsklimat'), at('noter')].map((s) => [s.number, s.level])).toEqual([
      ['2', 2],
      ['2.1', 3],
      ['2.1.1', 4],
      ['2.1.2', 4],
      ['2.1.2.1', 5],
      ['2.1.4', 4],
    ]);
    // An area's parts in reading order: its sections, its goals, its commitments, its end sections.
    expect(sectionBlocks(at('naringsliv')).map((s) => s.role)).toEqual(['text', 'goals', 'commitments', 'notes']);
    expect([at('ram'), at('tabell')].map((s) => [s.number, s.level])).toEqual([
      ['10', 2],
      ['10.1', 3],
    ]);
  });

  it.each(SECTION_TYPES)('a %s section holds what its kind shows', (kind) => {
    const sections = docSections.filter((s) => s.role === kind);
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) expect(SHOWS[kind](s), `${kind} ${s.id}`).toBe(true);
  });

  it('links a table row to its note wherever the notes section stands (here after an area\'s goals)', () => {
    const table = docSections.find((s) => s.id === 'tabell')!.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.table.rows[0]!.note).toEqual({ target: expect.stringContaining('not-intakter'), label: 'Not 7' });
  });
});

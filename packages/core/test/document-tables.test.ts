// The tables of a document as every writer and the site see them (shared.ts): which tables
// (legends drawn as tables included), their unique file names, and their cells as shown.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadReport, type Report } from '@kommunrapport/model';
import { buildDocument, createFormatter, createVocabulary, documentTables, legendTable, tableCsvFile, tableText, walkSections, type DocBlock, type DocumentModel, type TableModel } from '../src/index.js';

function load(path: string): Report {
  const loaded = loadReport(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'), path);
  return loaded.report!;
}
const build = (r: Report): DocumentModel => buildDocument(r, createVocabulary(r), createFormatter(r.language, r.governance));
const ekdala = build(load('examples/ekdala-kf-2024-delar2/rapport.yaml'));

const cell = (text: string) => ({ text, spoken: text, speech: text, align: 'end' as const });
const table = (id: string, extra: Partial<TableModel> = {}): TableModel => ({ id, caption: `Tabell ${id}`, corner: 'Post', columns: [{ label: '2024', align: 'end' }], rows: [{ header: 'Intäkter', cells: [cell('1,5')] }], ...extra });
const doc = (blocks: DocBlock[]): DocumentModel => ({ title: 'T', language: 'sv', description: 'D', owner: 'O', cover: [], sections: [{ id: 's', level: 2, number: '1', title: 'S', heading: [], role: 'text', blocks }] });

describe('documentTables', () => {
  test('every table block and legend of the document, in reading order, sections within sections included', () => {
    const blocks = [...walkSections(ekdala.sections)].flatMap((s) => s.blocks.filter((b) => b.kind === 'table' || b.kind === 'legend'));
    const tables = documentTables(ekdala);
    expect(tables.map((t) => t.block)).toEqual(blocks);
    expect(tables.filter((t) => t.block.kind === 'legend').length).toBeGreaterThan(0);
    for (const t of tables) if (t.block.kind === 'legend') expect(t.table).toEqual(legendTable(t.block.legend));
    expect(new Set(tables.map((t) => t.name)).size).toBe(tables.length);
  });

  test('names come from the ids, in lower case, safe as file names, and unique (-2, -3 when taken)', () => {
    const tables = documentTables(doc([{ kind: 'table', table: table('Drift') }, { kind: 'table', table: table('drift') }, { kind: 'table', table: table('a/b c') }, { kind: 'table', table: table('drift-2') }]));
    expect(tables.map((t) => t.name)).toEqual(['drift', 'drift-2', 'a-b-c', 'drift-2-2']);
    expect(tableCsvFile('drift')).toBe('tables/drift.csv');
  });
});

describe('tableText', () => {
  test('a header row (corner, then each column under its group), then each row: its header and its cells as shown; heading rows empty', () => {
    const t = table('t', {
      columns: [{ label: '2024', align: 'end' }, { label: '2023', align: 'end' }, { label: 'Not', align: 'start' }],
      columnGroups: [{ label: 'Kommunen', span: 2 }, { label: '', span: 1 }],
      rows: [
        { header: 'Tillgångar', heading: true, cells: [] },
        { header: 'Kassa', cells: [cell('−1 234,5'), { ...cell('–'), label: 'inget belopp' }, cell('')] },
        { header: 'SBN', headerContent: [{ type: 'abbreviation', text: 'SBN', abbreviation: 'SBN', expansion: 'Samhällsbyggnadsnämnden', first: true }] as never, cells: [cell('1'), cell('2'), { ...cell('se not'), content: [{ type: 'emphasis', children: [{ type: 'text', value: 'se not' }] }] as never }] },
      ],
    });
    expect(tableText(t)).toEqual([
      ['Post', 'Kommunen 2024', 'Kommunen 2023', 'Not'],
      ['Tillgångar', '', '', ''],
      ['Kassa', '−1 234,5', '–', ''],
      // Inline content as the page shows it: the first use of an abbreviation explained.
      ['Samhällsbyggnadsnämnden (SBN)', '1', '2', 'se not'],
    ]);
  });
});

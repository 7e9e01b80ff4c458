// An indicator's own status by the governance's rule: derived once in the document, shown
// in a column of its table, marked inferred with the rule in the table's note.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadReport } from '@kommunrapport/model';
import { buildDocument, createRenderContext, walkSections, type TableModel } from '../src/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const text = readFileSync(`${root}examples/norrvik-bun-2024-malmodell/rapport.yaml`, 'utf8');
const docOf = (t: string) => {
  const report = loadReport(t, 'rapport.yaml').report!;
  const ctx = createRenderContext(report, {}, { env: {} });
  return buildDocument(report, ctx.vocabulary, ctx.format);
};
const tableOf = (t: string): TableModel => [...walkSections(docOf(t).sections)].flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' && b.table.id === 'behoriga-gymnasiet-indicators' ? [b.table] : [])))[0]!;

describe("an indicator's own status by the rule (Norrvik example)", () => {
  const table = tableOf(text);

  it('shows the status the rule gives in a column of its own, marked inferred with the rule', () => {
    expect(table.columns.at(-1)!.label).toBe('Bedömning');
    const own = table.rows.find((r) => r.header.startsWith('Elever i åk 9'))!;
    const cell = own.cells.at(-1)!;
    // 86,4 % of a target of 88,0 %: 98 %, within 10 % of it.
    expect(cell.badge?.key).toBe('partly');
    expect(cell.spoken).toBe(`${cell.badge!.textAlternative} (Härledd, inte angiven i källan: bedömt enligt regel: uppfyllt när utfallet når målvärdet, delvis uppfyllt inom 10 procent av det, annars ej uppfyllt)`);
    // Comparison rows have no status: "–", named "Värde saknas".
    expect(table.rows.filter((r) => r.header.includes('(jämförelse)')).map((r) => `${r.cells.at(-1)!.text} ${r.cells.at(-1)!.label}`)).toEqual(['– Värde saknas', '– Värde saknas']);
    const note = table.note!.map((b) => (b.type === 'paragraph' ? b.children.map((n) => ('value' in n ? n.value : '')).join('') : '')).join(' ');
    // After which way is better for the table's indicators, the status the rule gave.
    expect(note).toBe('Högre värde är bättre: Elever i åk 9 som är behöriga till yrkesprogram; Elever i åk 8 som känner sig trygga i skolan. Elever i åk 9 som är behöriga till yrkesprogram: Delvis uppfyllt. Underlag för bedömning: Härledd, inte angiven i källan: bedömt enligt regel: uppfyllt när utfallet når målvärdet, delvis uppfyllt inom 10 procent av det, annars ej uppfyllt.');
  });

  it('shows a typed status as typed: no inference, no note of it', () => {
    const typed = tableOf(text.replace('assessmentByRule: true # the', 'assessment: achieved # the'));
    expect(typed.rows.find((r) => r.header.startsWith('Elever i åk 9'))!.cells.at(-1)!.badge?.key).toBe('achieved');
    // Only which way is better stays in the note.
    expect(typed.note).toHaveLength(1);
    expect(JSON.stringify(typed.note)).not.toContain('Underlag');
  });

  it('has no status column when no indicator of the table has a status', () => {
    expect(tableOf(text.replace('assessmentByRule: true # the', '# the')).columns.map((c) => c.label)).not.toContain('Bedömning');
  });
});

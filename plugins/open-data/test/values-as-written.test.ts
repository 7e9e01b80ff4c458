// Values as reports write them, in open data: targets kept apart by kind (range bounds,
// direction, words), "–" empty with its status and never 0, intervals in low/high columns.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildTables, writeCsv } from '../src/index.js';
import { loadFile } from './helpers.js';

const report = loadFile(fileURLToPath(new URL('../../../examples/norrvik-bun-2024-malmodell/rapport.yaml', import.meta.url)));
const rowsOf = (name: string) => {
  const table = buildTables(report).find((t) => t.name === name)!;
  return parseCsv(writeCsv(table), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
};

describe('values as written, in open data (Norrvik example)', () => {
  const values = rowsOf('indicator_values');
  const target = (indicator: string) => values.find((r) => r.indicator_id!.endsWith(`-indicator-${indicator}`) && r.kind === 'target' && r.year === '2024')!;

  it('keeps each kind of target in its own columns', () => {
    const cols = (r: Record<string, string>) => [r.target_kind, r.value, r.low, r.high, r.direction, r.text, r.bound].join('|');
    expect(cols(target('vegetariska-maltider'))).toBe('range||40|50|||');
    expect(cols(target('klimatavtryck'))).toBe('direction||||decrease||');
    expect(cols(target('livsmedelsverkets-rad'))).toBe('statement|||||Råden ska följas|');
    expect(cols(target('trygghet-skolan'))).toBe('bound|85|||||atLeast');
    expect(cols(target('behorighet-yrkesprogram'))).toBe('exact|88.0|||||');
  });

  it('writes an indicator value printed "–" as an empty value with its status, apart from a missing one', () => {
    const status = (indicator: string, year: string) => values.filter((r) => r.indicator_id!.endsWith(`-indicator-${indicator}`) && r.kind === 'outcome' && r.year === year).map((r) => `${r.gender} [${r.value}] ${r.value_status} [${r.missing_reason}]`);
    expect(status('energianvandning', '2022')).toEqual(['T [] notApplicable []']);
    expect(status('energianvandning', '2023')).toEqual(['T [124] value []']);
    expect(status('matsvinn', '2024')).toEqual(['T [] missing [Mätning i november 2024]']);
  });

  it('says what every indicator value holds in the words of the cell files, targets that are no number included', () => {
    const statusOf = (indicator: string) => [...new Set(values.filter((r) => r.indicator_id!.endsWith(`-indicator-${indicator}`) && r.kind === 'target').map((r) => r.value_status))];
    expect(statusOf('vegetariska-maltider')).toEqual(['interval']);
    expect(statusOf('klimatavtryck')).toEqual(['described']);
    expect(statusOf('livsmedelsverkets-rad')).toEqual(['described']);
    expect(statusOf('trygghet-skolan')).toEqual(['value']);
    expect(values.every((r) => ['value', 'interval', 'described', 'noAmount', 'notApplicable', 'missing'].includes(r.value_status!))).toBe(true);
    expect(values.filter((r) => r.value !== '').every((r) => r.value_status === 'value')).toBe(true);
  });

  it("keeps an indicator's own status by the rule with its basis and the rule", () => {
    const indicators = rowsOf('indicators');
    const r = indicators.find((x) => x.local_id === 'behorighet-yrkesprogram')!;
    expect([r.assessment, r.assessment_basis, r.assessment_reason]).toEqual(['partly', 'inferred', 'bedömt enligt regel: uppfyllt när utfallet når målvärdet, delvis uppfyllt inom 10 procent av det, annars ej uppfyllt']);
    expect(indicators.find((x) => x.local_id === 'matsvinn')!.assessment).toBe('');
  });

  it('writes "–" as an empty value with its status, and 0 as 0', () => {
    const cells = rowsOf('operating_statement').filter((r) => r.row_id === 'sommarskola');
    expect(cells.map((r) => `${r.column_key} ${r.value} ${r.value_status}`)).toEqual(['budget  noAmount', 'prognos 0 value', 'avvikelse  notApplicable']);
  });

  it('gives the reason the report gives for a "–" in absent_reason, empty for a "–" without one and for every other cell', () => {
    const fjallby = loadFile(fileURLToPath(new URL('../../../packages/core/test/fixtures/fjallby-ab-2025-ar/rapport.yaml', import.meta.url)));
    const table = buildTables(fjallby).find((t) => t.name === 'operating_statement')!;
    const cells = parseCsv(writeCsv(table), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(cells.filter((r) => r.row_id === 'va').map((r) => `${r.column_key} ${r.value_status} ${r.absent_reason}`)).toEqual(['t3 value ', 'ack value ', 'prognos notApplicable VA prognostiseras inte separat']);
    expect(cells.filter((r) => r.absent_reason !== '')).toHaveLength(1);
    // Norrvik's "–" cells give no reason: the column is there, empty.
    expect(rowsOf('operating_statement').filter((r) => r.row_id === 'sommarskola').map((r) => r.absent_reason)).toEqual(['', '', '']);
  });

  it('splits an interval into low and high, with an empty value', () => {
    const cells = rowsOf('other_tables').filter((r) => r.row_id === 'vattenskada');
    expect(cells.map((r) => `${r.column_key} ${r.value} ${r.value_status} ${r.value_low} ${r.value_high}`)).toEqual([
      'budget 0 value  ',
      'prognos  interval -10 -5',
      'avvikelse  interval -10 -5',
    ]);
  });

  it('publishes a status derived by the rule as inferred, with the rule as the reason', () => {
    const goal = rowsOf('goals').find((r) => r.goal_id!.endsWith('-goal-energi-lokaler'))!;
    expect([goal.assessment, goal.assessment_basis, goal.assessment_reason]).toEqual(['partly', 'inferred', 'bedömt enligt regel: uppfyllt när utfallet når målvärdet, delvis uppfyllt inom 10 procent av det, annars ej uppfyllt']);
    const dims = rowsOf('goal_assessments').filter((r) => r.goal_id!.endsWith('-goal-energi-lokaler'));
    expect(dims.map((r) => `${r.dimension} ${r.assessment}`)).toContain('sammanvagd partly');
  });
});

describe('a Markdown table in rich text, in open data (Norrvik example)', () => {
  it("keeps the table's caption and cells in the text column, one row a line between |, and the image after it as its alt text and caption", () => {
    const klimat = rowsOf('areas').find((r) => r.local_id === 'klimat')!;
    expect(klimat.text).toBe(
      'Nämnden har antagit tre klimatlöften för 2024.\n\nSolceller på skolornas tak 2024\n| Skola | Tak med solceller | Kommentar |\n| Norrviksskolan | 2 | Klart i maj |\n| Ekbackens skola | 1 | Upphandlas av BUF |\n\nTeckning av Norrviksskolans tak med de två solcellsfälten, vart och ett med åtta paneler. Solcellerna på Norrviksskolans tak, klara i maj 2024',
    );
  });
});

// The financial statements of the Ekdala example as open data: statements.csv holds every
// figure of the resultaträkning, balansräkning, kassaflödesanalys, balanskravsutredning and
// VA-resultat in tidy form (standard row key, the kommun's label, entity, period, value,
// unit), heading rows are left out, and indicator values followed per month carry their
// period into indicator_values.csv.
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildTables } from '../src/index.js';
import { loadFile } from './helpers.js';

const EKDALA = fileURLToPath(new URL('../../../examples/ekdala-kf-2024-delar2/rapport.yaml', import.meta.url));
const tables = buildTables(loadFile(EKDALA));
const table = (name: string) => tables.find((t) => t.name === name)!;

describe('statements.csv of the Ekdala example', () => {
  const rows = table('statements').rows;

  test('one row per figure of the five statements, none for heading rows', () => {
    expect(new Set(rows.map((r) => r.statement))).toEqual(new Set(['incomeStatement', 'balanceSheet', 'cashFlow', 'balanceRequirement', 'waterResult']));
    expect(rows.some((r) => r.row_id === 'tillgangar' || r.row_id === 'anlaggningstillgangar')).toBe(false);
    // 11 rows × 6 columns in the resultaträkning.
    expect(rows.filter((r) => r.table_id === '0599-kf-table-resultatrakning')).toHaveLength(66);
  });

  test('årets resultat for kommunen and the sammanställd redovisning, with entity and period', () => {
    const pick = (table: string, entity: string, period: string) =>
      rows.find((r) => r.row_key === 'arets-resultat' && r.table_id === `0599-kf-table-${table}` && r.entity === entity && r.period === period);
    expect(pick('resultatrakning', 'kommunen', '2024-ack-08')).toMatchObject({
      row_label: 'Årets resultat', column_kind: 'outcome', period_start: '2024-01-01', period_end: '2024-08-31', value: '73.1', unit: 'mnkr', factor: 1000000, currency: 'SEK', value_sek: '73100000',
    });
    expect(pick('resultatrakning', 'sammanstalld', '2024-ack-08')).toMatchObject({ value: '99.4' });
    expect(pick('balansrakning', 'kommunen', '2024-08-31')).toMatchObject({ period_start: '2024-08-31', period_end: '2024-08-31', value: '73.1' });
    // A budget column without a period is the whole year.
    expect(rows.find((r) => r.row_key === 'arets-resultat' && r.column_kind === 'budget')).toMatchObject({ period: '2024', period_start: '2024-01-01', period_end: '2024-12-31', value: '71.0' });
  });

  test('the table schema names the standard keys and the primary key', () => {
    const t = table('statements');
    expect(t.primaryKey).toEqual(['table_id', 'row_id', 'column_key']);
    expect(t.fields.find((f) => f.name === 'row_key')!.enum).toContain('summa-tillgangar');
  });

  test('a row in another unit keeps its unit in the cells of other tables (skattesats in percent with two decimals)', () => {
    const cell = table('other_tables').rows.find((r) => r.row_id === 'skattesats' && r.column_key === 'k-2024');
    expect(cell).toMatchObject({ value: '22.14', unit: 'percent', factor: null, value_sek: null });
  });
});

test('indicator values per month carry their period into indicator_values.csv', () => {
  const values = table('indicator_values').rows.filter((r) => r.indicator_id === '0599-kf-indicator-hushall-ekonomiskt-bistand');
  expect(values.map((r) => r.period)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08']);
  expect(values[2]).toMatchObject({ year: 2024, period_start: '2024-03-01', period_end: '2024-03-31', kind: 'outcome', gender: 'T', value: '598' });
});

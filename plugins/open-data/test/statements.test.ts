// The financial statements of the Ekdala example as open data: statements.csv holds every
// figure of the resultaträkning, balansräkning, kassaflödesanalys, balanskravsutredning and
// VA-resultat in tidy form (standard row key, the kommun's label, entity, period, value,
// unit), heading rows are left out, and indicator values followed per month carry their
// period into indicator_values.csv.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { STANDARD_ROWS } from '@kommunrapport/model';
import type { Artifact } from '@kommunrapport/core';
import { buildTables, validateOpenDataFiles } from '../src/index.js';
import { loadFile, loadText, render } from './helpers.js';

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

  test('every line of RKR\'s kassaflödesanalys carries a standard key, årets resultat included, so each compares across kommuner', () => {
    const flow = rows.filter((r) => r.statement === 'cashFlow' && r.entity === 'kommunen' && r.period === '2024-ack-08');
    expect(flow.filter((r) => r.row_key === null || r.row_key === '').map((r) => r.row_label)).toEqual([]);
    expect(flow.map((r) => r.row_key)).toEqual([
      'arets-resultat', 'justering-for-av-och-nedskrivningar', 'justering-for-ovriga-ej-likviditetspaverkande-poster', 'medel-fran-verksamheten-fore-forandring-av-rorelsekapital',
      'forandring-av-kortfristiga-fordringar', 'forandring-av-forrad-och-varulager', 'forandring-av-kortfristiga-skulder', 'kassaflode-fran-den-lopande-verksamheten',
      'investering-i-materiella-anlaggningstillgangar', 'forsaljning-av-materiella-anlaggningstillgangar', 'kassaflode-fran-investeringsverksamheten',
      'nyupptagna-lan', 'amortering-av-skuld', 'kassaflode-fran-finansieringsverksamheten', 'periodens-kassaflode', 'likvida-medel-vid-periodens-borjan', 'likvida-medel-vid-periodens-slut',
    ]);
    for (const key of flow.map((r) => r.row_key as keyof typeof STANDARD_ROWS).slice(1)) expect(STANDARD_ROWS[key].statement, key).toBe('cashFlow');
  });

  test('the table schema names the standard keys and the primary key', () => {
    const t = table('statements');
    expect(t.primaryKey).toEqual(['table_id', 'row_id', 'column_key']);
    expect(t.fields.find((f) => f.name === 'row_key')!.enum).toContain('summa-tillgangar');
  });

  test('the cells of every table carry the column\'s period and a computed row its formula', () => {
    const va = table('other_tables').rows.find((r) => r.table_id === '0599-kf-table-va-resultat' && r.row_id === 'resultat' && r.column_key === 'utfall');
    expect(va).toMatchObject({ row_formula: 'fore-disposition - disposition', period: '2024-ack-08', period_start: '2024-01-01', period_end: '2024-08-31', value: '0.0' });
    const drift = table('operating_statement').rows.filter((r) => r.row_id === 'bun');
    expect(drift.map((r) => [r.column_key, r.period, r.period_end])).toEqual([['utfall', '2024-ack-08', '2024-08-31'], ['budget', '2024', '2024-12-31'], ['prognos', '2024', '2024-12-31'], ['avvikelse', '2024', '2024-12-31']]);
    expect(drift[0]!.row_formula).toBeNull();
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

describe('the standard row keys as open data', () => {
  test('codelist_statement_rows.csv lists every standard key with its statement, kind and RKR label, and statements.csv refers to it', () => {
    const codelist = table('codelist_statement_rows');
    expect(codelist.rows.map((r) => r.key)).toEqual(Object.keys(STANDARD_ROWS));
    expect(codelist.rows.find((r) => r.key === 'likvida-medel-vid-periodens-slut')).toMatchObject({ statement: 'cashFlow', kind: 'stock', label: 'Likvida medel vid periodens slut' });
    expect(codelist.primaryKey).toEqual(['key']);
    expect(table('statements').foreignKeys).toContainEqual({ fields: ['row_key'], resource: 'codelist_statement_rows', referenceFields: ['key'] });
  });

  test('every statements.csv row says how its statement writes signs', () => {
    const rows = table('statements').rows;
    expect(new Set(rows.filter((r) => r.statement === 'incomeStatement').map((r) => r.sign_convention))).toEqual(new Set(['signed']));
    expect(new Set(rows.filter((r) => r.statement === 'balanceSheet').map((r) => r.sign_convention))).toEqual(new Set([null]));
    // A kommun that writes every amount positive says so, and a re-user sees it per figure.
    const text = readFileSync(EKDALA, 'utf8').replace('role: waterResult\n', 'role: waterResult\n      signConvention: positive\n').replace('utfall: -49.6, prognos: -76.1', 'utfall: 49.6, prognos: 76.1').replace('formula: "intakter + kostnader"', 'formula: "intakter - kostnader"');
    const positive = buildTables(loadText(text, EKDALA)).find((t) => t.name === 'statements')!.rows.filter((r) => r.statement === 'waterResult');
    expect(new Set(positive.map((r) => r.sign_convention))).toEqual(new Set(['positive']));
    expect(positive.find((r) => r.row_key === 'va-kostnader' && r.column_key === 'utfall')).toMatchObject({ value: '49.6' });
  });

  test('tables.csv says how each table writes signs, and the cell files point there instead of claiming costs are negative', () => {
    const text = readFileSync(EKDALA, 'utf8').replace('role: waterResult\n', 'role: waterResult\n      signConvention: positive\n').replace('utfall: -49.6, prognos: -76.1', 'utfall: 49.6, prognos: 76.1').replace('formula: "intakter + kostnader"', 'formula: "intakter - kostnader"');
    const all = buildTables(loadText(text, EKDALA));
    const byRole = new Map(all.find((t) => t.name === 'tables')!.rows.map((r) => [r.role, r.sign_convention]));
    expect(byRole.get('waterResult')).toBe('positive');
    expect(byRole.get('incomeStatement')).toBe('signed');
    expect(byRole.get('balanceSheet')).toBeNull();
    const cells = all.filter((t) => t.fields.some((f) => f.name === 'column_key') && t.name !== 'statements');
    expect(cells.length).toBeGreaterThan(0);
    for (const t of cells) {
      expect(t.description).not.toMatch(/negative as in the source/);
      expect(t.fields.find((f) => f.name === 'value')!.description).toMatch(/sign_convention/);
    }
  });
});

describe('the Ekdala open data validates against its datapackage.json', () => {
  let files: Map<string, Uint8Array>;
  beforeAll(async () => {
    const artifacts: Artifact[] = await render(loadFile(EKDALA), { baseUrl: 'https://data.ekdala.example/0599/rapport/' });
    files = new Map(artifacts.map((a) => [a.path.replace(/^open-data\//, ''), typeof a.contents === 'string' ? new TextEncoder().encode(a.contents) : a.contents]));
  });

  test('statements.csv and codelist_statement_rows.csv are listed and valid: types, enums, primary and foreign keys', () => {
    const dp = JSON.parse(new TextDecoder().decode(files.get('datapackage.json')));
    const names = dp.resources.map((r: { name: string }) => r.name);
    expect(names).toContain('statements');
    expect(names).toContain('codelist_statement_rows');
    // The example's addresses are on a host reserved for examples: accepted here, as validate-open-data --allow-placeholder does.
    expect(validateOpenDataFiles(files, { allowPlaceholder: true })).toEqual([]);
  });

  test('a statements.csv row with a key that is no standard row is found, with its line', () => {
    const m = new Map(files);
    const dp = JSON.parse(new TextDecoder().decode(m.get('datapackage.json')));
    const csv = new TextDecoder().decode(m.get('statements.csv')).split('\r\n');
    // row_key stands before the first text column, so splitting at commas up to it is safe.
    const k = csv[0]!.split(',').indexOf('row_key');
    const line = csv.findIndex((l) => l.split(',')[k] === 'arets-resultat');
    const cells = csv[line]!.split(',');
    cells[k] = 'arets-resultat-efter-skatt';
    csv[line] = cells.join(',');
    const bytes = new TextEncoder().encode(csv.join('\r\n'));
    m.set('statements.csv', bytes);
    const r = dp.resources.find((x: { path: string }) => x.path === 'statements.csv');
    r.bytes = bytes.byteLength;
    r.hash = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    m.set('datapackage.json', new TextEncoder().encode(JSON.stringify(dp)));
    // dcat.jsonld still describes the file as built (its hash), which is found as well; here the rows count.
    const found = validateOpenDataFiles(m, { allowPlaceholder: true }).filter((d) => d.file === 'statements.csv' && d.code !== 'open-data-hash-mismatch');
    expect(found.map((d) => `${d.code} ${d.line}`)).toEqual([`open-data-csv-type ${line + 1}`, `open-data-foreign-key ${line + 1}`]);
    expect(found[0]).toMatchObject({ found: '"arets-resultat-efter-skatt"' });
  });
});

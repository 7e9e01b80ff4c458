// The third bundled example, Ekdala kommun's delårsrapport to kommunfullmäktige, and the
// reconciliation of its financial statements: the clean example has no finding; each planted
// error (an unbalanced balansräkning, årets resultat differing between statements, a
// kassaflödesanalys ending at other likvida medel, a flipped sign, an error of 0,4 in a
// total of eight rows) is an error with its catalogue code and the line of the row.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  DIAGNOSTIC_CODES, STANDARD_ROWS, loadReport, parseFormula, periodSpan, parseReportPeriod, walkReport, type DataTable, type Diagnostic, type Report,
} from '../src/index.js';

const PATH = 'examples/ekdala-kf-2024-delar2/rapport.yaml';
const TEXT = readFileSync(new URL(`../../../${PATH}`, import.meta.url), 'utf8');

/** Replaces `from` by `to` on the line of row `rowId` in table `tableId`; returns the text and the 1-based line. */
function plant(text: string, tableId: string, rowId: string, from: string, to: string): { text: string; line: number } {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\s+id: ${tableId}$`).test(l));
  expect(start, `table ${tableId}`).toBeGreaterThan(0);
  const i = lines.findIndex((l, k) => k > start && l.includes(`{ id: ${rowId}, `));
  expect(i, `row ${rowId}`).toBeGreaterThan(start);
  expect(lines[i], `${rowId} holds ${from}`).toContain(from);
  lines[i] = lines[i]!.replace(from, to);
  return { text: lines.join('\n'), line: i + 1 };
}
const load = (text: string): Diagnostic[] => loadReport(text, PATH).diagnostics;
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.severity} ${d.code} ${d.line}`);

function allTables(report: Report): DataTable[] {
  const out: DataTable[] = [];
  walkReport(report, { table: (t) => out.push(t) });
  return out;
}

describe('the Ekdala example (kommun level, statements)', () => {
  const loaded = loadReport(TEXT, PATH);
  const report = loaded.report!;
  const tables = new Map(allTables(report).map((t) => [t.id, t]));

  test('validates with no finding at all', () => {
    expect(loaded.diagnostics).toEqual([]);
  });

  test('is a kommun-level delårsrapport per 31 augusti to kommunfullmäktige', () => {
    expect(report).toMatchObject({ kind: 'interim', level: 'kommun', body: { name: 'Kommunfullmäktige', abbreviation: 'KF' }, period: { start: '2024-01-01', end: '2024-08-31' } });
  });

  test('has the three statements with kommunen and the sammanställd redovisning under shared headers, and standard keys', () => {
    for (const [id, role] of [['resultatrakning', 'incomeStatement'], ['balansrakning', 'balanceSheet'], ['kassaflodesanalys', 'cashFlow']] as const) {
      const t = tables.get(id)!;
      expect(t.role).toBe(role);
      expect(t.columnGroups?.map((g) => g.entity)).toEqual(['kommunen', 'sammanstalld']);
      // Every column stands under exactly one group.
      expect(t.columnGroups!.flatMap((g) => g.columns).sort()).toEqual(t.columns.map((c) => c.key).sort());
    }
    const keys = new Set([...tables.values()].flatMap((t) => t.rows.map((r) => r.key).filter(Boolean)));
    for (const k of ['verksamhetens-intakter', 'verksamhetens-kostnader', 'skatteintakter', 'arets-resultat', 'summa-tillgangar', 'likvida-medel', 'likvida-medel-vid-periodens-slut', 'balanskravsresultat', 'va-resultat'])
      expect(keys, k).toContain(k);
    // Heading rows have no values; the skattesats has its own unit and two decimals.
    const headings = tables.get('balansrakning')!.rows.filter((r) => r.kind === 'heading');
    expect(headings.length).toBeGreaterThan(3);
    for (const h of headings) expect(h.values).toEqual({});
    expect(tables.get('nyckeltal')!.rows.find((r) => r.id === 'skattesats')).toMatchObject({ unit: 'percent', decimals: 2, values: { 'k-2024': 22.14 } });
  });

  test('the balansräkning balances, and årets resultat and likvida medel agree between statements', () => {
    const value = (t: string, key: string, col: string) => tables.get(t)!.rows.find((r) => r.key === key)!.values[col];
    expect(value('balansrakning', 'summa-tillgangar', 'k-2024')).toBe(value('balansrakning', 'summa-eget-kapital-avsattningar-och-skulder', 'k-2024'));
    expect(value('resultatrakning', 'arets-resultat', 'k-2024')).toBe(value('balansrakning', 'arets-resultat', 'k-2024'));
    expect(value('resultatrakning', 'arets-resultat', 'k-2024')).toBe(value('balanskravsutredning', 'arets-resultat', 'k-2024'));
    expect(value('kassaflodesanalys', 'likvida-medel-vid-periodens-slut', 's-2024')).toBe(value('balansrakning', 'likvida-medel', 's-2024'));
  });
});

describe('planted errors in the Ekdala example: each an error with code and line', () => {
  test('an unbalanced balansräkning (off by 1 mnkr, every subtotal still adding up)', () => {
    let p = plant(TEXT, 'balansrakning', 'mark-byggnader', 'k-2024: 3412.7', 'k-2024: 3413.7');
    p = plant(p.text, 'balansrakning', 'summa-anl', 'k-2024: 3848.0', 'k-2024: 3849.0');
    p = plant(p.text, 'balansrakning', 'summa-tillgangar', 'k-2024: 4497.5', 'k-2024: 4498.5');
    const ds = load(p.text);
    expect(brief(ds)).toEqual([`error balance-sheet-unbalanced ${p.line}`]);
    expect(ds[0]).toMatchObject({ path: 'sections[1].sections[1].table.rows[12].values.k-2024', found: '4498.5', expected: '4497.5 (± 0.1)' });
    expect(ds[0]!.hint).toBeTruthy();
  });

  test('årets resultat in the balansräkning differing from the resultaträkning', () => {
    let p = plant(TEXT, 'balansrakning', 'ovrigt-ek', 'k-2024: 1842.6', 'k-2024: 1841.6');
    p = plant(p.text, 'balansrakning', 'arets-resultat', 'k-2024: 73.1', 'k-2024: 74.1');
    expect(brief(load(p.text))).toEqual([`error result-mismatch ${p.line}`]);
  });

  test('årets resultat in the balanskravsutredning differing from the resultaträkning', () => {
    let p = plant(TEXT, 'balanskravsutredning', 'arets-resultat', 'k-prognos: 70.0', 'k-prognos: 72.0');
    const line = p.line;
    p = plant(p.text, 'balanskravsutredning', 'efter-justeringar', 'k-prognos: 67.9', 'k-prognos: 69.9');
    p = plant(p.text, 'balanskravsutredning', 'balanskravsresultat', 'k-prognos: 67.9', 'k-prognos: 69.9');
    expect(brief(load(p.text))).toEqual([`error result-mismatch ${line}`]);
  });

  test('a kassaflödesanalys ending at other likvida medel than the balansräkning', () => {
    let p = plant(TEXT, 'kassaflodesanalys', 'lm-borjan', 'k-2024: 98.6', 'k-2024: 99.6');
    p = plant(p.text, 'kassaflodesanalys', 'lm-slut', 'k-2024: 141.8', 'k-2024: 142.8');
    const ds = load(p.text);
    expect(brief(ds)).toEqual([`error cash-flow-mismatch ${p.line}`]);
    expect(ds[0]!.message).toContain('balansrakning.likvida-medel.k-2024');
  });

  test('a flipped sign: avskrivningar written positive in the resultaträkning', () => {
    const p = plant(TEXT, 'resultatrakning', 'avskrivningar', 'k-2024: -96.3', 'k-2024: 96.3');
    const ds = load(p.text);
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
    expect(brief(ds)).toContain(`error sign-contradicts-kind ${p.line}`);
    expect(ds.find((d) => d.code === 'sign-contradicts-kind')!.message).toContain('a cost is negative');
  });

  test('a flipped sign alone, the sums kept: an intäkt written negative', () => {
    let p = plant(TEXT, 'va-resultat', 'intakter', 'utfall: 52.8', 'utfall: -52.8');
    const line = p.line;
    p = plant(p.text, 'va-resultat', 'kostnader', 'utfall: -49.6', 'utfall: 56.0');
    const ds = load(p.text);
    expect(brief(ds)).toEqual([`error sign-contradicts-kind ${line}`, `error sign-contradicts-kind ${p.line}`]);
  });

  test('an error of 0,4 in the total of eight rows (one decimal)', () => {
    const p = plant(TEXT, 'driftredovisning', 'summa', 'utfall: -1977.6', 'utfall: -1977.2');
    const ds = load(p.text);
    expect(brief(ds)).toEqual([`error sum-mismatch ${p.line}`]);
    expect(ds[0]!.expected).toBe('-1977.6 (± 0.259808)');
  });

  test('a formula with signs that does not add up (resultat = före disposition − disposition)', () => {
    const p = plant(TEXT, 'va-resultat', 'disposition', 'utfall: 3.2', 'utfall: 2.2');
    expect(brief(load(p.text))).toEqual([`error formula-mismatch ${p.line + 1}`]);
  });

  test('a förvaltningsberättelse figure differing from the statement it names (sameAs) is an error', () => {
    const p = plant(TEXT, 'nyckeltal', 'arets-resultat', 'k-2024: 73.1', 'k-2024: 75.1');
    expect(brief(load(p.text))).toEqual([`error statement-figure-mismatch ${p.line}`]);
  });

  test('a heading row with values', () => {
    const p = plant(TEXT, 'balansrakning', 'skulder', 'kind: heading }', 'kind: heading, values: { k-2024: 1 } }');
    expect(brief(load(p.text))).toEqual([`error heading-with-values ${p.line}`]);
  });

  test('every new code is in the catalogue as an error', () => {
    for (const code of ['balance-sheet-unbalanced', 'result-mismatch', 'cash-flow-mismatch', 'sign-contradicts-kind', 'formula-mismatch', 'formula-invalid', 'heading-with-values', 'statement-figure-mismatch'] as const)
      expect(DIAGNOSTIC_CODES[code].severity, code).toBe('error');
  });
});

describe('formulas, standard keys and periods', () => {
  test('a formula is row ids joined by + and − with spaces; hyphens inside ids belong to the id', () => {
    expect(parseFormula('kommunbidrag + intakter + kostnader - disposition')).toEqual([
      { sign: 1, row: 'kommunbidrag' }, { sign: 1, row: 'intakter' }, { sign: 1, row: 'kostnader' }, { sign: -1, row: 'disposition' },
    ]);
    expect(parseFormula('-a − b-c')).toEqual([{ sign: -1, row: 'a' }, { sign: -1, row: 'b-c' }]);
    for (const bad of ['', 'a +', 'a b', 'a + 2*b', 'a + + b', 'A + b']) expect(parseFormula(bad), bad).toBeUndefined();
  });

  test('an unreadable formula is an error with the line', () => {
    const p = plant(TEXT, 'va-resultat', 'resultat', 'formula: "fore-disposition - disposition"', 'formula: "fore-disposition minus disposition"');
    expect(brief(load(p.text))).toEqual([`error formula-invalid ${p.line}`]);
  });

  test('an unknown standard key is a decoding error with a suggestion', () => {
    const p = plant(TEXT, 'resultatrakning', 'skatteintakter', 'key: skatteintakter', 'key: skatteintakt');
    const ds = load(p.text);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', line: p.line, hint: 'Did you mean "skatteintakter"?' });
  });

  test('every standard key names its statement, kind and RKR label', () => {
    expect(Object.keys(STANDARD_ROWS).length).toBeGreaterThan(40);
    expect(STANDARD_ROWS['verksamhetens-kostnader']).toEqual({ statement: 'incomeStatement', kind: 'cost', label: 'Verksamhetens kostnader' });
  });

  test('period keys: year, month, tertial, cumulative months and balance date', () => {
    expect(periodSpan('2024')).toMatchObject({ type: 'year', start: '2024-01-01', end: '2024-12-31', label: '2024' });
    expect(periodSpan('2024-02')).toMatchObject({ type: 'month', start: '2024-02-01', end: '2024-02-29', label: 'februari 2024' });
    expect(periodSpan('2024-T2')).toMatchObject({ type: 'tertial', start: '2024-05-01', end: '2024-08-31', label: 'tertial 2 2024' });
    expect(periodSpan('2024-ack-08')).toMatchObject({ type: 'cumulative', start: '2024-01-01', end: '2024-08-31', label: 'januari–augusti 2024' });
    expect(periodSpan('2024-08-31')).toMatchObject({ type: 'date', end: '2024-08-31', label: '31 augusti 2024' });
    for (const bad of ['2024-13', '2024-T4', '2024-02-30', '24-08', '2024-ack-13']) expect(periodSpan(bad), bad).toBeUndefined();
  });

  test('report periods for init: per month, tertial, delår, helår', () => {
    expect(parseReportPeriod('2024-08')).toMatchObject({ start: '2024-01-01', end: '2024-08-31', label: 'januari–augusti 2024', asOf: 'per 31 augusti 2024', kind: 'interim' });
    expect(parseReportPeriod('2024-T1')).toMatchObject({ end: '2024-04-30', kind: 'tertial' });
    expect(parseReportPeriod('2024-D2')).toMatchObject({ end: '2024-08-31', kind: 'interim' });
    expect(parseReportPeriod('2024')).toMatchObject({ end: '2024-12-31', kind: 'annual' });
    expect(parseReportPeriod('2024-helår')).toMatchObject({ end: '2024-12-31', kind: 'annual' });
    expect(parseReportPeriod('2024-D3')).toBeUndefined();
  });
});

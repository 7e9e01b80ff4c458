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

  test('has every part the issue names: the förvaltningsberättelse after R15, the statements, noter, drift- and investeringsredovisning, VA-resultat and the revisorernas bedömning', () => {
    const titles: string[] = [];
    walkReport(report, { section: (s) => titles.push(s.title ?? '') });
    for (const t of [
      'Förvaltningsberättelse', 'Översikt över verksamhetens utveckling', 'Viktiga förhållanden för resultat och ekonomisk ställning', 'Händelser av väsentlig betydelse',
      'Styrning och uppföljning av den kommunala verksamheten', 'God ekonomisk hushållning och ekonomisk ställning', 'Balanskravsresultat', 'Väsentliga personalförhållanden',
      'Förväntad utveckling', 'Räkenskaper', 'Noter', 'Driftredovisning per nämnd', 'Investeringsredovisning', 'VA-verksamhetens resultat', 'Revisorernas bedömning',
    ])
      expect(titles, t).toContain(t);
    const roles = [...tables.values()].map((t) => t.role);
    for (const role of ['incomeStatement', 'balanceSheet', 'cashFlow', 'balanceRequirement', 'waterResult', 'operatingStatement', 'investments', 'keyFigures'] as const) expect(roles, role).toContain(role);
    // The nyckeltal mix units: mnkr, percent (one and two decimals) and a count.
    expect(new Set(tables.get('nyckeltal')!.rows.map((r) => r.unit ?? 'mnkr'))).toEqual(new Set(['mnkr', 'percent', 'count']));
    // About 50 000 invånare.
    expect(tables.get('nyckeltal')!.rows.find((r) => r.id === 'invanare')!.values['k-2024']).toBeGreaterThan(45000);
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

  test('årets resultat as the first row of the kassaflödesanalys differing from the resultaträkning', () => {
    // 1 mnkr more as årets resultat, 1 mnkr less as avskrivningar: every sum of the flow still holds.
    let p = plant(TEXT, 'kassaflodesanalys', 'resultat', 'k-2024: 73.1', 'k-2024: 74.1');
    const line = p.line;
    p = plant(p.text, 'kassaflodesanalys', 'avskrivningar', 'k-2024: 96.3', 'k-2024: 95.3');
    const ds = load(p.text);
    expect(brief(ds)).toEqual([`error result-mismatch ${line}`]);
    expect(ds[0]!.message).toContain('the kassaflödesanalys');
  });

  test('a kassaflödesanalys ending at other likvida medel than the balansräkning', () => {
    // 1 mnkr more from kortfristiga skulder, every sum kept: the flow ends 1 mnkr higher.
    let p = plant(TEXT, 'kassaflodesanalys', 'skulder', 'k-2024: 27.9', 'k-2024: 28.9');
    p = plant(p.text, 'kassaflodesanalys', 'summa-lopande', 'k-2024: 171.4', 'k-2024: 172.4');
    p = plant(p.text, 'kassaflodesanalys', 'periodens-kassaflode', 'k-2024: 43.2', 'k-2024: 44.2');
    p = plant(p.text, 'kassaflodesanalys', 'lm-slut', 'k-2024: 141.8', 'k-2024: 142.8');
    const ds = load(p.text);
    expect(brief(ds)).toEqual([`error cash-flow-mismatch ${p.line}`]);
    expect(ds[0]!.message).toContain('balansrakning.likvida-medel.k-2024');
  });

  test('a kassaflödesanalys starting at other likvida medel than the balansräkning of 31 december', () => {
    // Likvida medel vid periodens början 1 mnkr higher, the flow 1 mnkr lower: it still ends right.
    let p = plant(TEXT, 'kassaflodesanalys', 'lm-borjan', 's-2024: 164.3', 's-2024: 165.3');
    const line = p.line;
    p = plant(p.text, 'kassaflodesanalys', 'skulder', 's-2024: 31.2', 's-2024: 30.2');
    p = plant(p.text, 'kassaflodesanalys', 'summa-lopande', 's-2024: 255.6', 's-2024: 254.6');
    p = plant(p.text, 'kassaflodesanalys', 'periodens-kassaflode', 's-2024: -3.0', 's-2024: -4.0');
    const ds = load(p.text);
    expect(brief(ds)).toEqual([`error cash-flow-start-mismatch ${line}`]);
    // januari–augusti 2024 starts after 31 december 2023: the balansräkning's column of that date.
    expect(ds[0]).toMatchObject({ found: '165.3', expected: '164.3 (± 0.1, as balansrakning.likvida-medel.s-2023)' });
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

  test('statements printed with other decimals agree within the rounding of each (whole mnkr beside one decimal), and no further', () => {
    // A balansräkning printed in whole mnkr: årets resultat 73 beside the resultaträkning's 72,6 is rounding.
    const whole = (rt: string, br: string) => {
      let p = plant(TEXT, 'balansrakning', 'arets-resultat', 'kind: item, values: { k-2024: 73.1,', `kind: item, decimals: 0, values: { k-2024: ${br},`);
      p = plant(p.text, 'balansrakning', 'ovrigt-ek', 'k-2024: 1842.6', `k-2024: ${(1842.6 + 73.1 - Number(br)).toFixed(1)}`);
      p = plant(p.text, 'resultatrakning', 'arets-resultat', 'k-2024: 73.1', `k-2024: ${rt}`);
      p = plant(p.text, 'resultatrakning', 'efter-finansiella', 'k-2024: 73.1', `k-2024: ${rt}`);
      p = plant(p.text, 'resultatrakning', 'finansiella-intakter', 'k-2024: 14.3', `k-2024: ${(14.3 + Number(rt) - 73.1).toFixed(1)}`);
      p = plant(p.text, 'balanskravsutredning', 'arets-resultat', 'k-2024: 73.1', `k-2024: ${rt}`);
      p = plant(p.text, 'balanskravsutredning', 'orealiserade', 'k-2024: -1.4', `k-2024: ${(-1.4 + 73.1 - Number(rt)).toFixed(1)}`);
      p = plant(p.text, 'kassaflodesanalys', 'resultat', 'k-2024: 73.1', `k-2024: ${rt}`);
      p = plant(p.text, 'kassaflodesanalys', 'avskrivningar', 'k-2024: 96.3', `k-2024: ${(96.3 + 73.1 - Number(rt)).toFixed(1)}`);
      p = plant(p.text, 'nyckeltal', 'arets-resultat', 'k-2024: 73.1', `k-2024: ${rt}`);
      return load(p.text);
    };
    expect(whole('72.6', '73')).toEqual([]);
    const ds = whole('72.4', '73');
    expect(brief(ds)).toEqual([`error result-mismatch ${TEXT.split('\n').findIndex((l) => l.includes('{ id: arets-resultat, label: Årets resultat, key: arets-resultat, kind: item, values: { k-2024: 73.1, k-2023: 58.4')) + 1}`]);
    expect(ds[0]!.expected).toBe('72.4 (± 0.55, as resultatrakning.arets-resultat.k-2024)');
  });

  test('a förvaltningsberättelse figure differing from the statement it names (sameAs) is an error', () => {
    const p = plant(TEXT, 'nyckeltal', 'arets-resultat', 'k-2024: 73.1', 'k-2024: 75.1');
    expect(brief(load(p.text))).toEqual([`error statement-figure-mismatch ${p.line}`]);
  });

  test('a statement row with RKR\'s label but no key is told its standard key (info), with the line; parentheses and case do not count', () => {
    let p = plant(TEXT, 'balansrakning', 'fordringar', 'key: fordringar, ', '');
    const first = p.line;
    p = plant(p.text, 'kassaflodesanalys', 'fordringar', 'key: forandring-av-kortfristiga-fordringar, ', '');
    const ds = load(p.text);
    expect(brief(ds)).toEqual([`info standard-key-missing ${first}`, `info standard-key-missing ${p.line}`]);
    expect(ds[1]).toMatchObject({ expected: 'key: forandring-av-kortfristiga-fordringar', found: 'no key' });
    expect(ds[1]!.message).toContain('Ökning (−)/minskning (+) av kortfristiga fordringar');
    // Not for a nämnd's statements, which RKR's uppställning does not cover.
    expect(load(p.text.replace('level: kommun\n', 'level: namnd\n')).filter((d) => d.code === 'standard-key-missing')).toEqual([]);
  });

  test('no standard key is suggested where another row of the table has it already', () => {
    // Fordringar without its key, and the key on the next row: the label matches, the key is taken.
    let p = plant(TEXT, 'balansrakning', 'fordringar', 'key: fordringar, ', '');
    expect(brief(load(p.text))).toEqual([`info standard-key-missing ${p.line}`]);
    p = plant(p.text, 'balansrakning', 'placeringar', 'key: kortfristiga-placeringar, ', 'key: fordringar, ');
    expect(brief(load(p.text)).filter((b) => b.includes('standard-key-missing'))).toEqual([]);
  });

  test('a heading row with values', () => {
    const p = plant(TEXT, 'balansrakning', 'skulder', 'kind: heading }', 'kind: heading, values: { k-2024: 1 } }');
    expect(brief(load(p.text))).toEqual([`error heading-with-values ${p.line}`]);
  });

  test('every new code is in the catalogue as an error', () => {
    for (const code of ['balance-sheet-unbalanced', 'result-mismatch', 'cash-flow-mismatch', 'cash-flow-start-mismatch', 'sign-contradicts-kind', 'formula-mismatch', 'formula-invalid', 'heading-with-values', 'statement-figure-mismatch'] as const)
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

  test('an outcome for a period after the report\'s end, or a period key in another year than its column, is found with its line', () => {
    // Oktober in a report per 31 augusti: an indicator value and a table column.
    const lines = TEXT.split('\n');
    const valueLine = lines.findIndex((l) => l.includes('{ year: 2024, period: 2024-08, kind: outcome, total: 574 }')) + 1;
    const columnLine = lines.findIndex((l) => l.includes('- { key: k-2024, label: Jan–aug 2024, kind: outcome, year: 2024, period: 2024-ack-08 }')) + 1;
    const moved = lines.map((l, i) =>
      i + 1 === valueLine ? l.replace('period: 2024-08', 'period: 2024-10') : i + 1 === columnLine ? l.replace('period: 2024-ack-08', 'period: 2024-T3') : l,
    );
    const ds = load(moved.join('\n'));
    expect(brief(ds)).toEqual([`warning period-after-report ${columnLine}`, `warning period-after-report ${valueLine}`]);
    expect(ds[1]!.message).toBe('An outcome of "Hushåll med ekonomiskt bistånd" is for 2024-10, which ends 2024-10-31, after the report period ends (2024-08-31).');
    // A forecast or budget column may be for a later period; a period key in another year than the column's is found.
    const forecast = TEXT.replace('{ key: k-prognos, label: Prognos 2024, kind: forecast, year: 2024 }', '{ key: k-prognos, label: Prognos 2024, kind: forecast, year: 2024, period: 2024-T3 }');
    expect(load(forecast)).toEqual([]);
    const wrongYear = TEXT.replace('{ key: k-2023, label: Jan–aug 2023, kind: outcome, year: 2023, period: 2023-ack-08 }', '{ key: k-2023, label: Jan–aug 2023, kind: outcome, year: 2023, period: 2022-ack-08 }');
    expect(load(wrongYear).map((d) => `${d.severity} ${d.code}`)).toEqual(['warning date-outside-period']);
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

describe('a driftredovisning of any kommun: a resultat row as a formula with signs, under either sign convention', () => {
  /** Ekdala with a driftredovisning per nämnd appended, written in `convention` (undefined: none declared). */
  const withOperating = (convention: 'signed' | 'positive' | undefined) => {
    const cost = (n: number) => (convention === 'positive' ? n : -n);
    const formula = convention === 'positive' ? 'kommunbidrag + intakter - kostnader - disposition' : 'kommunbidrag + intakter + kostnader - disposition';
    return `${TEXT.replace(/\n*$/, '\n')}
  - id: drift-resultat
    type: table
    title: Resultat per nämnd
    table:
      id: drift-resultat
      title: Driftredovisning, Barn- och utbildningsnämnden
      role: operatingStatement
${convention ? `      signConvention: ${convention}\n` : ''}      unit: mnkr
      decimals: 1
      rowHeader: Post
      columns:
        - { key: utfall, label: Utfall jan–aug 2024, kind: outcome, year: 2024, period: 2024-ack-08 }
      rows:
        - { id: kommunbidrag, label: Kommunbidrag, kind: revenue, values: { utfall: 789.5 } }
        - { id: intakter, label: Intäkter, kind: revenue, values: { utfall: 96.3 } }
        - { id: kostnader, label: Kostnader, kind: cost, values: { utfall: ${cost(888.7)} } }
        - { id: disposition, label: Disposition av resultat, kind: item, values: { utfall: -1.4 } }
        - { id: resultat, label: Resultat, kind: result, formula: "${formula}", values: { utfall: -1.5 } }
`;
  };

  test.each(['signed', 'positive', undefined] as const)('written with signConvention %s, it has no finding', (convention) => {
    expect(load(withOperating(convention))).toEqual([]);
  });

  test('signed: a cost written positive is flagged, and the formula no longer adds up', () => {
    const p = plant(withOperating('signed'), 'drift-resultat', 'kostnader', 'utfall: -888.7', 'utfall: 888.7');
    const ds = load(p.text);
    expect(brief(ds)).toEqual([`error sign-contradicts-kind ${p.line}`, `error formula-mismatch ${p.line + 2}`]);
    expect(ds[0]!.message).toContain('a cost is negative in this statement (costs negative, income positive)');
  });

  test('positive: a cost written negative is flagged (the formula subtracts it already)', () => {
    const p = plant(withOperating('positive'), 'drift-resultat', 'kostnader', 'utfall: 888.7', 'utfall: -888.7');
    const ds = load(p.text);
    expect(brief(ds)).toEqual([`error sign-contradicts-kind ${p.line}`, `error formula-mismatch ${p.line + 2}`]);
    expect(ds[0]!.message).toContain('a cost is positive in this statement (every amount positive)');
  });

  test('positive: an intäkt written negative is flagged even where the sum is kept', () => {
    let p = plant(withOperating('positive'), 'drift-resultat', 'intakter', 'utfall: 96.3', 'utfall: -96.3');
    const line = p.line;
    p = plant(p.text, 'drift-resultat', 'resultat', 'utfall: -1.5', 'utfall: -194.1');
    expect(brief(load(p.text))).toEqual([`error sign-contradicts-kind ${line}`]);
  });

  test('a table that declares no convention and is no statement has its signs left alone', () => {
    const p = plant(withOperating(undefined), 'drift-resultat', 'kostnader', 'utfall: -888.7', 'utfall: 888.7');
    expect(load(p.text).map((d) => d.code)).toEqual(['formula-mismatch']);
  });

  test('a sign the formula gets wrong (− where + is meant) is a formula-mismatch with the line of the row', () => {
    const text = withOperating('signed').replace('"kommunbidrag + intakter + kostnader - disposition"', '"kommunbidrag + intakter + kostnader + disposition"');
    const line = text.split('\n').findIndex((l) => l.includes('{ id: resultat, label: Resultat, ')) + 1;
    const ds = load(text);
    expect(brief(ds)).toEqual([`error formula-mismatch ${line}`]);
    expect(ds[0]).toMatchObject({ found: '-1.5', expected: '-4.3 (± 0.193649)' });
  });
});

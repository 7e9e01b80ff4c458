// `kommunrapport import`: tables from CSV and XLSX into the report, the YAML kept as the
// author wrote it, repeatable imports from kommunrapport.config.yaml, and every error naming
// the sheet and cell.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseYaml } from '@kommunrapport/model';
import { repoRoot, runMain, tempDir } from './cli-helpers.js';
import { MAX_SHEET_CELLS, MAX_WORKBOOK_UNPACKED_BYTES, zipUnpackedSize } from '../src/import/sheet.js';
import { countWorkbookCells } from '../src/import/zip.js';
import { placeInOriginal } from '../src/import/run.js';
import { numericRows, xlsx } from './hardening/xlsx.js';

const example = join(repoRoot, 'examples/eskilstuna-ks-2022-delar2/rapport.yaml');
const fixtures = join(repoRoot, 'packages/cli/test/fixtures/import');

let dir: string;
let report: string;
let original: string;
beforeEach(() => {
  dir = tempDir('kr-import-');
  report = join(dir, 'rapport.yaml');
  copyFileSync(example, report);
  original = readFileSync(report, 'utf8');
});

/** The text of the table with this id: from its `- id:` line to the next table or section. */
function tableSpan(text: string, id: string): [number, number] {
  const start = text.indexOf(`- id: ${id}\n`);
  const after = text.slice(start + 1).search(/\n\s*(- id: [a-z-]+\n\s+title:|#)/);
  return [start, after < 0 ? text.length : start + 1 + after];
}

/** Writes a workbook with one sheet from rows of cell values (exceljs values: numbers, strings, formulas). */
async function workbook(file: string, sheets: Record<string, unknown[][]>, numFmt?: Record<string, string>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => {
      if (v !== undefined) ws.getRow(r + 1).getCell(c + 1).value = v as ExcelJS.CellValue;
    }));
    for (const [address, fmt] of Object.entries(numFmt ?? {})) ws.getCell(address).numFmt = fmt;
  }
  const path = join(dir, file);
  await wb.xlsx.writeFile(path);
  return path;
}

const resultatrakning = (over: Record<string, unknown[]> = {}): unknown[][] => [
  ['Belopp i tkr', 'Utfall Aug 2021', 'Utfall Aug 2022', 'Budget Aug 2022', 'Budgetavvikelse Aug 2022', 'Årsprognos aug', 'Avvikelse Årsprognos aug'],
  over.kommunersattning ?? ['Kommunersättning', 266800, 307700, 307700, 0, 461500, 0],
  ['Övriga intäkter', 39400, 44600, 28700, 15900, 43000, 0],
  ['Summa INTÄKTER', 306200, 352300, 336400, 15900, 504500, 0],
  // Costs as the ekonomisystem exports them: positive.
  ['Personalkostnader', 71500, 73200, 78000, -4800, 115500, -6000],
  ['Lokalkostnader', 3700, 4500, 3900, 600, 5900, 0],
  ['Övriga kostnader', 207000, 244300, 251500, -7200, 367600, -9600],
  ['Summa KOSTNADER', -282100, -322000, -333400, 11300, -488900, 15600],
  ['ÅRETS RESULTAT', { formula: 'B4+B8', result: 24100 }, 30200, 3000, 27200, 15600, 15600],
];

/**
 * The Driftredovisning sheet with Miljö och samhällsbyggnad gone and a new row of its figures
 * at `at` (an index among the other rows), so the total still agrees with årets resultat.
 */
const driftWithNewRow = (label: string, at: number): unknown[][] => {
  const rows: unknown[][] = [
    ['ledningsstaben', 3414, 0, -200, 800], // by id
    ['EKONOMI OCH KVALITET', 3806, 0, 1600, 2925], // by label, any case
    ['HR', 4525, 0, 300, 3850],
    ['Social hållbarhet', 2397, 0, 1300, 1040],
    ['Näringsliv', 9512, 0, 2200, 3900],
    ['Kommunikation, IT och digitalisering', 4105, 0, 2000, 800],
  ];
  rows.splice(at, 0, [label, 2451, 0, 800, 2300]);
  return [['Avdelning', 'Utfall aug (tkr)', 'Budget helår', 'Prognos maj', 'Prognos aug'], ...rows, ['Totalt', 30210, 0, 8000, 15615]];
};

describe('kommunrapport import from a CSV (semicolon, Windows-1252)', () => {
  const csv = join(fixtures, 'driftredovisning-1252.csv');

  it('changes only the cells that differ and keeps every byte outside the edited table', async () => {
    const run = await runMain(['import', 'rapport.yaml', '--from', csv, '--table', 'driftredovisning'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('driftredovisning hr.utfall-aug: 4525 → 4560  (driftredovisning-1252.csv!B4)');
    expect(run.stdout).toContain('driftredovisning miljo-och-samhallsbyggnad.budget-helar: 0 → null  (driftredovisning-1252.csv!C8)');
    expect(run.stdout).toContain('driftredovisning totalt.utfall-aug: 30210 → 30245');
    expect(run.stdout).toMatch(/3 cells changed, 0 rows added, 0 rows removed; written/);
    const after = readFileSync(report, 'utf8');
    const [s0, e0] = tableSpan(original, 'driftredovisning');
    const [s1, e1] = tableSpan(after, 'driftredovisning');
    expect(after.slice(0, s1)).toBe(original.slice(0, s0));
    expect(after.slice(e1)).toBe(original.slice(e0));
    // Inside the table too, only the three figures changed: the line count and every other line are the same.
    const a = original.split('\n');
    const b = after.split('\n');
    expect(b.length).toBe(a.length);
    const changed = a.map((line, i) => (line === b[i] ? undefined : [line, b[i]])).filter(Boolean);
    expect(changed).toHaveLength(3);
    expect(changed[0]).toEqual([
      '                  - { id: hr, label: HR, kind: item, values: { utfall-aug: 4525, budget-helar: 0, prognos-maj: 300, prognos-aug: 3850 } }',
      '                  - { id: hr, label: HR, kind: item, values: { utfall-aug: 4560, budget-helar: 0, prognos-maj: 300, prognos-aug: 3850 } }',
    ]);
  });

  it('is idempotent: importing again changes nothing and leaves the file as it is', async () => {
    await runMain(['import', 'rapport.yaml', '--from', csv, '--table', 'driftredovisning'], dir);
    const once = readFileSync(report);
    const again = await runMain(['import', 'rapport.yaml', '--from', csv, '--table', 'driftredovisning'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('rapport.yaml: no change\n');
    expect(readFileSync(report).equals(once)).toBe(true);
  });

  it('--dry-run prints the changes and writes nothing', async () => {
    const run = await runMain(['import', '--from', csv, '--table', 'driftredovisning', '--dry-run'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('hr.utfall-aug: 4525 → 4560');
    expect(run.stdout).toContain('(dry run: nothing written)');
    expect(readFileSync(report, 'utf8')).toBe(original);
  });

  it('-q prints nothing when the import goes well and still prints problems; -v names what was read and written', async () => {
    const quiet = await runMain(['import', '--from', csv, '--table', 'driftredovisning', '-q'], dir);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(report, 'utf8')).not.toBe(original);
    copyFileSync(example, report);
    const verbose = await runMain(['import', '--from', csv, '--table', 'driftredovisning', '--verbose'], dir);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toMatch(/^read .*driftredovisning-1252\.csv, sheet driftredovisning-1252\.csv: \d+ rows × \d+ columns for table driftredovisning\nwrote rapport\.yaml\n$/);
    expect(verbose.stdout).toContain('hr.utfall-aug: 4525 → 4560');
    const failing = await runMain(['import', '--from', csv, '--table', 'no-such-table', '--quiet'], dir);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toBe('');
    expect(failing.stderr).toContain('no-such-table');
  });

  it('--json gives every change with its cell', async () => {
    const run = await runMain(['import', '--from', csv, '--table', 'driftredovisning', '--json', '--dry-run'], dir);
    const json = JSON.parse(run.stdout);
    expect(json.ok).toBe(true);
    expect(json.reports[0].written).toBe(false);
    expect(json.reports[0].changes).toContainEqual({ type: 'cell', table: 'driftredovisning', row: 'hr', column: 'utfall-aug', old: 4525, new: 4560, ref: 'driftredovisning-1252.csv!B4' });
  });
});

describe('kommunrapport import from XLSX', () => {
  it('converts tkr to the table\'s mnkr, negates costs with costs-positive and reads formula results', async () => {
    const rows = resultatrakning({ kommunersattning: ['Kommunersättning', 266800, 307750, 307700, 50, 461500, 0] });
    // The sums must still add up: Summa INTÄKTER and ÅRETS RESULTAT follow the change.
    rows[3] = ['Summa INTÄKTER', 306200, 352350, 336400, 15950, 504500, 0];
    rows[8] = ['ÅRETS RESULTAT', { formula: 'B4+B8', result: 24100 }, 30250, 3000, 27250, 15600, 15600];
    const file = await workbook('ekonomi.xlsx', { Resultaträkning: rows });
    const run = await runMain(['import', '--from', file, '--sheet', 'Resultaträkning', '--table', 'resultatrakning', '--sign', 'costs-positive'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('resultatrakning kommunersattning.utfall-aug-2022: 307.7 → 307.75  (Resultaträkning!C2)');
    expect(run.stdout).toContain('resultatrakning arets-resultat.utfall-aug-2022: 30.2 → 30.25');
    // Costs came positive from the sheet and are negative in the report, as before: unchanged.
    expect(run.stdout).not.toContain('personalkostnader');
    expect(readFileSync(report, 'utf8')).toContain('values: { utfall-aug-2021: 266.8, utfall-aug-2022: 307.75, budget-aug-2022: 307.7, budgetavvikelse-aug-2022: 0.05,');
  });

  it('matches rows by id or label, adds new rows with slug ids after the row before them and in its sums, removes rows the sheet lacks', async () => {
    const file = await workbook('drift.xlsx', { Driftredovisning: driftWithNewRow('Kultur & fritid (ny)', 5) });
    const run = await runMain(['import', '--from', file, '--table', 'driftredovisning'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('driftredovisning + row kultur-fritid-ny "Kultur & fritid (ny)"  (Driftredovisning!A7)');
    expect(run.stdout).toContain('driftredovisning − row miljo-och-samhallsbyggnad "Miljö och samhällsbyggnad" (not in the sheet)');
    const after = readFileSync(report, 'utf8');
    expect(after).toContain(
      '                  - { id: naringsliv, label: Näringsliv, kind: item, values: { utfall-aug: 9512, budget-helar: 0, prognos-maj: 2200, prognos-aug: 3900 } }\n' +
        '                  - { id: kultur-fritid-ny, label: "Kultur & fritid (ny)", kind: item, values: { utfall-aug: 2451, budget-helar: 0, prognos-maj: 800, prognos-aug: 2300 } }\n' +
        '                  - { id: kommunikation-it-och-digitalisering,',
    );
    expect(after).not.toContain('id: miljo-och-samhallsbyggnad,');
    expect(after).toContain('sumOf: [ledningsstaben, ekonomi-och-kvalitet, hr, social-hallbarhet, naringsliv, kultur-fritid-ny, kommunikation-it-och-digitalisering]');
  });

  it('adds a new row that comes before every matched row in front of the first, and in the sums that row is in', async () => {
    // New, first in the sheet.
    const file = await workbook('drift.xlsx', { Driftredovisning: driftWithNewRow('Stadsdirektörens stab', 0) });
    const run = await runMain(['import', '--from', file, '--table', 'driftredovisning'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('driftredovisning + row stadsdirektorens-stab "Stadsdirektörens stab"  (Driftredovisning!A2)');
    const after = readFileSync(report, 'utf8');
    expect(after).toContain(
      '                  - { id: stadsdirektorens-stab, label: Stadsdirektörens stab, kind: item, values: { utfall-aug: 2451, budget-helar: 0, prognos-maj: 800, prognos-aug: 2300 } }\n' +
        '                  - { id: ledningsstaben,',
    );
    expect(after).toContain('sumOf: [stadsdirektorens-stab, ledningsstaben, ekonomi-och-kvalitet, hr, social-hallbarhet, naringsliv, kommunikation-it-och-digitalisering]');
  });

  it('reads a percentage-formatted cell (0,12 shown as 12 %) as 12 in a percent table', async () => {
    const text = original.replace('unit: tkr\n                decimals: 0\n                rowHeader: Investering', 'unit: percent\n                decimals: 0\n                rowHeader: Investering');
    writeFileSync(report, text);
    const file = await workbook('andel.xlsx', { Blad1: [['Investering', 'Belopp'], ['Inventarier till Energy Evolution Center', 0.12]] }, { B2: '0%' });
    const run = await runMain(['import', '--from', file, '--table', 'investeringsredovisning'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('inventarier-eec.belopp: 266 → 12');
  });
});

describe('errors name the sheet and the cell, and nothing is written', () => {
  const expectUnchanged = () => expect(readFileSync(report, 'utf8')).toBe(original);

  it('a cell that is not a number: Driftredovisning!D2', async () => {
    const file = await workbook('drift.xlsx', { Driftredovisning: [['Avdelning', 'Utfall aug', 'Budget helår', 'Prognos maj'], ['HR', 4525, 0, 'ca 300']] });
    const run = await runMain(['import', '--from', file, '--table', 'driftredovisning', '--keep-missing-rows'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('import-cell-not-number');
    expect(run.stderr).toContain('Driftredovisning!D2: "ca 300" is not a number.');
    expect(run.stderr).toContain('✗ rapport.yaml: nothing written');
    expectUnchanged();
  });

  it('an error value and a formula without a stored result', async () => {
    const file = await workbook('drift.xlsx', {
      'Drift 2022': [['Avdelning', 'Utfall aug', 'Prognos aug'], ['HR', { error: '#DIV/0!' }, { formula: 'B2*2' }]],
    });
    const run = await runMain(['import', '--from', file, '--sheet', 'Drift 2022', '--table', 'driftredovisning', '--keep-missing-rows'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("'Drift 2022'!B2: the cell holds #DIV/0!.");
    expect(run.stderr).toContain("'Drift 2022'!C2: the cell holds a formula without a stored result.");
    expectUnchanged();
  });

  it('a header that matches no column, and a second header for the same column', async () => {
    const file = await workbook('drift.xlsx', { Driftredovisning: [['Avdelning', 'Utfall aug', 'Utfall september', 'Utfall aug (tkr)'], ['HR', 1, 2, 3]] });
    const run = await runMain(['import', '--from', file, '--table', 'driftredovisning', '--keep-missing-rows'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Driftredovisning!C1: the header "Utfall september" matches no column of table driftredovisning.');
    expect(run.stderr).toContain('expected: Utfall aug (utfall-aug), Budget helår (budget-helar), Prognos maj (prognos-maj), Prognos aug (prognos-aug)');
    expect(run.stderr).toContain('Driftredovisning!D1: a second header for column utfall-aug (the first is at Driftredovisning!B1).');
    expectUnchanged();
  });

  it('a row twice and a percentage in an amount table', async () => {
    const file = await workbook('drift.xlsx', { Driftredovisning: [['Avdelning', 'Utfall aug', 'Prognos aug'], ['HR', 1, '12 %'], ['hr', 2, 3]] });
    const run = await runMain(['import', '--from', file, '--table', 'driftredovisning', '--keep-missing-rows'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Driftredovisning!C2: a percentage cannot go into table driftredovisning, whose unit is tkr.');
    expect(run.stderr).toContain('Driftredovisning!A3: a second row for hr (the first is at Driftredovisning!A2).');
    expectUnchanged();
  });

  it('a sheet that does not exist lists the sheets there are', async () => {
    const file = await workbook('drift.xlsx', { Drift: [['Avdelning', 'Utfall aug'], ['HR', 1]], Investeringar: [['a', 'b']] });
    const run = await runMain(['import', '--from', file, '--sheet', 'Driftredovisning', '--table', 'driftredovisning'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('drift.xlsx has no sheet named "Driftredovisning".');
    expect(run.stderr).toContain('expected: "Drift", "Investeringar"');
  });

  it('a header anchor that is not in the sheet, and a table the report does not have', async () => {
    const file = await workbook('drift.xlsx', { Drift: [['Avdelning', 'Utfall aug'], ['HR', 1]] });
    const anchor = await runMain(['import', '--from', file, '--anchor', 'Enhet', '--table', 'driftredovisning'], dir);
    expect(anchor.code).toBe(1);
    expect(anchor.stderr).toContain('Sheet "Drift" has no cell reading "Enhet".');
    const table = await runMain(['import', '--from', file, '--table', 'driftsredovisning'], dir);
    expect(table.code).toBe(1);
    expect(table.stderr).toContain('The report has no table with id "driftsredovisning".');
    expect(table.stderr).toContain('expected: resultatrakning, driftredovisning, investeringsredovisning');
    expectUnchanged();
  });

  it('a range that is not a table, a row with figures but no label, a header without columns, an empty sheet', async () => {
    const file = await workbook('drift.xlsx', { Drift: [['Avdelning', 'Utfall aug'], ['HR', 1], [undefined, 5]], Tom: [[]], Ensam: [['Avdelning']] });
    const range = await runMain(['import', '--from', file, '--sheet', 'Drift', '--range', 'B3:A1', '--table', 'driftredovisning'], dir);
    expect(range.code).toBe(1);
    expect(range.stderr).toContain('The range "B3:A1" is not a table range.');
    const label = await runMain(['import', '--from', file, '--sheet', 'Drift', '--range', 'A1:B3', '--table', 'driftredovisning', '--keep-missing-rows'], dir);
    expect(label.code).toBe(1);
    expect(label.stderr).toContain('Row 3 has figures but no label at Drift!A3.');
    const lonely = await runMain(['import', '--from', file, '--sheet', 'Ensam', '--table', 'driftredovisning'], dir);
    expect(lonely.stderr).toContain('The table at Ensam!A1 has no column headers to the right of it.');
    const empty = await runMain(['import', '--from', file, '--sheet', 'Tom', '--table', 'driftredovisning'], dir);
    expect(empty.stderr).toContain('Sheet "Tom" is empty.');
    expectUnchanged();
  });

  it('a header unit that contradicts --unit, and amounts into a percent table', async () => {
    const file = await workbook('drift.xlsx', { Drift: [['Avdelning', 'Utfall aug (tkr)'], ['HR', 1]] });
    const conflict = await runMain(['import', '--from', file, '--unit', 'mnkr', '--table', 'driftredovisning', '--keep-missing-rows'], dir);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain('Drift!B1: the header says tkr but the import\'s unit is mnkr.');
    writeFileSync(report, original.replace('unit: tkr\n                decimals: 0\n                rowHeader: Investering', 'unit: percent\n                decimals: 0\n                rowHeader: Investering'));
    const pct = await workbook('inv.xlsx', { Inv: [['Investering', 'Belopp (tkr)'], ['Inventarier till Energy Evolution Center', 266]] });
    const mismatch = await runMain(['import', '--from', pct, '--table', 'investeringsredovisning'], dir);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain('Inv!B1: figures in tkr cannot go into table investeringsredovisning, whose unit is percent.');
  });

  it('figures that break the report\'s own checks (a total that no longer adds up) are not written', async () => {
    const file = await workbook('drift.xlsx', { Drift: [['Avdelning', 'Utfall aug'], ['HR', 9999]] });
    const run = await runMain(['import', '--from', file, '--table', 'driftredovisning', '--keep-missing-rows'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('sum-mismatch');
    expect(run.stderr).toContain('"Totalt" in column "utfall-aug" of table "driftredovisning" is 30210');
    expectUnchanged();
  });

  it('a file that is not a workbook is exit 1, a missing file exit 2, bad options exit 2', async () => {
    writeFileSync(join(dir, 'trasig.xlsx'), 'not a zip');
    const bad = await runMain(['import', '--from', 'trasig.xlsx', '--table', 'driftredovisning'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('trasig.xlsx is not a readable XLSX workbook');
    const missing = await runMain(['import', '--from', 'finns-inte.xlsx', '--table', 'driftredovisning'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read finns-inte.xlsx: no such file.');
    expect((await runMain(['import', '--from', 'x.xlsx'], dir)).code).toBe(2);
    expect((await runMain(['import', '--from', 'x.xlsx', '--table', 't', '--sign', 'negative'], dir)).code).toBe(2);
    expect((await runMain(['import'], dir)).stderr).toContain('nothing to import');
    expectUnchanged();
  });
});

describe('slips an outsider plants, each refused at its cell with nothing written', () => {
  const expectUnchanged = () => expect(readFileSync(report, 'utf8')).toBe(original);
  const header = 'Belopp i tkr;Utfall aug;Budget helår;Prognos maj;Prognos aug';
  const body = ['Ledningsstaben;3 414;0;-200;800', 'HR;4 560;0;300;3 850', 'Totalt;30 245;0;8 000;15 615'];

  it("a CSV of another table's shape (its headers fit, no row label does): import-rows-unmatched, not every row replaced (it made YAML the report could not parse)", async () => {
    writeFileSync(join(dir, 'other.csv'), `${header}\nKommunersättning;266 800;307 700;1;2\nÖvriga intäkter;39 400;44 600;1;2\n`);
    const run = await runMain(['import', '--from', 'other.csv', '--table', 'driftredovisning'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('other.csv  error  import-rows-unmatched');
    expect(run.stderr).toContain("other.csv!A2: none of the sheet's 2 row labels is a row of table driftredovisning, so importing would replace all its 7 rows.");
    expect(run.stderr).toContain('found:    "Kommunersättning", "Övriga intäkter"');
    expect(run.stderr).not.toContain('yaml-syntax');
    expectUnchanged();
  });

  it('new rows before the first row of a table whose first row the sheet lacks: the YAML stays whole', async () => {
    // The sheet starts with a new row and lacks Ledningsstaben, the table's first row: the new
    // row is inserted where the removed one was (the two edits used to overlap).
    writeFileSync(join(dir, 'first.csv'), `${header}\nStadsdirektören;1;0;0;0\nHR;4 560;0;300;3 850\n`);
    const run = await runMain(['import', '--from', 'first.csv', '--table', 'driftredovisning', '--dry-run', '--json'], dir);
    const json = JSON.parse(run.stdout) as { ok: boolean; reports: { diagnostics: { code: string }[]; changes: { type: string; row: string }[] }[] };
    expect(json.reports[0]!.diagnostics.map((d) => d.code)).not.toContain('yaml-syntax');
    expect(json.reports[0]!.changes).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'row-added', row: 'stadsdirektoren' }), expect.objectContaining({ type: 'row-removed', row: 'ledningsstaben' })]));
  });

  it('an empty header above a column of figures: import-column-header-missing at the header cell (the column, and every one after it, was dropped silently)', async () => {
    writeFileSync(join(dir, 'blank.csv'), `${header.replace(';Budget helår;', ';;')}\n${body.join('\n')}\n`);
    const run = await runMain(['import', '--from', 'blank.csv', '--table', 'driftredovisning', '--keep-missing-rows'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('blank.csv  error  import-column-header-missing');
    expect(run.stderr).toContain('blank.csv!C1: the column has figures (the first at blank.csv!C2) but no header.');
    expectUnchanged();
    // An empty column (no figures below) still ends the table, as a gap before notes does.
    writeFileSync(join(dir, 'gap.csv'), `Belopp i tkr;Utfall aug;;Anteckning\nHR;4 525;;se not\n`);
    const gap = await runMain(['import', '--from', 'gap.csv', '--table', 'driftredovisning', '--keep-missing-rows', '--dry-run'], dir);
    expect(gap.code, gap.stderr).toBe(0);
    expect(gap.stdout).toContain('rapport.yaml: no change');
  });

  it('a CSV exported without its header row: import-header-row-missing once, not one unknown column per figure; years as headers are headers', async () => {
    writeFileSync(join(dir, 'nohead.csv'), `${body.join('\n')}\n`);
    const run = await runMain(['import', '--from', 'nohead.csv', '--table', 'driftredovisning'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nohead.csv  error  import-header-row-missing');
    expect(run.stderr).toContain('nohead.csv!A1: the table\'s first row holds figures ("3 414", "0", "-200" …), not column headers.');
    expect(run.stderr).not.toContain('import-column-unknown');
    expectUnchanged();
    writeFileSync(join(dir, 'years.csv'), 'Avdelning;2021;2022\nHR;1;2\n');
    const years = await runMain(['import', '--from', 'years.csv', '--table', 'driftredovisning', '--keep-missing-rows'], dir);
    expect(years.stderr).toContain('the header "2021" matches no column');
    expect(years.stderr).not.toContain('import-header-row-missing');
  });

  it("a file named .xlsx that is not one says what it is (a CSV, an old .xls, a damaged zip), not the zip library's message with its link", async () => {
    const cases: [Buffer, string][] = [
      [Buffer.from('Avdelning;Utfall aug\nHR;4 560\n'), 'a text file (a CSV export named .xlsx?)'],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'an Excel 97–2003 workbook (.xls), which is not read'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 'a zip archive that is damaged or holds no workbook'],
    ];
    for (const [bytes, found] of cases) {
      writeFileSync(join(dir, 'bok.xlsx'), bytes);
      const run = await runMain(['import', '--from', 'bok.xlsx', '--table', 'driftredovisning'], dir);
      expect(run.code, found).toBe(1);
      expect(run.stderr).toContain(`bok.xlsx is not a readable XLSX workbook: ${found}`);
      expect(run.stderr).toContain('expected: an XLSX workbook (a zip archive, as Excel and LibreOffice save .xlsx)');
      expect(run.stderr).not.toMatch(/jszip|central directory/);
      expectUnchanged();
    }
  });

  it('--sheet with a CSV file (which has no sheets) is import-sheet-missing, not ignored', async () => {
    writeFileSync(join(dir, 'drift.csv'), `${header}\n${body.join('\n')}\n`);
    const run = await runMain(['import', '--from', 'drift.csv', '--sheet', 'Drift 2022', '--table', 'driftredovisning'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('drift.csv is a CSV file, which has no sheets; the sheet "Drift 2022" cannot be chosen in it.');
    expectUnchanged();
  });

  it('a finding in the report as imported is placed at its line in the file on disk (it was the line in the text that was not written)', async () => {
    // A new row (one more line above Totalt) whose figure breaks Totalt's sum.
    writeFileSync(join(dir, 'new.csv'), 'Belopp i tkr;Utfall aug\nLedningsstaben;3 414\nStadsdirektören;100\nHR;4 525\n');
    const run = await runMain(['import', '--from', 'new.csv', '--table', 'driftredovisning', '--keep-missing-rows'], dir);
    expect(run.code).toBe(1);
    const line = original.split('\n').findIndex((l) => l.includes('values: { utfall-aug: 30210,')) + 1;
    expect(run.stderr).toMatch(new RegExp(`^rapport\\.yaml:${line}:\\d+ {2}error {2}sum-mismatch`, 'm'));
    // Its path names the row as the file on disk has it, one index below the text the command would write.
    const path = new RegExp(`^rapport\\.yaml:${line}:\\d+ {2}error {2}sum-mismatch {2}(\\S+)`, 'm').exec(run.stderr)![1]!;
    const segments = path.match(/[^.[\]]+/g)!.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    expect(parseYaml(original).locate(segments)?.line).toBe(line);
    expectUnchanged();
  });

  it('placeInOriginal: above the changes as found, below them moved by the lines added, among them without a line', () => {
    const original = 'a\nb\nc\nd\n';
    const edited = 'a\nb\nnew 1\nnew 2\nc\nd\n';
    const at = (line: number) => ({ code: 'sum-mismatch', severity: 'error' as const, path: 'x', message: 'm', line, column: 3 });
    const [above, among, below] = placeInOriginal(original, edited, [at(2), at(3), at(6)]);
    expect(above).toMatchObject({ line: 2, column: 3 });
    expect(among!.line).toBeUndefined();
    expect(among!.message).toBe('m (In the lines the command would change; x as it would be written.)');
    expect(below).toMatchObject({ line: 4, column: 3 });
  });

  it('placeInOriginal: a path below the changes names each list item as the file has it, in block and flow lists', () => {
    const original = 'tables:\n  - rows:\n      - { a: 1 }\n      - a: 2\n        b: [5, 6]\n  - rows: [{ a: 3 }, { a: 4 }]\n';
    const edited = original.replace('      - { a: 1 }\n', '      - { a: 0 }\n      - { a: 1 }\n');
    const at = (line: number, column: number, path: string) => ({ code: 'sum-mismatch', severity: 'error' as const, path, message: 'm', line, column });
    const lineOf = (text: string, part: string) => text.split('\n').findIndex((l) => l.includes(part)) + 1;
    const [second, inner, other, among] = placeInOriginal(original, edited, [
      at(lineOf(edited, 'a: 2'), 9, 'tables[0].rows[2]'),
      at(lineOf(edited, 'b: [5, 6]'), 16, 'tables[0].rows[2].b[1]'),
      at(lineOf(edited, '{ a: 4 }'), 24, 'tables[1].rows[1]'),
      at(lineOf(edited, '{ a: 0 }'), 9, 'tables[0].rows[0]'),
    ]);
    expect(second).toMatchObject({ line: lineOf(original, 'a: 2'), path: 'tables[0].rows[1]' });
    expect(inner).toMatchObject({ line: lineOf(original, 'b: [5, 6]'), path: 'tables[0].rows[1].b[1]' });
    expect(other).toMatchObject({ line: lineOf(original, '{ a: 4 }'), path: 'tables[1].rows[1]' });
    expect(among).toMatchObject({ path: 'tables[0].rows[0]' });
    expect(among!.line).toBeUndefined();
  });

  it('an empty CSV file (or one of only a BOM): says the file is empty, not "choose the sheet"', async () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf])]) {
      writeFileSync(join(dir, 'empty.csv'), bytes);
      const run = await runMain(['import', '--from', 'empty.csv', '--table', 'driftredovisning'], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('empty.csv  error  import-sheet-empty');
      expect(run.stderr).toContain('empty.csv holds no cells.');
      expect(run.stderr).toContain('found:    an empty file');
      expect(run.stderr).not.toContain('Choose the sheet');
      expectUnchanged();
    }
  });

  it('merged cells in the table (header, row label, figures): import-merged-cells at the range, not a second column or row, nor one figure copied into every row', async () => {
    const rows = [['Avdelning', 'Utfall aug', 'Budget helår', 'Prognos maj', 'Prognos aug'], ['Ledningsstaben', 3414, 0, -200, 800], ['HR', 4560, 0, 300, 3850], ['Social hållbarhet', 2397, 0, 1300, 1040]];
    for (const [range, found] of [['D1:E1', 'Drift!D1:E1'], ['A2:A3', 'Drift!A2:A3'], ['C2:C4', 'Drift!C2:C4']] as const) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Drift');
      rows.forEach((row, r) => row.forEach((v, c) => (ws.getRow(r + 1).getCell(c + 1).value = v)));
      ws.mergeCells(range);
      const file = join(dir, 'merged.xlsx');
      await wb.xlsx.writeFile(file);
      const run = await runMain(['import', '--from', 'merged.xlsx', '--table', 'driftredovisning', '--keep-missing-rows'], dir);
      expect(run.code, range).toBe(1);
      expect(run.stderr, range).toContain('merged.xlsx  error  import-merged-cells');
      expect(run.stderr, range).toContain(`${found}: merged cells in the table`);
      expect(run.stderr, range).not.toMatch(/import-column-duplicate|import-row-duplicate/);
      expectUnchanged();
    }
  });
});

describe('a workbook that unpacks to too much (a zip bomb)', () => {
  it('is refused from its zip directory before anything is inflated: input-too-large, exit 1, the report unchanged', async () => {
    const file = await workbook('bomb.xlsx', { Drift: [['Avdelning', 'Utfall aug'], ['HR', 1]] });
    const bytes = readFileSync(file);
    const real = zipUnpackedSize(bytes)!;
    expect(real).toBeGreaterThan(0);
    expect(real).toBeLessThan(MAX_WORKBOOK_UNPACKED_BYTES);
    // The directory's entry for the sheet declares 300 MB, as a bomb's does (its data would inflate to that).
    const cd = bytes.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46;
    expect(bytes.readUInt32LE(cd)).toBe(0x02014b50);
    const declared = bytes.readUInt32LE(cd + 24);
    bytes.writeUInt32LE(300 * 1024 * 1024, cd + 24);
    writeFileSync(file, bytes);
    expect(zipUnpackedSize(bytes)).toBe(real - declared + 300 * 1024 * 1024);
    const run = await runMain(['import', '--from', file, '--table', 'driftredovisning'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('input-too-large');
    expect(run.stderr).toMatch(/bomb\.xlsx unpacks to 30\d MB, more than the 200 MB a workbook may; it was not opened\./);
    expect(run.stderr).toContain('Export only the sheet with the table');
    expect(readFileSync(report, 'utf8')).toBe(original);
  });
});

describe('a CSV file with more cells than a sheet may have', () => {
  it('is refused before its cells are made (a file of empty lines ran the command out of memory): input-too-large, exit 1', async () => {
    writeFileSync(join(dir, 'tomma-rader.csv'), `Avdelning;Utfall aug\nHR;1\n${'\n'.repeat(MAX_SHEET_CELLS)}`);
    const run = await runMain(['import', '--from', 'tomma-rader.csv', '--table', 'driftredovisning'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`tomma-rader.csv has ${MAX_SHEET_CELLS + 4} cells, more than the ${MAX_SHEET_CELLS} a sheet may; it was not read.`);
    expect(run.stderr).toContain('Export only the table');
    expect(readFileSync(report, 'utf8')).toBe(original);
  });
});

describe('a workbook with more cells than a sheet may have', () => {
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Avdelning</t></is></c><c r="B1" t="inlineStr"><is><t>Utfall aug</t></is></c></row>';

  it('is refused from a count made while its sheets are inflated, before exceljs opens it (3.3 million cells took over 2 GB): input-too-large, exit 1', async () => {
    // One sheet with the table and one of data, whose <dimension> says A1:A1 (counted, not believed).
    const data = { name: 'Rådata', rows: numericRows(MAX_SHEET_CELLS / 10, 10), dimension: 'A1:A1' };
    writeFileSync(join(dir, 'stor.xlsx'), xlsx([{ name: 'Drift', rows: [header, '<row r="2"><c r="A2" t="inlineStr"><is><t>HR</t></is></c><c r="B2"><v>1</v></c></row>'] }, data]));
    const run = await runMain(['import', '--from', 'stor.xlsx', '--table', 'driftredovisning', '--sheet', 'Drift'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`stor.xlsx holds ${MAX_SHEET_CELLS + 4} cells in 2 sheets, ${MAX_SHEET_CELLS} of them in sheet "Rådata"; a workbook read for a report may hold at most ${MAX_SHEET_CELLS} cells, so it was not opened.`);
    expect(run.stderr).toContain(`expected: at most ${MAX_SHEET_CELLS} cells`);
    expect(run.stderr).toContain(`split the data into files of at most ${MAX_SHEET_CELLS} cells`);
    expect(run.stderr).not.toMatch(/^ {4}at /m);
    expect(readFileSync(report, 'utf8')).toBe(original);
  }, 60_000);

  it('counts cells as exceljs reads them, namespace prefixes and tags cut between inflated pieces included', async () => {
    const file = await workbook('liten.xlsx', { Drift: resultatrakning(), Tom: [], Text: [['a', 'b'], ['c', 1.5, { formula: 'B2*2', result: 3 }]] });
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(file);
    const expected = read.worksheets.map((ws) => {
      let n = 0;
      ws.eachRow((row) => row.eachCell(() => n++));
      return { name: ws.name, cells: n };
    });
    const counts = await countWorkbookCells(readFileSync(file));
    expect(counts!.sheets.map((s) => ({ name: s.name, cells: s.cells }))).toEqual(expected);
    expect(counts!.strings).toBeGreaterThan(10);
    // A prefix (x:c) and 40 000 cells, so tags fall across the 16 kB pieces zlib gives.
    const prefixed = xlsx([{ name: 'P', rows: [...numericRows(4_000, 10)].map((r) => r.replace(/<(\/?)c /g, '<$1x:c ').replace(/<\/c>/g, '</x:c>')) }]);
    expect((await countWorkbookCells(prefixed))!.sheets).toEqual([{ name: 'P', part: 'xl/worksheets/sheet1.xml', cells: 40_000 }]);
    expect(await countWorkbookCells(Buffer.from('not a zip'))).toBeUndefined();
  });

  it('with more different texts than a sheet may have cells is refused the same way', async () => {
    const strings = Array.from({ length: MAX_SHEET_CELLS + 1 }, (_, i) => `t${i}`);
    writeFileSync(join(dir, 'texter.xlsx'), xlsx([{ name: 'Drift', rows: [header] }], strings));
    const run = await runMain(['import', '--from', 'texter.xlsx', '--table', 'driftredovisning'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`texter.xlsx holds ${MAX_SHEET_CELLS + 1} different texts; a workbook read for a report may hold at most ${MAX_SHEET_CELLS}, so it was not opened.`);
    expect(readFileSync(report, 'utf8')).toBe(original);
  }, 60_000);
});

describe('a sheet table larger than a report can hold', () => {
  it('is refused before it is applied (10 000 rows were applied, then refused as too-many-values at a line of rapport.yaml the user never wrote; 110 000 rows ran over 400 s): input-too-large naming the cells, exit 1', async () => {
    const rows = Array.from({ length: 8_000 }, (_, i) => `Enhet ${i + 1};${i}`);
    writeFileSync(join(dir, 'enheter.csv'), `Avdelning;Utfall aug\n${rows.join('\n')}\n`);
    const started = performance.now();
    const run = await runMain(['import', '--from', 'enheter.csv', '--table', 'driftredovisning'], dir);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('enheter.csv  error  input-too-large');
    expect(run.stderr).toContain('The table at enheter.csv!A2–enheter.csv!A8001 has 8000 rows of 1 column, at least 56000 keys and values in the report; a report holds at most 50000 in all, so it was not imported.');
    expect(run.stderr).not.toContain('too-many-values');
    expect(readFileSync(report, 'utf8')).toBe(original);
  });
});

describe('repeatable imports from kommunrapport.config.yaml', () => {
  it('refreshes every mapped table with one command, and the second run changes nothing', async () => {
    copyFileSync(join(fixtures, 'driftredovisning-1252.csv'), join(dir, 'drift.csv'));
    const rows = resultatrakning();
    await workbook('ekonomi.xlsx', { Resultaträkning: [[], [], ...rows] });
    writeFileSync(
      join(dir, 'kommunrapport.config.yaml'),
      [
        '# Tables refreshed every period by `kommunrapport import`.',
        'imports:',
        '  - workbook: ekonomi.xlsx',
        '    sheet: Resultaträkning',
        '    range: A3:G11',
        '    table: resultatrakning',
        '    sign: costs-positive',
        '  - workbook: drift.csv',
        '    anchor: Belopp i tkr',
        '    table: driftredovisning',
        '',
      ].join('\n'),
    );
    const first = await runMain(['import'], dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('hr.utfall-aug: 4525 → 4560');
    expect(first.stdout).toContain('rapport.yaml: 3 cells changed');
    const second = await runMain(['import'], dir);
    expect(second.stdout).toBe('rapport.yaml: no change\n');
  });

  it('a wrong mapping is a located error in the config file', async () => {
    writeFileSync(join(dir, 'kommunrapport.config.yaml'), 'imports:\n  - workbook: ekonomi.xlsx\n    table: resultatrakning\n    sign: negative\n    range: A3\n');
    const run = await runMain(['import'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/kommunrapport\.config\.yaml:4:\d+ {2}error .* imports\[0\]\.sign/);
    expect(run.stderr).toMatch(/kommunrapport\.config\.yaml:5:\d+ {2}error .* imports\[0\]\.range/);
    expectFile();
  });
});

function expectFile() {
  expect(existsSync(report)).toBe(true);
  expect(readFileSync(report, 'utf8')).toBe(original);
}

describe('an XLSX written by LibreOffice (examples/eskilstuna-ks-2023-indata/ekonomi-aug-2023.xlsx)', () => {
  it('reads numeric cells with their addresses, and finds both tables by range and by anchor', async () => {
    const { readGrid } = await import('../src/import/sheet.js');
    const { locateTable } = await import('../src/import/locate.js');
    const file = join(repoRoot, 'examples/eskilstuna-ks-2023-indata/ekonomi-aug-2023.xlsx');
    const read = await readGrid(file, 'ekonomi-aug-2023.xlsx', 'Ekonomi');
    expect(read.diagnostics).toEqual([]);
    expect(read.grid!.rows[1]![2]).toMatchObject({ address: 'C2', number: 321400 });
    const result = locateTable(read.grid!, { range: 'A1:G9' }, 'ekonomi-aug-2023.xlsx');
    expect(result.table!.unit).toBe('tkr');
    expect(result.table!.columns.map((c) => c.header)).toEqual(['Utfall Aug 2022', 'Utfall Aug 2023', 'Budget Aug 2023', 'Budgetavvikelse Aug 2023', 'Årsprognos aug', 'Avvikelse Årsprognos aug']);
    expect(result.table!.rows.map((r) => r.label).at(-1)).toBe('ÅRETS RESULTAT');
    const drift = locateTable(read.grid!, { anchor: 'avdelning' }, 'ekonomi-aug-2023.xlsx');
    expect(drift.table!.rows.map((r) => r.ref)).toEqual(['Ekonomi!A13', 'Ekonomi!A14', 'Ekonomi!A15', 'Ekonomi!A16', 'Ekonomi!A17', 'Ekonomi!A18', 'Ekonomi!A19', 'Ekonomi!A20']);
  });
});

describe('help', () => {
  it.each([
    ['import', 'Exit codes: 0 imported (or nothing to change), 1 errors in a workbook or the resulting report, 2 usage or I/O problem.'],
    ['kolada', 'Exit codes: 0 filled (or nothing to change; warnings for values Kolada lacks), 1 errors in the report or the config, an unknown KPI, group or kommun, 2 usage problem, Kolada unreachable or I/O problem.'],
    ['kolada', '- { of: group, group: G124026 } # a Kolada group of kommuner (its unweighted mean)'],
    ['init', '--from <report>'],
  ])('%s --help lists its options and exit codes', async (command, text) => {
    const run = await runMain([command, '--help'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(text);
    expect(run.stdout).toContain('--json');
  });
});

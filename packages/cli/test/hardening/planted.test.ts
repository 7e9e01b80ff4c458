// Planted errors an outsider would try, each found at the exact place it is written: the
// findings whose place was vague or wrong (a vocabulary colour that fails contrast was put
// at governance's first key; an image inside a block scalar got the column of the `|`),
// and the same report planted with the commonest slips, each at its line, column and path.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runMain, tempDir } from '../cli-helpers.js';
import { baseReport } from './bad-inputs.js';

const minimal = readFileSync(baseReport, 'utf8');
const STACK_LINE = /^ {4}at /m;

/** Runs the command on `text` written as rapport.yaml in a folder of its own. */
async function runOn(text: string, args: string[]) {
  const dir = tempDir('kr-planted-');
  writeFileSync(join(dir, 'rapport.yaml'), text);
  return runMain(args, dir);
}

interface Finding { code: string; path: string; line: number; column: number | null; message: string; expected: string; found: string; hint: string }

/** The minimal report with `from` replaced by `to`: its text and the findings of validate --json, which must fail. */
async function plant(from: string, to: string): Promise<{ text: string; diagnostics: Finding[] }> {
  expect(minimal).toContain(from);
  const text = minimal.replace(from, to);
  const run = await runOn(text, ['validate', '--json', 'rapport.yaml']);
  expect(run.code).toBe(1);
  return { text, diagnostics: (JSON.parse(run.stdout) as { diagnostics: Finding[] }).diagnostics };
}

/** The line (1-based) of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('a planted error is named where it is written', () => {
  it('a vocabulary colour that fails contrast: at the colour itself (it was at governance\'s first key, path "governance")', async () => {
    const dir = tempDir('kr-planted-');
    cpSync(join(repoRoot, 'examples/norrvik-bun-2024-malmodell'), dir, { recursive: true });
    const text = readFileSync(join(dir, 'rapport.yaml'), 'utf8');
    writeFileSync(join(dir, 'rapport.yaml'), text.replace('colour: "#8a5a00", symbol: ◐', 'colour: "#ffff00", symbol: ◐'));
    const line = lineOf(text, 'colour: "#8a5a00", symbol: ◐');
    const column = text.split('\n')[line - 1]!.indexOf('"#8a5a00"') + 1;
    const run = await runMain(['build', 'rapport.yaml', '-f', 'html', '-o', 'out'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).toContain(`rapport.yaml:${line}:${column}  warning  low-contrast  governance.assessment[1].colour`);
    expect(run.stdout + run.stderr).toContain('governance.assessment "partly": colour #ffff00 has less than 4.5:1 contrast on the page');
  });

  it('an image outside the report\'s folder in a block scalar: at the image\'s line and column, not the column of the `|`', async () => {
    const dir = tempDir('kr-planted-');
    const text = minimal.replace('            body: Arbetet pågår.\n', '            body: |\n              Arbetet pågår.\n\n              ![Karta](../../etc/karta.png)\n');
    writeFileSync(join(dir, 'rapport.yaml'), text);
    const run = await runMain(['validate', '--json', 'rapport.yaml'], dir);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { diagnostics: { code: string; path: string; line: number; column: number | null; found: string }[] };
    expect(json.diagnostics).toEqual([
      expect.objectContaining({ code: 'image-source', path: 'sections[1].areas[0].goals[0].body', line: lineOf(text, '![Karta]'), column: 15, found: '"![Karta](../../etc/karta.png)"' }),
    ]);
  });

  // The commonest slips, each already found exactly: pinned here with their place.
  it.each([
    ['a total that does not add up in an ekonomi table', 'values: { utfall: 1200, budget: 1800', 'values: { utfall: 1300, budget: 1800', 'values: { utfall: -4000', 'sum-mismatch', 'sections[4].tables[0].rows[2].values.utfall'],
    ['a percentage over 100 where the unit is %', 'total: 4.5\n                women: 5.5', 'total: 140\n                women: 5.5', 'total: 140', 'percent-out-of-range', 'sections[3].groups[0].indicators[1].values[0].total'],
    ['a status not on the report\'s scale', 'status: done', 'status: klar', 'status: klar', 'unknown-scale-key', 'sections[1].areas[0].commitments[0].status'],
    ['a mål serving an id the report does not have', '          - id: foretagsklimat\n', '          - id: foretagsklimat\n            serves: [finns-inte]\n', 'serves: [finns-inte]', 'goal-link', 'sections[1].areas[0].goals[0].serves[0]'],
    ['a commitment id used twice', '          - id: kompetens\n', '          - id: detaljplaner  # kopierad\n', '# kopierad', 'duplicate-id', 'sections[1].areas[0].commitments[1].id'],
  ])('%s', async (_name, from, to, at, code, path) => {
    expect(minimal).toContain(from);
    const text = minimal.replace(from, to);
    const run = await runOn(text, ['validate', 'rapport.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
    expect(run.stdout).toMatch(new RegExp(`^rapport\\.yaml:${lineOf(text, at)}:\\d+  error  ${code}  ${path.replace(/[.[\]]/g, '\\$&')}$`, 'm'));
  });
});

describe('a number written as text in a table cell, an interval or with a sign or unit', () => {
  // A table's cell takes a number, null, { absent } or { low, high }: text there was answered
  // with "Write a number or null or AbsentValue or IntervalValue", a Swedish number was not
  // named, and a bad low of an interval was two unknown keys of { absent }.
  it.each([
    ['digit groups in quotes in a cell', 'values: { utfall: 1200,', 'values: { utfall: "1 200",', 'swedish-number', 'sections[4].tables[0].rows[0].values.utfall', 'number', 'Write 1200 (digits without spaces, decimals with a point); readers still see the Swedish form.'],
    ['digit groups and a decimal comma in { }', 'values: { utfall: 1200,', 'values: { utfall: 1 200,5,', 'swedish-number', 'sections[4].tables[0].rows[0].values.utfall', 'a number with a decimal point', 'Write 1200.5.'],
    ['a Unicode minus in a cell', 'values: { utfall: -4000,', 'values: { utfall: −4000,', 'invalid-type', 'sections[4].tables[0].rows[2].values.utfall', 'number', 'Write -4000, with a minus sign as the hyphen "-" (not "−").'],
    ['a Unicode minus in an interval', 'prognos: 1900,', 'prognos: { low: −1900, high: 1900 },', 'invalid-type', 'sections[4].tables[0].rows[0].values.prognos.low', 'number', 'Write -1900, with a minus sign as the hyphen "-" (not "−").'],
    ['a year in quotes', '                  - year: 2021\n', '                  - year: "2021"\n', 'invalid-type', 'sections[1].areas[0].goals[0].indicators[0].values[0].year', 'year (e.g. 2022)', 'Write 2021 without quotes.'],
    ['a per cent sign after an indicator value', 'total: 4.5\n                women: 5.5', 'total: 4.5 %\n                women: 5.5', 'invalid-type', 'sections[3].groups[0].indicators[1].values[0].total', 'number', 'Write 4.5, with no "%" after it (decimals with a point).'],
  ])('%s', async (_name, from, to, code, path, expected, hint) => {
    const { text, diagnostics } = await plant(from, to);
    expect(diagnostics).toEqual([expect.objectContaining({ code, path, line: lineOf(text, to.split('\n')[0]!), expected, hint })]);
  });
});

describe('an id used twice', () => {
  it('a step of a scale written twice in governance: at the second key (it was accepted, and a use of the step it hid was unknown-scale-key)', async () => {
    const text = minimal.replace('governance: eskilstuna\n', 'governance:\n  preset: eskilstuna\n  commitmentStatus:\n    - { key: done, label: Klart, colour: "#1a7f37", symbol: ✓, textAlternative: klart }\n    - { key: done, label: Pågår, colour: "#8a5a00", symbol: ◐, textAlternative: pågår }\n');
    const run = await runOn(text, ['validate', 'rapport.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`rapport.yaml:${lineOf(text, 'label: Pågår')}:14  error  duplicate-id  governance.commitmentStatus[1].key`);
    expect(run.stdout).toContain('The step id "done" of the commitmentStatus scale is already used at governance.commitmentStatus[0].key.');
  });

  it('a row of a table: the kind in words ("The row of table x id", "the two row of table xs")', async () => {
    const text = minimal.replace('          - id: kostnader\n', '          - id: intakter\n');
    const run = await runOn(text, ['validate', 'rapport.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('The row id "intakter" of table resultatrakning is already used at sections[4].tables[0].rows[0].id.');
    expect(run.stdout).toContain('hint:     Give one of the two rows of table resultatrakning another id.');
  });
});

describe('a key with nothing after it (`key:`)', () => {
  // It said "Expected a non-empty string, found null … hint: Write a non-empty string." (and "Expected an unit").
  it.each([
    ['a required text', '            title: Företagsklimatet ska förbättras\n', '            title:\n', 'sections[1].areas[0].goals[0].title', '"title:" has no value; it takes a non-empty string.', 'Write a non-empty string after "title:".'],
    ['a unit', '        unit: tkr\n        role: incomeStatement\n', '        unit:\n        role: incomeStatement\n', 'sections[4].tables[0].unit', '"unit:" has no value; it takes a unit.', 'Write one of percent, index, count, score, days, kr, tkr, mnkr after "unit:".'],
    ['an optional number', '                    kind: outcome\n                    total: 72\n', '                    kind: outcome\n                    total:\n', 'sections[1].areas[0].goals[0].indicators[0].values[0].total', '"total:" has no value; it takes a number.', 'Write a number after "total:", or remove the line: the key is optional.'],
    ['a yes or no', '                higherIsBetter: true\n                values:\n                  - year: 2021', '                higherIsBetter:\n                values:\n                  - year: 2021', 'sections[1].areas[0].goals[0].indicators[0].higherIsBetter', '"higherIsBetter:" has no value; it takes a boolean.', 'Write true or false after "higherIsBetter:".'],
  ])('%s', async (_name, from, to, path, message, hint) => {
    const { text, diagnostics } = await plant(from, to);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'invalid-type', path, line: text.slice(0, text.indexOf(to)).split('\n').length + to.split('\n').findIndex((l) => l.endsWith(':')), message, found: 'no value (empty, or null)', hint })]);
  });
});

describe('a list where a table row\'s values belong', () => {
  it('says mapping and how to write one (it said "Expected { [K in string]: (number | null | AbsentValue | IntervalValue) }" and "Write" the same)', async () => {
    const text = minimal.replace('values: { utfall: 1200, budget: 1800, prognos: 1900, avvikelse: -100 }', 'values: [1200, 1800, 1900, -100]');
    const run = await runOn(text, ['validate', 'rapport.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`rapport.yaml:${lineOf(text, 'values: [1200')}:21  error  invalid-type  sections[4].tables[0].rows[0].values`);
    expect(run.stdout).toContain('expected: mapping of number or null or { absent } or { low, high }');
    expect(run.stdout).toContain('hint:     Write values as a mapping: a "key: value" pair on each line below it, indented, or { a: 1, b: 2 }.');
  });
});

describe('YAML the parser cannot read, said in the report\'s words (it was the parser\'s own: "Map keys must be unique", "please use YAML.parseAllDocuments()")', () => {
  it.each([
    ['a key indented onto its parent, which has it already', '            title: Företagsklimatet ska förbättras\n', '        title: Företagsklimatet ska förbättras\n', 'title: Företagsklimatet', 'yaml-duplicate-key', `The key "title" is written twice in one mapping (first at line ${lineOf(minimal, 'title: Näringsliv och arbete')}); YAML allows each key once.`, "indent it as far as that item's keys"],
    ['a second document in the middle of the file', 'summary: Verksamheten', '---\nsummary: Verksamheten', '---', 'yaml-syntax', 'A second YAML document begins here: a line "---" (or "...") inside the file ends the report\'s document.', 'remove the "---" line'],
    ['one list item turned into a mapping key', '          - id: intakter\n            label: Intäkter\n', '          intakter:\n            label: Intäkter\n', '          - id: kostnader', 'yaml-syntax', 'YAML cannot tell which mapping or list the line belongs to', 'the items of one list start with "- " in the same column'],
  ])('%s', async (_name, from, to, at, code, message, hint) => {
    const { text, diagnostics } = await plant(from, to);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code, line: lineOf(text, at) });
    expect(diagnostics[0]!.message).toContain(message);
    expect(diagnostics[0]!.hint).toContain(hint);
  });
});

describe('a copy made with an anchor and an alias', () => {
  it('a finding inside the copy is at the alias, where its path is written (it was at the anchor, the first copy\'s line)', async () => {
    const text = minimal.replace('          - id: detaljplaner\n', '          - &kopia\n            id: detaljplaner\n').replace('          - id: kompetens\n', '          - *kopia\n          - id: kompetens\n');
    const run = await runOn(text, ['validate', 'rapport.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`rapport.yaml:${lineOf(text, '- *kopia')}:13  error  duplicate-id  sections[1].areas[0].commitments[1].id`);
  });
});

describe('a share written as a fraction where the unit is percent', () => {
  it('in a row of unit percent in a table of mnkr: a warning at the cell (it passed without a word, and the row\'s own unit was not checked for 0–100)', async () => {
    const dir = tempDir('kr-planted-');
    cpSync(join(repoRoot, 'examples/ekdala-kf-2024-delar2'), dir, { recursive: true });
    const text = readFileSync(join(dir, 'rapport.yaml'), 'utf8');
    const from = 'values: { k-2024: 43.9, k-2023: 44.2 }';
    expect(text).toContain(from);
    const planted = text.replace(from, 'values: { k-2024: 0.439, k-2023: 44.2 }');
    writeFileSync(join(dir, 'rapport.yaml'), planted);
    const run = await runMain(['validate', '--strict', 'rapport.yaml'], dir);
    expect(run.code).toBe(1);
    const line = lineOf(planted, '0.439');
    expect(run.stdout).toContain(`rapport.yaml:${line}:${planted.split('\n')[line - 1]!.indexOf('0.439') + 1}  warning  percent-as-fraction  sections[0].sections[0].sections[0].table.rows[2].values.k-2024`);
    expect(run.stdout).toContain('it looks like 43.9 % written as a fraction.');
    writeFileSync(join(dir, 'rapport.yaml'), text.replace(from, 'values: { k-2024: 143.9, k-2023: 44.2 }'));
    expect((await runMain(['validate', 'rapport.yaml'], dir)).stdout).toContain('error  percent-out-of-range  sections[0].sections[0].sections[0].table.rows[2].values.k-2024');
  });
});

describe('a date written another way', () => {
  // The hint said only "Write a date (YYYY-MM-DD)."
  it.each([
    ['2022-8-31', 'Write 2022-08-31: year, month and day, with two digits for month and day.'],
    ['31/8 2022', 'Write 2022-08-31: year, month and day, with two digits for month and day.'],
    ['31.8.2022', 'Write 2022-08-31: year, month and day, with two digits for month and day.'],
    ['31 augusti 2022', 'Write 2022-08-31: year, month and day, with two digits for month and day.'],
    ['08/31/2022', 'Write a date (YYYY-MM-DD).'],
  ])('%s', async (written, hint) => {
    const text = minimal.replace('  end: 2022-08-31\n', `  end: ${written}\n`);
    const run = await runOn(text, ['validate', 'rapport.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`rapport.yaml:${lineOf(text, `end: ${written}`)}:8  error  invalid-value  period.end`);
    expect(run.stdout).toContain(`hint:     ${hint}`);
  });
});

describe('a file that is no report at all', () => {
  it.each([
    ['a YAML list', '- id: a\n- id: b\n', 'a list of 2 items', 'without a leading "- "'],
    ['a single text', 'Delårsrapport 2 2022\n', '"Delårsrapport 2 2022"', 'A report is a mapping of keys'],
  ])('%s: said in words, not by the codec\'s name (it was "Expected a Report … hint: Write a Report.")', async (_name, text, found, hint) => {
    const run = await runOn(text, ['validate', 'rapport.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('rapport.yaml:1:1  error  invalid-type');
    expect(run.stdout).toContain(`Expected a report (a mapping with id, kind, title, period …), found ${found}.`);
    expect(run.stdout).toContain(hint);
    expect(run.stdout).not.toContain('Report.');
  });
});

describe('a value where the model has a mapping', () => {
  it('names the keys the mapping has and how to write it (it said "Expected a Period … hint: Write a Period.")', async () => {
    const dir = tempDir('kr-planted-');
    const text = minimal.replace(/\nperiod:\n(  .*\n)+/, '\nperiod: 2022\n');
    writeFileSync(join(dir, 'rapport.yaml'), text);
    const run = await runMain(['validate', 'rapport.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`rapport.yaml:${lineOf(text, 'period: 2022')}:9  error  invalid-type  period`);
    expect(run.stdout).toContain('Expected a Period (a mapping with year, label, start, end), found number 2022.');
    expect(run.stdout).toContain('expected: Period (a mapping with year, label, start, end)');
    expect(run.stdout).toContain('hint:     Write period as a mapping: its keys (year, label, start, end) each on a line of its own below it, indented.');
  });
});

describe('a status written as a word near its label', () => {
  it('names the key of the step whose label it looks like (the hint said only "Use a key of the scale")', async () => {
    const dir = tempDir('kr-planted-');
    writeFileSync(join(dir, 'rapport.yaml'), minimal.replace('status: done', 'status: klar'));
    const run = await runMain(['validate', 'rapport.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('hint:     "klar" looks like the label "Klart, avslutat" readers see; write its key "done".');
  });

  it('a label typed without å, ä and ö ("pagar" for "Pågår"): names its key (it was not near enough to any word)', async () => {
    const dir = tempDir('kr-planted-');
    cpSync(join(repoRoot, 'examples/solberga-son-2024-delar'), dir, { recursive: true });
    const text = readFileSync(join(dir, 'rapport.yaml'), 'utf8');
    expect(text).toContain('status: ongoing');
    writeFileSync(join(dir, 'rapport.yaml'), text.replace('status: ongoing', 'status: pagar'));
    const run = await runMain(['validate', 'rapport.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`rapport.yaml:${lineOf(text, 'status: ongoing')}:21  error  unknown-scale-key`);
    expect(run.stdout).toContain('hint:     "pagar" looks like the label "Pågår" readers see; write its key "ongoing".');
  });
});

describe('a file given twice to build', () => {
  it('is one report, built once (two files with one id are duplicate-report-id)', async () => {
    const dir = tempDir('kr-planted-');
    writeFileSync(join(dir, 'rapport.yaml'), minimal);
    const run = await runMain(['build', 'rapport.yaml', './rapport.yaml', '-f', 'text', '-o', 'out', '--json'], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { reports: { file: string }[] };
    expect(json.reports.map((r) => r.file)).toEqual(['rapport.yaml']);
    writeFileSync(join(dir, 'kopia.yaml'), minimal);
    const two = await runMain(['build', 'rapport.yaml', 'kopia.yaml', '-f', 'text', '-o', 'out2'], dir);
    expect(two.code).toBe(1);
    expect(two.stderr).toContain('duplicate-report-id');
  });
});

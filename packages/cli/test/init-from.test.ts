// `kommunrapport init <folder> --from <last report>`: next period's report from this one.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport } from '@kommunrapport/model';
import { repoRoot, runMain, tempDir } from './cli-helpers.js';
import { shiftYears } from '../src/commands/roll-forward.js';

const example = join(repoRoot, 'examples/eskilstuna-ks-2022-delar2/rapport.yaml');

async function rolled() {
  const dir = tempDir('kr-init-from-');
  const run = await runMain(['init', 'ks-2023', '--from', example], dir);
  const file = join(dir, 'ks-2023/rapport.yaml');
  return { dir, run, file, text: existsSync(file) ? readFileSync(file, 'utf8') : '' };
}

describe('kommunrapport init --from', () => {
  it('keeps structure, ids and comments, moves the period on a year and resets statuses to unknown', async () => {
    const { run, text } = await rolled();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { report } = loadReport(text);
    const { report: last } = loadReport(readFileSync(example, 'utf8'));
    expect(report!.id).toBe('0484-ks-2023-d2');
    expect(report!.period).toEqual({ year: 2023, label: 'januari–augusti 2023', start: '2023-01-01', end: '2023-08-31' });
    expect(report!.caseNumber).toBeUndefined();
    expect(text).toContain('# Kommunstyrelsens delårsrapport 2, 2022 (Eskilstuna kommun), KSKF/2022:251'); // the author's header comment
    expect(report!.governance).toEqual(last!.governance);
    expect(report!.sections.map((s) => s.id)).toEqual(last!.sections.map((s) => s.id));
    const areas = report!.sections.flatMap((s) => ('areas' in s ? s.areas : []));
    expect(areas.length).toBeGreaterThan(0);
    for (const a of areas) {
      expect(a.assessment).toBeNull();
      expect(a.trend).toBeNull();
      for (const c of a.commitments ?? []) expect([c.status, c.completion]).toEqual([null, null]);
    }
    // A reset status loses the comment that said where last period's came from.
    expect(text).not.toMatch(/status: null # /);
  });

  it('shifts outcome columns: this period\'s outcome becomes last year\'s, every other figure is emptied', async () => {
    const { text } = await rolled();
    expect(text).toContain('- { key: utfall-aug-2022, label: Utfall Aug 2022, kind: outcome, year: 2022 }');
    expect(text).toContain('- { key: utfall-aug-2023, label: Utfall Aug 2023, kind: outcome, year: 2023 }');
    expect(text).toContain('differenceOf: [ utfall-aug-2023, budget-aug-2023 ]');
    expect(text).toContain('values: { utfall-aug-2022: 307.7, utfall-aug-2023: null, budget-aug-2023: null, budgetavvikelse-aug-2023: null, arsprognos: null, avvikelse-arsprognos: null }');
    expect(text).toContain('utfall-aug: resultatrakning.arets-resultat.utfall-aug-2023');
    // Columns without a year in their label: emptied, not copied onto themselves.
    expect(text).toContain('- { id: hr, label: HR, kind: item, values: { utfall-aug: null, budget-helar: null, prognos-maj: null, prognos-aug: null } }');
    // Indicator history and targets are kept.
    expect(text).toContain('- { year: 2022, kind: outcome, total: 1.7 }');
    expect(text).toContain('- { year: 2023, kind: target, total: 3.0 }');
  });

  it('lists every kept text under revise:, validate warns about each and --strict fails until revised', async () => {
    const { dir, text, file } = await rolled();
    const { report, diagnostics } = loadReport(text, 'rapport.yaml');
    expect(report!.revise).toEqual(expect.arrayContaining(['summary', 'decision', 'sammanstallning-processomraden', 'foretagsklimat-och-service', 'forbattrad-ekonomistyrning', 'avvikelse-budget-prognos', 'investeringsredovisning']));
    const warnings = diagnostics.filter((d) => d.code === 'text-not-revised');
    expect(warnings).toHaveLength(report!.revise!.length);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(warnings[0]).toMatchObject({ severity: 'warning', path: 'revise[0]', message: "The text of the summary is last period's, carried over and not yet revised." });
    expect(warnings[0]!.line).toBeGreaterThan(800);
    expect((await runMain(['validate', 'ks-2023/rapport.yaml'], dir)).code).toBe(0);
    const strict = await runMain(['validate', '--strict', 'ks-2023/rapport.yaml'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('text-not-revised');
    // Revising (and removing the id) clears that one warning.
    writeFileSync(file, text.replace('\n  - summary\n', '\n'));
    const after = loadReport(readFileSync(file, 'utf8')).diagnostics.filter((d) => d.code === 'text-not-revised');
    expect(after).toHaveLength(warnings.length - 1);
  });

  it('an id under revise: that names nothing is an error', () => {
    const text = readFileSync(example, 'utf8') + 'revise: [summary, finns-inte]\n';
    const errors = loadReport(text, 'r.yaml').diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ code: 'unresolved-reference', path: 'revise[1]', message: 'revise: names "finns-inte", which is no id in this report.' })]);
  });

  it('refuses to overwrite, to roll a report with errors, and a missing file', async () => {
    const { dir } = await rolled();
    const again = await runMain(['init', 'ks-2023', '--from', example], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('ks-2023/rapport.yaml already exists; use --force to replace it.');
    copyFileSync(example, join(dir, 'trasig.yaml'));
    writeFileSync(join(dir, 'trasig.yaml'), readFileSync(example, 'utf8').replace('kind: interim', 'kind: delar'));
    const broken = await runMain(['init', 'ny', '--from', 'trasig.yaml'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('trasig.yaml has errors; fix them');
    expect(existsSync(join(dir, 'ny/rapport.yaml'))).toBe(false);
    const missing = await runMain(['init', 'ny', '--from', 'finns-inte.yaml'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read finns-inte.yaml: no such file.');
  });

  it('--json prints the file, the year and the texts to revise', async () => {
    const dir = tempDir('kr-init-from-');
    const run = await runMain(['init', 'ny', '--from', example, '--json'], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ ok: true, file: 'ny/rapport.yaml', year: 2023 });
    expect(json.revise).toContain('summary');
  });

  it('moves only years near the period: 2021 → 2022, not a diarienummer\'s number or a far year', () => {
    expect(shiftYears('Utfall Aug 2021 och 2022', 2022)).toBe('Utfall Aug 2022 och 2023');
    expect(shiftYears('utfall-aug-2022', 2022)).toBe('utfall-aug-2023');
    expect(shiftYears('1998 och 12022 och 2030', 2022)).toBe('1998 och 12022 och 2030');
  });
});

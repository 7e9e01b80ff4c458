// `kommunrapport build` as a user runs it: a child process from the sources, with real exit
// codes, worker threads for several reports, config files and small test plugins.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { pluginPath, reportFixture, repoRoot, runCli, runMain, snapshot, tempDir } from './cli-helpers.js';

const ID = '0999-ks-2022-d2';

/** A folder with `count` copies of the fixture report (ids r1…rN) in reports/. */
function workspace(count: number): { dir: string; files: string[] } {
  const dir = tempDir();
  mkdirSync(join(dir, 'reports'));
  const text = readFileSync(reportFixture, 'utf8');
  const files = Array.from({ length: count }, (_, i) => {
    const file = join(dir, 'reports', `r${i + 1}.yaml`);
    writeFileSync(file, count === 1 ? text : text.replace(`id: ${ID}`, `id: r${i + 1}`));
    return `reports/r${i + 1}.yaml`;
  });
  return { dir, files };
}

describe('kommunrapport build', () => {
  it('builds one report with a plugin given by path and prints where each file went', async () => {
    const { dir, files } = workspace(1);
    const r = await runCli(['build', files[0]!, '--plugin', pluginPath('echo'), '--format', 'echo'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`✓ reports/r1.yaml → dist/${ID}/ (3 files, 114 B)`);
    expect(lines.slice(1).map((l) => l.trim().split(/\s{2,}/))).toEqual([
      [`dist/${ID}/a.bin`, '4 B'],
      [`dist/${ID}/data/report.json`, '90 B'],
      [`dist/${ID}/z-last.txt`, '20 B'],
    ]);
    expect(readFileSync(join(dir, 'dist', ID, 'z-last.txt'), 'utf8')).toBe(`Hej ${ID}\n`);
  });

  it('prints a JSON summary with sizes, hashes and media types', async () => {
    const { dir, files } = workspace(1);
    const r = await runCli(['build', files[0]!, '--plugin', pluginPath('echo'), '--format', 'echo', '--out', 'out', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(true);
    expect(json.reports).toHaveLength(1);
    expect(json.reports[0]).toMatchObject({ file: 'reports/r1.yaml', id: ID, outDir: `out/${ID}`, diagnostics: [], problems: [] });
    const sha = createHash('sha256').update(Buffer.from([0, 1, 2, 255])).digest('hex');
    expect(json.reports[0].artifacts[0]).toEqual({ path: 'a.bin', bytes: 4, sha256: sha, mediaType: 'application/octet-stream' });
    expect(json.reports[0].artifacts.map((a: { path: string }) => a.path)).toEqual(['a.bin', 'data/report.json', 'z-last.txt']);
  });

  it('a plugin\'s warning through ctx.report is in --json with the plugin and its code, exits 0, and fails --strict with exit 1', async () => {
    const { dir, files } = workspace(1);
    const args = ['build', files[0]!, '--plugin', pluginPath('findings'), '--format', 'findings'];
    const loose = await runCli([...args, '--json'], { cwd: dir });
    expect(loose.code).toBe(0);
    expect(JSON.parse(loose.stdout).reports[0].diagnostics).toMatchObject([
      { code: 'stale-figure', plugin: 'findings', severity: 'warning', path: 'title', file: 'reports/r1.yaml', line: 4, message: 'The title "Delårsrapport 2 2022" looks stale.' },
    ]);
    const strict = await runCli([...args, '--strict', '--json'], { cwd: dir });
    expect(strict.code).toBe(1);
    const report = JSON.parse(strict.stdout).reports[0];
    expect(report.problems).toMatchObject([{ code: 'plugin-findings', plugin: 'findings' }]);
    expect(report.artifacts).toEqual([]);
    const text = await runCli([...args, '--strict'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('reports/r1.yaml:4:8  warning  [plugin findings] stale-figure  title');
    expect(text.stdout).toContain('[plugin findings] render reports/r1.yaml: Plugin "findings" reported 1 problem (stale-figure; warnings count as errors under --strict). (plugin-findings)');
  });

  it('a batch lists every report\'s findings with each hint once, under -q too (each report\'s warning is at its own place); one report is unchanged', async () => {
    const { dir, files } = workspace(3);
    const args = ['build', 'reports/*.yaml', '--plugin', pluginPath('findings'), '--format', 'findings', '--jobs', '1'];
    const count = (text: string, part: string) => text.split(part).length - 1;
    const head = '  warning  [plugin findings] stale-figure  title';
    const hint = 'hint:     Update the title.';
    const all = await runMain(args, dir);
    expect(all.code).toBe(0);
    expect(count(all.stdout, head)).toBe(3);
    expect(count(all.stdout, 'looks stale.')).toBe(3);
    expect(count(all.stdout, hint)).toBe(1);
    expect(all.stdout).not.toContain('more report');

    const quiet = await runMain([...args, '-q'], dir);
    expect(quiet.code).toBe(0);
    expect(count(quiet.stdout, head)).toBe(3);
    for (const file of files) expect(quiet.stdout).toContain(`${file}:4:8  warning  [plugin findings] stale-figure  title`);
    expect(count(quiet.stdout, hint)).toBe(1);
    // Each report's two lines (place, message), the hint's once; no count of reports, no list of files.
    expect(quiet.stdout.split('\n').filter(Boolean)).toHaveLength(7);

    // Reports that fail list every finding, under -q too; the hint still once.
    const failing = await runMain([...args, '-q', '-O', 'findings.report=error'], dir);
    expect(failing.code).toBe(1);
    expect(count(failing.stdout, '  error  [plugin findings] broken-cell')).toBe(3);
    expect(count(failing.stdout, 'hint:     Shorten the cell.')).toBe(1);

    // One report: its finding with its hint, as before, with or without -q.
    for (const extra of [[], ['-q']]) {
      const one = await runMain(['build', files[0]!, '--plugin', pluginPath('findings'), '--format', 'findings', ...extra], dir);
      expect(count(one.stdout, head)).toBe(1);
      expect(count(one.stdout, hint)).toBe(1);
      expect(one.stdout).not.toContain('more report');
    }
  });

  it('refuses an unknown format with exit code 2 and the list of known formats', async () => {
    const { dir, files } = workspace(1);
    const r = await runCli(['build', files[0]!, '--format', 'html,odt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kommunrapport build: unknown format "odt".\nKnown formats: html, pdf, text, open-data, docx.\n');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    const empty = await runCli(['build', files[0]!, '--format', ','], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--format names no format');
  });

  it('exits 2 when a file or pattern matches nothing', async () => {
    const { dir } = workspace(1);
    expect((await runCli(['build', 'missing.yaml'], { cwd: dir })).code).toBe(2);
    const r = await runCli(['build', 'nowhere/*.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No report matches nowhere/*.yaml.');
  });

  it('a folder given as the report says so and names the report in it, exit 2 (it said "no such file")', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'ks'));
    copyFileSync(reportFixture, join(dir, 'ks', 'rapport.yaml'));
    mkdirSync(join(dir, 'tom'));
    for (const command of ['build', 'site']) {
      const r = await runMain([command, 'ks/'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('ks/ is a folder; give the report file in it: ks/rapport.yaml, or a pattern such as "ks/*.yaml".');
    }
    const empty = await runMain(['build', 'tom'], dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('tom is a folder; give the report file, e.g. tom/rapport.yaml, or a pattern such as "tom/*.yaml".');
    expect(empty.stderr + (await runMain(['build', 'ks'], dir)).stderr).not.toContain('no such file');
  });

  it('refuses a report with errors: exit 1, the findings with file and line, nothing written', async () => {
    const { dir, files } = workspace(1);
    writeFileSync(join(dir, files[0]!), readFileSync(reportFixture, 'utf8').replace('code: "0999"', 'code: "999"'));
    const r = await runCli(['build', files[0]!, '--plugin', pluginPath('echo'), '--format', 'echo'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ reports/r1.yaml was not built');
    expect(r.stdout).toContain('reports/r1.yaml:12:9  error  invalid-value  municipality.code');
    expect(r.stdout).toContain('The report has 1 problem and was not built. (report-invalid)');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('exits 2 when the output folder cannot be written', async () => {
    const { dir, files } = workspace(1);
    writeFileSync(join(dir, 'taken'), 'a file, not a folder\n');
    const r = await runCli(['build', files[0]!, '--plugin', pluginPath('echo'), '--format', 'echo', '--out', 'taken'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('✗ reports/r1.yaml was not built');
    expect(r.stdout).toContain(`reports/r1.yaml: The output folder ${join(dir, 'taken')} is a file, so nothing was written. (output-failed)`);
    expect(readFileSync(join(dir, 'taken'), 'utf8')).toBe('a file, not a folder\n');
  });

  it('names a throwing plugin, exits 1 and leaves the previous output byte for byte', async () => {
    const { dir, files } = workspace(1);
    expect((await runCli(['build', files[0]!, '--plugin', pluginPath('echo'), '--format', 'echo'], { cwd: dir })).code).toBe(0);
    const before = snapshot(join(dir, 'dist'));
    const r = await runCli(['build', files[0]!, '--plugin', pluginPath('echo'), '--plugin', pluginPath('throws'), '--format', 'echo,thrower'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ reports/r1.yaml was not built');
    expect(r.stdout).toContain('[plugin thrower] render reports/r1.yaml: the finance table has no columns (plugin-failed)');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
  });

  it('takes plugins and options from kommunrapport.config.yaml and reports bad options at their line', async () => {
    const { dir, files } = workspace(1);
    writeFileSync(join(dir, 'reports', 'kommunrapport.config.yaml'), `plugins:\n  - ${pluginPath('echo')}\noptions:\n  echo:\n    greeting: Hallå\n`);
    const ok = await runCli(['build', files[0]!, '--format', 'echo'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, 'dist', ID, 'z-last.txt'), 'utf8')).toBe(`Hallå ${ID}\n`);
    writeFileSync(join(dir, 'reports', 'kommunrapport.config.yaml'), `plugins:\n  - ${pluginPath('echo')}\noptions:\n  echo:\n    repeat: "two"\n`);
    const bad = await runCli(['build', files[0]!, '--format', 'echo'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('reports/kommunrapport.config.yaml:5:13  error  [plugin echo] invalid-type  options.echo.repeat');
    expect(bad.stderr).toContain('Plugin "echo": Expected a number, found text "two".');
    expect(readFileSync(join(dir, 'dist', ID, 'z-last.txt'), 'utf8')).toBe(`Hallå ${ID}\n`);
  });

  it('warns about options for a plugin no one has (an error under --strict)', async () => {
    const { dir, files } = workspace(1);
    writeFileSync(join(dir, 'reports', 'kommunrapport.config.json'), JSON.stringify({ plugins: [pluginPath('echo')], options: { ehco: { greeting: 'Hej' } } }, null, 2));
    const loose = await runCli(['build', files[0]!, '--format', 'echo'], { cwd: dir });
    expect(loose.code).toBe(0);
    expect(loose.stderr).toContain('reports/kommunrapport.config.json:6:5  warning  unknown-key  options.ehco');
    expect(loose.stderr).toContain('Options for "ehco", but no plugin has that name. Did you mean "echo"?');
    const strict = await runCli(['build', files[0]!, '--format', 'echo', '--strict', '--out', 'strict'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(existsSync(join(dir, 'strict'))).toBe(false);
  });

  it('builds several reports from a glob on worker threads, with plain progress lines when not on a terminal', async () => {
    const { dir } = workspace(5);
    const r = await runCli(['build', 'reports/*.yaml', '--plugin', pluginPath('echo'), '--plugin', pluginPath('counter'), '--format', 'echo,counter'], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => /^\[\d\/5\]/.test(l));
    expect(lines.map((l) => l.slice(0, 6))).toEqual(['[1/5] ', '[2/5] ', '[3/5] ', '[4/5] ', '[5/5] ']);
    expect(r.stdout).toMatch(/5 of 5 reports built in \d+\.\d s\./);
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    const counters = ['r1', 'r2', 'r3', 'r4', 'r5'].map((id) => JSON.parse(readFileSync(join(dir, 'dist', id, 'counter.json'), 'utf8')));
    // Worker threads (not the main thread, id 0), each loading the plugin once for all its reports.
    expect(counters.every((c) => c.threadId > 0 && c.loads === 1)).toBe(true);
    expect(counters.reduce((n, c) => Math.max(n, c.renders), 0)).toBeGreaterThanOrEqual(2);
  });

  it('the page links to exactly the other formats of the same build, with their real sizes', async () => {
    const { dir, files } = workspace(1);
    // The page is listed first, yet sees the PDF and the text the build made.
    const r = await runCli(['build', files[0]!, '--format', 'html,pdf,text', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const artifacts: { path: string; bytes: number }[] = JSON.parse(r.stdout).reports[0].artifacts;
    const html = readFileSync(join(dir, 'dist', ID, 'index.html'), 'utf8');
    const block = /<nav id="other-formats".*?<\/nav>/s.exec(html)?.[0] ?? '';
    expect([...block.matchAll(/data-format="([^"]+)"/g)].map((m) => m[1])).toEqual(['pdf', 'text']);
    const pdf = artifacts.find((a) => a.path === 'rapport.pdf')!;
    expect(block).toContain(`<a href="rapport.pdf" type="application/pdf" data-format="pdf">PDF</a> <span class="size">(${Math.ceil(pdf.bytes / 1000)}\u00a0kB)</span>`);
    // Built alone, the page has no block.
    const alone = await runCli(['build', files[0]!, '--format', 'html', '--out', 'alone'], { cwd: dir });
    expect(alone.code).toBe(0);
    expect(readFileSync(join(dir, 'alone', ID, 'index.html'), 'utf8')).not.toContain('<nav id="other-formats"');
  });

  it('builds several reports with first-party plugins, which the workers load themselves', async () => {
    const { dir } = workspace(2);
    const r = await runCli(['build', 'reports/*.yaml', '--format', 'html,text', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.reports.map((x: { id: string }) => x.id)).toEqual(['r1', 'r2']);
    for (const id of ['r1', 'r2']) {
      expect(readFileSync(join(dir, 'dist', id, 'index.html'), 'utf8')).toContain('Delårsrapport 2 2022');
      const media = json.reports.find((x: { id: string }) => x.id === id).artifacts.map((a: { mediaType: string }) => a.mediaType.split(';')[0]);
      expect(media).toContain('text/html');
      expect(media).toContain('text/plain');
    }
  });

  it('--format docx writes rapport.docx, the same bytes on every build', async () => {
    const { dir, files } = workspace(1);
    const built = [];
    for (const out of ['a', 'b']) {
      const r = await runCli(['build', files[0]!, '--format', 'docx', '--out', out, '--json'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).reports[0].artifacts.map((a: { path: string; mediaType: string }) => [a.path, a.mediaType])).toEqual([
        ['rapport.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ]);
      built.push(readFileSync(join(dir, out, ID, 'rapport.docx')));
    }
    expect(built[0]!.subarray(0, 2).toString()).toBe('PK');
    expect(built[0]!.equals(built[1]!)).toBe(true);
  });

  it('builds reports from several folders without a config on one pool of workers', async () => {
    const dir = tempDir();
    const text = readFileSync(reportFixture, 'utf8');
    // One more report than cores: on one pool some worker must build two of them.
    const names = Array.from({ length: availableParallelism() + 1 }, (_, i) => `k${i}`);
    for (const n of names) {
      mkdirSync(join(dir, n));
      writeFileSync(join(dir, n, 'rapport.yaml'), text.replace(`id: ${ID}`, `id: kommun-${n}`));
    }
    const r = await runCli(['build', '*/rapport.yaml', '--plugin', pluginPath('counter'), '--format', 'counter'], { cwd: dir });
    expect(r.code).toBe(0);
    const counters = names.map((n) => JSON.parse(readFileSync(join(dir, 'dist', `kommun-${n}`, 'counter.json'), 'utf8')));
    expect(new Set(counters.map((c) => c.threadId)).size).toBeLessThanOrEqual(availableParallelism());
    expect(Math.max(...counters.map((c) => c.renders))).toBeGreaterThanOrEqual(2);
  });

  it('--jobs 1 builds several reports one after another on a single worker thread', async () => {
    const { dir } = workspace(4);
    const r = await runCli(['build', 'reports/*.yaml', '--plugin', pluginPath('counter'), '--format', 'counter', '--jobs', '1'], { cwd: dir });
    expect(r.code).toBe(0);
    const counters = ['r1', 'r2', 'r3', 'r4'].map((id) => JSON.parse(readFileSync(join(dir, 'dist', id, 'counter.json'), 'utf8')));
    expect(new Set(counters.map((c) => c.threadId)).size).toBe(1);
    expect(counters.map((c) => c.renders).sort()).toEqual([1, 2, 3, 4]);
  });

  it('--jobs must be a whole number of at least 1 (exit 2, nothing built)', async () => {
    const { dir, files } = workspace(2);
    for (const bad of ['0', '-1', '1.5', 'two']) {
      const r = await runCli(['build', files[0]!, '--format', 'text', '--jobs', bad], { cwd: dir });
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain(`--jobs must be a whole number of at least 1; found "${bad}"`);
    }
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('--timeout fails a report that is still building after that many seconds and builds the rest (exit 1)', async () => {
    const { dir } = workspace(3);
    const r = await runCli(['build', 'reports/*.yaml', '--plugin', pluginPath('hang'), '--format', 'hang', '--jobs', '1', '--timeout', '4'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('still building after 4 s, the time limit');
    expect(r.stdout).toContain('2 of 3 reports built');
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['r1', 'r3']);
  });

  it('--timeout must be a number of seconds above 0 (exit 2)', async () => {
    const { dir, files } = workspace(1);
    for (const bad of ['0', '-5', 'soon']) {
      const r = await runCli(['build', files[0]!, '--format', 'text', '--timeout', bad], { cwd: dir });
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain(`--timeout must be a number of seconds above 0 (at most 2000000); found "${bad}"`);
    }
  });

  it('rewrites one progress line in place on a terminal while several reports build', async () => {
    const { dir } = workspace(3);
    const r = await runMain(['build', 'reports/*.yaml', '--plugin', pluginPath('echo'), '--format', 'echo'], dir, true);
    expect(r.code).toBe(0);
    // Each update clears the line (\r, erase line) and writes [done/total] current report and the elapsed time.
    expect(r.stderr).toMatch(/\r\u001b\[2K\[[123]\/3\] reports\/r\d\.yaml \d+\.\d s/);
    expect(r.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(r.stdout.match(/^\[\d\/3\] \S+ reports\/r\d\.yaml → dist\/r\d\/ \(3 files, \d+ B\)$/gm)).toHaveLength(3);
  });

  it('exits 2 for a plugin that cannot be found and 1 for a module that is not a plugin', async () => {
    const { dir, files } = workspace(1);
    const missing = await runCli(['build', files[0]!, '--plugin', './nope.mjs'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^\[plugin \.\/nope\.mjs\] load: Cannot find the plugin file .*nope\.mjs\. \(plugin-not-found\)/);
    writeFileSync(join(dir, 'half.mjs'), "export default { name: 'half' };\n");
    const half = await runCli(['build', files[0]!, '--plugin', './half.mjs'], { cwd: dir });
    expect(half.code).toBe(1);
    expect(half.stderr).toContain('[plugin half] load: "./half.mjs" is not a valid plugin: `formats` must be a non-empty list');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('ends concurrent builds into one folder with one complete result', async () => {
    const { dir, files } = workspace(1);
    const greetings = ['Ett', 'Två', 'Tre'];
    await Promise.all(
      greetings.map((g, i) => {
        const cfgDir = join(dir, `c${i}`);
        mkdirSync(cfgDir);
        copyFileSync(join(dir, files[0]!), join(cfgDir, 'rapport.yaml'));
        writeFileSync(join(cfgDir, 'kommunrapport.config.json'), JSON.stringify({ plugins: [pluginPath('echo')], options: { echo: { greeting: g } } }));
        return runCli(['build', `c${i}/rapport.yaml`, '--format', 'echo', '--out', 'shared'], { cwd: dir });
      }),
    ).then((runs) => expect(runs.map((r) => r.code)).toEqual([0, 0, 0]));
    expect(readdirSync(join(dir, 'shared'))).toEqual([ID]);
    const files2 = snapshot(join(dir, 'shared', ID));
    expect(Object.keys(files2)).toEqual(['.kommunrapport-build.json', 'a.bin', 'data/report.json', 'z-last.txt']);
    expect(greetings.map((g) => `${g} ${ID}\n`)).toContain(Buffer.from(files2['z-last.txt']!, 'base64').toString());
  });

  it('builds the Eskilstuna example in all five formats, byte for byte the same twice', async () => {
    const out = tempDir();
    const example = join(repoRoot, 'examples/eskilstuna-ks-2022-delar2/rapport.yaml');
    const a = await runCli(['build', example, '--out', join(out, 'a'), '--json']);
    const b = await runCli(['build', example, '--out', join(out, 'b'), '--json']);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const ja = JSON.parse(a.stdout);
    const jb = JSON.parse(b.stdout);
    const id = ja.reports[0].id;
    const media = new Set(ja.reports[0].artifacts.map((x: { mediaType: string }) => x.mediaType.split(';')[0]));
    for (const type of ['text/html', 'application/pdf', 'text/plain', 'text/csv', 'application/json', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']) expect(media.has(type)).toBe(true);
    expect(ja.reports[0].artifacts).toEqual(jb.reports[0].artifacts);
    expect(snapshot(join(out, 'a', id))).toEqual(snapshot(join(out, 'b', id)));
  }, 120_000);
});

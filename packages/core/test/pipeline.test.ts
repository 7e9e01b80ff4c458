// The build pipeline: rendering in order, sorted artifacts with sizes and hashes, plugin
// errors isolated and named, bad artifacts refused, nothing published unless all succeed.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, cleanUpThread, formatProblem } from '../src/index.js';
import { plugin, reportFile, snapshot, tempDir, REPORT_ID } from './helpers.js';

const env = { SOURCE_DATE_EPOCH: '1700000000' };

describe('buildReport', () => {
  it('renders with each plugin and publishes sorted artifacts with size and SHA-256', async () => {
    const out = tempDir();
    const r = await buildReport({ file: reportFile, plugins: [await plugin('echo'), await plugin('other')], outDir: out, env });
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.id).toBe(REPORT_ID);
    expect(r.outDir).toBe(join(out, REPORT_ID));
    expect(r.artifacts.map((a) => a.path)).toEqual(['a.bin', 'data/report.json', 'other/index.txt', 'z-last.txt']);
    const bin = r.artifacts[0]!;
    expect(bin).toEqual({
      path: 'a.bin',
      bytes: 4,
      sha256: createHash('sha256').update(Buffer.from([0, 1, 2, 255])).digest('hex'),
      mediaType: 'application/octet-stream',
      plugin: 'echo',
    });
    expect(readFileSync(join(out, REPORT_ID, 'z-last.txt'), 'utf8')).toBe(`Hej ${REPORT_ID}\n`);
    expect(readFileSync(join(out, REPORT_ID, 'other/index.txt'), 'utf8')).toBe('Delårsrapport 2 2022');
    // Nothing but the report folder is left in the output root (no temp folder, no lock).
    expect(readdirSync(out)).toEqual([REPORT_ID]);
  });

  it('passes decoded options and SOURCE_DATE_EPOCH through the render context', async () => {
    const out = tempDir();
    const r = await buildReport({ file: reportFile, plugins: [await plugin('echo')], outDir: out, options: { echo: { greeting: 'Hallå', repeat: 2 } }, env });
    expect(r.ok).toBe(true);
    expect(readFileSync(join(out, REPORT_ID, 'z-last.txt'), 'utf8')).toBe(`HallåHallå ${REPORT_ID}\n`);
    // The fixture has no date, so the document date comes from SOURCE_DATE_EPOCH.
    expect(JSON.parse(readFileSync(join(out, REPORT_ID, 'data/report.json'), 'utf8')).date).toBe('2023-11-14T22:13:20.000Z');
  });

  it('is deterministic: two builds give the same bytes and the same summary', async () => {
    const plugins = [await plugin('echo'), await plugin('other')];
    const a = tempDir();
    const b = tempDir();
    const ra = await buildReport({ file: reportFile, plugins, outDir: a, env });
    const rb = await buildReport({ file: reportFile, plugins, outDir: b, env });
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(ra.artifacts).toEqual(rb.artifacts);
  });

  it('names a throwing plugin with its hook and file, fails, and leaves the previous output byte for byte', async () => {
    const out = tempDir();
    await buildReport({ file: reportFile, plugins: [await plugin('echo')], outDir: out, env });
    const before = snapshot(out);
    const r = await buildReport({ file: reportFile, plugins: [await plugin('echo'), await plugin('throws'), await plugin('other')], outDir: out, env, options: { echo: { greeting: 'Nytt' } } });
    expect(r.ok).toBe(false);
    expect(r.artifacts).toEqual([]);
    expect(r.problems).toEqual([{ code: 'plugin-failed', plugin: 'thrower', hook: 'render', file: reportFile, message: 'the finance table has no columns' }]);
    expect(formatProblem(r.problems[0]!)).toMatch(/^\[plugin thrower\] render .*report\.yaml: the finance table has no columns \(plugin-failed\)\n  hint: /);
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses an invalid report without calling any plugin', async () => {
    const out = tempDir();
    const file = join(out, 'broken.yaml');
    writeFileSync(file, readFileSync(reportFile, 'utf8').replace('code: "0999"', 'code: "999"'));
    const r = await buildReport({ file, plugins: [await plugin('throws')], outDir: join(out, 'dist'), env });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(['report-invalid']);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'invalid-value', path: 'municipality.code', line: 12, column: 9 }));
    expect(existsSync(join(out, 'dist'))).toBe(false);
  });

  it('builds a report with warnings, and refuses it under strict', async () => {
    const dir = tempDir();
    const file = join(dir, 'warn.yaml');
    // An outcome for a year after the period is a warning (year-outside-period).
    writeFileSync(file, readFileSync(reportFile, 'utf8').replace('- year: 2023\n                    kind: target', '- year: 2023\n                    kind: outcome'));
    const loose = await buildReport({ file, plugins: [await plugin('echo')], outDir: join(dir, 'a'), env });
    expect(loose.ok).toBe(true);
    expect(loose.diagnostics.map((d) => [d.code, d.severity])).toEqual([['year-outside-period', 'warning']]);
    const strict = await buildReport({ file, plugins: [await plugin('echo')], outDir: join(dir, 'b'), env, strict: true });
    expect(strict.ok).toBe(false);
    expect(strict.problems).toEqual([{ code: 'report-invalid', file, message: 'The report has 1 problem and was not built.' }]);
    expect(existsSync(join(dir, 'b'))).toBe(false);
  });

  it('reports a missing report file as file-unreadable, the code validate gives too', async () => {
    const r = await buildReport({ file: join(tempDir(), 'nope.yaml'), plugins: [], outDir: tempDir(), env });
    expect(r.problems.map((p) => p.code)).toEqual(['file-unreadable']);
  });

  it('gives file names relative to cwd when asked', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'reports'));
    copyFileSync(reportFile, join(root, 'reports', 'r.yaml'));
    const r = await buildReport({ file: join(root, 'reports', 'r.yaml'), plugins: [await plugin('echo')], outDir: join(root, 'dist'), env, cwd: root });
    expect(r.file).toBe('reports/r.yaml');
    expect(r.outDir).toBe(`dist/${REPORT_ID}`);
  });
});

describe('bad artifacts', () => {
  const cases: [string, RegExp][] = [
    ['absolute', /is absolute/],
    ['parent', /climbs out of the output folder/],
    ['nested', /climbs out of the output folder/],
    ['backslash', /contains a backslash/],
    ['duplicate', /"same\.txt" is already used by an earlier artifact of this plugin/],
    ['contents', /contents are number, not text or a Uint8Array/],
    ['notList', /render returned object, not a list of artifacts/],
    ['collides', /"z-last\.txt" is already used by plugin "echo"/],
  ];
  for (const [kind, message] of cases) {
    it(`refuses ${kind}, naming the plugin, and writes nothing anywhere`, async () => {
      const root = tempDir();
      const out = join(root, 'dist');
      await buildReport({ file: reportFile, plugins: [await plugin('echo')], outDir: out, env });
      const before = snapshot(root);
      const r = await buildReport({ file: reportFile, plugins: [await plugin('echo'), await plugin('bad')], outDir: out, options: { bad: { kind } }, env });
      expect(r.ok).toBe(false);
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ code: 'artifact-invalid', plugin: 'bad', hook: 'artifacts', file: reportFile });
      expect(r.problems[0]!.message).toMatch(message);
      expect(snapshot(root)).toEqual(before);
      expect(existsSync('/tmp/escaped.txt')).toBe(false);
    });
  }
});

describe('recovery', () => {
  it('removes temporary folders left by a dead process and puts back an output renamed away', async () => {
    const out = tempDir();
    await buildReport({ file: reportFile, plugins: [await plugin('echo')], outDir: out, env });
    const previous = snapshot(join(out, REPORT_ID));
    // Simulate a process (pid 2147483646, not running) killed between the two renames of the swap.
    const dead = 2147483646;
    mkdirSync(join(out, `.${REPORT_ID}.tmp-${dead}-0-1`, 'half'), { recursive: true });
    writeFileSync(join(out, `.${REPORT_ID}.tmp-${dead}-0-1`, 'half', 'x.txt'), 'half written');
    const { renameSync } = await import('node:fs');
    renameSync(join(out, REPORT_ID), join(out, `.${REPORT_ID}.old-${dead}-0-2`));
    writeFileSync(join(out, `.${REPORT_ID}.lock`), `${dead}\n`);
    // A failing build still repairs the folder first.
    const r = await buildReport({ file: reportFile, plugins: [await plugin('throws')], outDir: out, env });
    expect(r.ok).toBe(false);
    expect(readdirSync(out)).toEqual([REPORT_ID]);
    expect(snapshot(join(out, REPORT_ID))).toEqual(previous);
  });

  it('cleans up after a dead worker thread of this (living) process, and only after that thread', async () => {
    const out = tempDir();
    await buildReport({ file: reportFile, plugins: [await plugin('echo')], outDir: out, env });
    const previous = snapshot(join(out, REPORT_ID));
    const { renameSync } = await import('node:fs');
    renameSync(join(out, REPORT_ID), join(out, `.${REPORT_ID}.old-${process.pid}-77-2`));
    mkdirSync(join(out, `.${REPORT_ID}.tmp-${process.pid}-77-1`));
    mkdirSync(join(out, `.other.tmp-${process.pid}-78-1`));
    cleanUpThread(out, 77);
    expect(readdirSync(out).sort()).toEqual([`.other.tmp-${process.pid}-78-1`, REPORT_ID]);
    expect(snapshot(join(out, REPORT_ID))).toEqual(previous);
  });

  it('leaves other reports and unrelated files in the output root alone', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'other-report'));
    copyFileSync(reportFile, join(out, 'other-report', 'keep.yaml'));
    writeFileSync(join(out, `.other-report.tmp-2147483646-0-1`), '');
    const r = await buildReport({ file: reportFile, plugins: [await plugin('echo')], outDir: out, env });
    expect(r.ok).toBe(true);
    expect(readdirSync(out).sort()).toEqual([`.other-report.tmp-2147483646-0-1`, REPORT_ID, 'other-report']);
  });

  it('ends concurrent builds into one folder with one complete result', async () => {
    const out = tempDir();
    const echo = await plugin('echo');
    const greetings = ['Ett', 'Två', 'Tre', 'Fyra', 'Fem', 'Sex'];
    const results = await Promise.all(greetings.map((greeting) => buildReport({ file: reportFile, plugins: [echo], outDir: out, env, options: { echo: { greeting } } })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(readdirSync(out)).toEqual([REPORT_ID]);
    const files = snapshot(join(out, REPORT_ID));
    expect(Object.keys(files)).toEqual(['.kommunrapport-build.json', 'a.bin', 'data/report.json', 'z-last.txt']);
    const text = Buffer.from(files['z-last.txt']!, 'base64').toString();
    expect(greetings.map((g) => `${g} ${REPORT_ID}\n`)).toContain(text);
  });
});

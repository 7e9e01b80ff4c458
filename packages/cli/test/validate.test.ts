import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../src/index.js';

const modelFixtures = fileURLToPath(new URL('../../model/test/fixtures/', import.meta.url));
const minimal = readFileSync(join(modelFixtures, 'valid/minimal.yaml'), 'utf8');

/** The report with another id, so it can be validated (and built) beside the others. */
const withId = (text: string, id: string) => text.replace(/^id: .*$/m, `id: ${id}`);

/** A folder with a valid report, one with an error and one with only a warning, each with its own id. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kommunrapport-cli-'));
  writeFileSync(join(dir, 'ok.yaml'), minimal);
  writeFileSync(join(dir, 'bad.yaml'), withId(minimal.replace('men: 35', 'men: 36'), 'bad'));
  writeFileSync(join(dir, 'warn.yaml'), withId(minimal.replace('values: { prognos: -5.8 }', 'values: { prognos: -6.4 }').replace('role: incomeStatement', 'role: headline'), 'warn'));
  writeFileSync(join(dir, 'broken.yaml'), 'id: [unclosed\n');
  mkdirSync(join(dir, 'folder.yaml'));
  return dir;
}

async function run(argv: string[], cwd = workspace(), isTTY = false) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, isTTY };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('kommunrapport validate', () => {
  it('exits 0 for a valid report and prints the summary', async () => {
    const r = await run(['validate', 'ok.yaml']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Exempelstad (0999) · Kommunstyrelsen (KS) · januari–augusti 2022');
    expect(r.stdout).toContain('1 area · 1 goal · 2 commitments · 3 indicators');
    expect(r.stdout).toContain('0 errors · 0 warnings · 0 info');
    expect(r.stdout).toContain('✓ ok.yaml is valid');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('exits 1 with the findings for a report with an error', async () => {
    const r = await run(['validate', 'bad.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bad.yaml:77:14  error  gender-sum-mismatch  sections[2].headcount.total');
    expect(r.stdout).toContain('1 error · 0 warnings');
    expect(r.stdout).toContain('✗ bad.yaml is not valid');
  });

  it('finds the files as build does: a quoted glob pattern gives its matches, a file named twice is validated once', async () => {
    const dir = workspace();
    const r = await run(['validate', '--json', 'ok.yaml', './ok.yaml', '[bw]*.yaml'], dir);
    const files = (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file);
    // folder.yaml is a folder, which the pattern (files only, as build's) leaves out.
    expect(files).toEqual(['ok.yaml', 'bad.yaml', 'broken.yaml', 'warn.yaml']);
    const none = await run(['validate', 'nothing-*.yaml'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('nothing-*.yaml');
  });

  it('lists every file\'s findings but a hint once when several files are validated, as build does; one file and --json keep every hint', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'warn2.yaml'), withId(readFileSync(join(dir, 'warn.yaml'), 'utf8'), 'warn2'));
    const count = (text: string, part: string) => text.split(part).length - 1;
    const one = await run(['validate', 'warn.yaml'], dir);
    const hints = count(one.stdout, '  hint:  ');
    expect(hints).toBeGreaterThan(0);
    const both = await run(['validate', 'warn.yaml', 'warn2.yaml'], dir);
    expect(both.code).toBe(0);
    expect(count(both.stdout, '  warning  ')).toBe(2 * count(one.stdout, '  warning  '));
    expect(count(both.stdout, '  hint:  ')).toBe(hints);
    const quiet = await run(['validate', '-q', 'warn.yaml', 'warn2.yaml'], dir);
    expect(count(quiet.stdout, '  hint:  ')).toBe(hints);
    const json = JSON.parse((await run(['validate', '--json', 'warn.yaml', 'warn2.yaml'], dir)).stdout) as { diagnostics: { hint?: string }[] }[];
    expect(json.map((f) => f.diagnostics.filter((d) => d.hint).length)).toEqual([hints, hints]);
  });

  it('exits 0 for warnings, 1 under --strict', async () => {
    const dir = workspace();
    expect((await run(['validate', 'warn.yaml'], dir)).code).toBe(0);
    const strict = await run(['validate', '--strict', 'warn.yaml'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('warnings count as errors under --strict');
  });

  it('prints JSON of the documented shape', async () => {
    const r = await run(['validate', 'bad.yaml', '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toEqual({
      file: 'bad.yaml',
      ok: false,
      summary: { areas: 1, goals: 1, commitments: 2, indicators: 3 },
      diagnostics: [
        {
          code: 'gender-sum-mismatch',
          severity: 'error',
          path: 'sections[2].headcount.total',
          line: 77,
          column: 14,
          message: 'Women (67) and men (36) of the headcount add up to 103, not the total 102.',
          expected: 'total 103',
          found: '102',
          hint: 'Check the three figures against the source.',
          file: 'bad.yaml',
        },
      ],
    });
  });

  it('prints an array for several files and takes the worst exit code', async () => {
    const r = await run(['validate', '--json', 'ok.yaml', 'warn.yaml', 'broken.yaml']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.map((j: { file: string; ok: boolean }) => [j.file, j.ok])).toEqual([['ok.yaml', true], ['warn.yaml', true], ['broken.yaml', false]]);
    expect(json[2].summary).toBeNull();
    expect(json[2].diagnostics[0]).toMatchObject({ code: 'yaml-syntax', line: 2 });
  });

  it('exits 2 for a missing file or a folder, without a stack trace', async () => {
    const r = await run(['validate', 'ok.yaml', 'missing.yaml', 'folder.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Cannot read missing.yaml: no such file.');
    expect(r.stderr).toContain('Cannot read folder.yaml: it is a folder.');
    expect(r.stdout).toContain('✓ ok.yaml is valid');
    expect(r.stdout).not.toContain('missing.yaml');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    const json = JSON.parse((await run(['validate', '--json', 'missing.yaml'])).stdout);
    expect(json).toMatchObject({ ok: false, summary: null, diagnostics: [{ code: 'file-unreadable' }] });
  });

  it('colours severities only on a terminal', async () => {
    const r = await run(['validate', 'bad.yaml'], workspace(), true);
    expect(r.stdout).toMatch(/\u001b\[31merror\u001b\[39m/);
  });

  it('runs every file of the invalid corpus without a stack trace', async () => {
    const r = await run(['validate', '--json', ...readdirYaml(join(modelFixtures, 'invalid'))], join(modelFixtures, 'invalid'));
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { code: string; severity: string; line: number | null }[] }[];
    expect(json.length).toBeGreaterThanOrEqual(30);
    // The corpus is variants of one report with one id, which build refuses to build together:
    // each file whose id can be read says so at its id.
    const shared = json.filter((j) => j.diagnostics.some((d) => d.code === 'duplicate-report-id'));
    expect(shared.length).toBeGreaterThanOrEqual(30);
    expect(json.length - shared.length).toBe(3); // empty-file, root-is-list, alias-bomb: no id to read
    expect(shared.every((j) => !j.ok)).toBe(true);
    // Besides that, the cases whose finding is a warning or information, not an error, are valid; cases.json says which.
    const cases = JSON.parse(readFileSync(join(modelFixtures, 'invalid', 'cases.json'), 'utf8')) as Record<string, { severity: string }>;
    const notErrors = Object.values(cases).filter((c) => c.severity !== 'error').length;
    expect(notErrors).toBeGreaterThanOrEqual(6);
    expect(json.filter((j) => !j.diagnostics.some((d) => d.severity === 'error' && d.code !== 'duplicate-report-id')).length).toBe(notErrors);
  });
});

function readdirYaml(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
}

describe('kommunrapport validate -q and -v, as build has them', () => {
  it('-q prints nothing for a valid file, only the problems and the verdict of a file with them', async () => {
    const dir = workspace();
    expect(await run(['validate', '-q', 'ok.yaml'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    const bad = await run(['validate', '--quiet', 'ok.yaml', 'bad.yaml'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe(bad.stdout.slice(bad.stdout.indexOf('bad.yaml:77:14')));
    expect(bad.stdout).toContain('bad.yaml:77:14  error  gender-sum-mismatch  sections[2].headcount.total');
    expect(bad.stdout).toMatch(/✗ bad\.yaml is not valid\n$/);
    expect(bad.stdout).not.toContain('Exempelstad');
    expect(bad.stdout).not.toContain('ok.yaml');
    // A warning is a problem: printed, but the file is valid and says nothing more.
    const warn = await run(['validate', '-q', 'warn.yaml'], dir);
    expect(warn.code).toBe(0);
    expect(warn.stdout).toMatch(/^warn\.yaml:\d+:\d+  warning  /);
    expect(warn.stdout).not.toContain('is valid');
    // A file that cannot be read is a problem too.
    const missing = await run(['validate', '-q', 'missing.yaml'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('file-unreadable');
  });

  it('-v also prints what was read: sections, tables and the image files checked', async () => {
    const plain = await run(['validate', '-v', 'ok.yaml']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('  read: 6 sections (1 perspective) · 2 tables · 0 images\n');
    expect((await run(['validate', 'ok.yaml'])).stdout).not.toContain('read:');
    const images = fileURLToPath(new URL('../../core/test/fixtures/images/', import.meta.url));
    const withImages = await run(['validate', '--verbose', 'rapport.yaml'], images);
    expect(withImages.code).toBe(0);
    expect(withImages.stdout).toMatch(/ {2}read: \d+ sections? \(\d+ perspectives?\) · \d+ tables? · 2 images \(bilder\/karta\.png, linje\.jpg\)\n/);
  });

  it('--json is the same with -q or -v', async () => {
    const dir = workspace();
    const json = (await run(['validate', '--json', 'bad.yaml'], dir)).stdout;
    expect((await run(['validate', '--json', '-q', 'bad.yaml'], dir)).stdout).toBe(json);
    expect((await run(['validate', '--json', '-v', 'bad.yaml'], dir)).stdout).toBe(json);
  });
});

describe('kommunrapport usage', () => {
  it('prints help with exit 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: kommunrapport');
    expect(r.stdout).toContain('validate');
    const sub = await run(['validate', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--strict');
    expect(sub.stdout).toContain('Exit codes: 0 valid');
  });

  it('prints the version of the package', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const r = await run(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('exits 2 for usage errors', async () => {
    expect((await run([])).code).toBe(2);
    const unknown = await run(['valdate', 'x.yaml']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'valdate'");
    expect((await run(['validate'])).code).toBe(2);
    expect((await run(['validate', '--jsn', 'ok.yaml'])).code).toBe(2);
  });
});

describe('kommunrapport validate: images of the text', () => {
  const images = fileURLToPath(new URL('../../core/test/fixtures/images/', import.meta.url));

  it('reads the images as the build does: a missing file is an error with its line and path, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kommunrapport-cli-images-'));
    const text = readFileSync(join(images, 'rapport.yaml'), 'utf8');
    writeFileSync(join(dir, 'rapport.yaml'), text.replace('](linje.jpg)', '](saknas.jpg)'));
    mkdirSync(join(dir, 'bilder'));
    writeFileSync(join(dir, 'bilder', 'karta.png'), readFileSync(join(images, 'bilder', 'karta.png')));
    const line = text.split('\n').findIndex((l) => l.includes('](linje.jpg)')) + 1;
    const r = await run(['validate', 'rapport.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`rapport.yaml:${line}`);
    expect(r.stdout).toContain('image-unreadable  sections[1].areas[0].goals[0].body');
    expect(r.stdout).toContain('The image "saknas.jpg" cannot be read: there is no such file in the report\'s folder.');
    expect((await run(['validate', 'rapport.yaml'], images)).code).toBe(0);
  });
});

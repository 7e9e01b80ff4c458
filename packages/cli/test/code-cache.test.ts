// The CLI's one-file bundle and its V8 code cache (scripts/bundle.mjs, bin/code-cache.js,
// bin/kommunrapport.js): the bin runs the bundle with the cache when both are up to date,
// the bundle compiled from source when the cache does not fit, and dist/index.js otherwise,
// with the same bytes out each way; a stale bundle or a damaged cache is noticed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshot } from './cli-helpers.js';
import { CODE_CACHE_DIR, fileHash, freshBundle, readRecorded } from '../bin/code-cache.js';
import { bin, repoRoot } from './hardening/dist.js';

const env = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' };
const examples = readdirSync(join(repoRoot, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(repoRoot, 'examples', d.name, 'rapport.yaml')))
  .map((d) => join('examples', d.name, 'rapport.yaml'));

/** Fails with the command to run when `pnpm build` has not made the bundle. */
function requireBundle(): void {
  const fresh = freshBundle();
  if (!('stamp' in fresh)) throw new Error(`The CLI's bundle cannot be used: ${fresh.reason}. Run pnpm build (it builds dist/code-cache/), then the tests.`);
}

function run(args: string[], mode: '0' | 'require' | undefined, { cwd = repoRoot, command = bin, nodeArgs = [] as string[] } = {}) {
  return spawnSync(process.execPath, [...nodeArgs, command, ...args], { cwd, env: { ...env, KOMMUNRAPPORT_CODE_CACHE: mode }, encoding: 'utf8' });
}

/**
 * A copy of the bin with the real bundle and a damaged cache of the same size, and without
 * dist/index.js: it can only build by running the bundle, compiled from source.
 */
function binWithDamagedCache(): string {
  const tree = mkdtempSync(join(tmpdir(), 'kr-damaged-cache-'));
  mkdirSync(join(tree, 'bin'));
  mkdirSync(join(tree, 'dist/code-cache'), { recursive: true });
  for (const f of ['kommunrapport.js', 'code-cache.js']) copyFileSync(join(repoRoot, 'packages/cli/bin', f), join(tree, 'bin', f));
  copyFileSync(join(CODE_CACHE_DIR, 'bundle.cjs'), join(tree, 'dist/code-cache/bundle.cjs'));
  writeFileSync(join(tree, 'dist/code-cache/stamp.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(CODE_CACHE_DIR, 'stamp.json'), 'utf8')), root: tree }));
  const cache = readFileSync(join(CODE_CACHE_DIR, 'bundle.cache'));
  for (let i = 64; i < cache.length; i += 4099) cache[i]! ^= 0x55;
  writeFileSync(join(tree, 'dist/code-cache/bundle.cache'), cache);
  return join(tree, 'bin/kommunrapport.js');
}

describe('running the bundle with its code cache', () => {
  it('builds every bundled example to the same bytes with the cache, with a damaged cache, with the normal start and in one batch worker after the others', () => {
    requireBundle();
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const out = mkdtempSync(join(tmpdir(), 'kr-code-cache-'));
    // One report per build: only a single build renders in this process, with the bundle's
    // code (several reports go to worker threads, which load the packages' dist/ files).
    const build = (name: string, mode: '0' | 'require' | undefined, command = bin) => {
      for (const example of examples) {
        const r = run(['build', example, '--out', join(out, name)], mode, { command });
        expect(r.stderr, name).not.toMatch(/KOMMUNRAPPORT_CODE_CACHE=require/);
        expect(r.status, `${name}: ${r.stdout}${r.stderr}`).toBe(0);
      }
      return snapshot(join(out, name));
    };
    const cached = build('cached', 'require');
    expect(Object.keys(cached).length).toBeGreaterThan(10 * examples.length);
    expect(build('normal', '0')).toEqual(cached);
    expect(build('damaged-cache', undefined, binWithDamagedCache())).toEqual(cached);
    // All of them in one worker: each report after the first is built where others were
    // built before it (shared fonts and caches), and must still be the report built alone.
    const batch = run(['build', ...examples, '--jobs', '1', '--out', join(out, 'batch')], undefined);
    expect(batch.status, `${batch.stdout}${batch.stderr}`).toBe(0);
    expect(snapshot(join(out, 'batch'))).toEqual(cached);
  });

  it('does not use a damaged cache (V8 would crash on it) and says so when the cache is required', () => {
    requireBundle();
    const r = run(['--version'], 'require', { command: binWithDamagedCache() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the code cache was not used: bundle.cache is not the one stamp.json records');
  });

  it('compiles the bundle from source when V8 rejects the cache under other flags, with the same result', () => {
    requireBundle();
    const nodeArgs = ['--max-old-space-size=256'];
    const required = run(['validate', examples[0]!], 'require', { nodeArgs });
    expect(required.status).toBe(2);
    expect(required.stderr).toContain('the code cache was not used: rejected');
    const withOption = run(['validate', examples[0]!], undefined, { nodeArgs });
    expect(withOption.status, withOption.stderr).toBe(0);
    expect(withOption.stdout).toBe(run(['validate', examples[0]!], 'require').stdout);
  });

  it('resolves relative paths against the folder it is started in', () => {
    requireBundle();
    const result = run(['validate', 'rapport.yaml'], 'require', { cwd: join(repoRoot, 'examples/eskilstuna-ks-2022-delar2') });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('✓ rapport.yaml is valid');
  });

  it('passes every argument to the CLI, also those Node itself would take (--version, --help)', () => {
    requireBundle();
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')) as { version: string };
    expect(run(['--version'], 'require').stdout.trim()).toBe(pkg.version);
    const help = run(['build', '--help'], 'require');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: kommunrapport build/);
    const bad = run(['validate', 'no-such-file.yaml'], 'require');
    expect(bad.status).toBe(2);
    expect(bad.stdout + bad.stderr).toMatch(/file-unreadable/);
  });
});

describe('freshBundle', () => {
  /** A bundle folder whose stamp records one input file. */
  function fixture() {
    const dir = join(mkdtempSync(join(tmpdir(), 'kr-stamp-')), 'dist/code-cache');
    mkdirSync(dir, { recursive: true });
    const input = join(dir, 'input.js');
    writeFileSync(input, 'export const a = 1;\n');
    const record = () => {
      const s = statSync(input);
      writeFileSync(join(dir, 'stamp.json'), JSON.stringify({ node: process.version, root: resolve(dir, '../..'), bundle: { size: 1, sha1: 'x' }, inputs: [{ path: input, size: s.size, mtimeMs: s.mtimeMs, sha1: fileHash(input) }] }));
    };
    return { dir: `${dir}/`, input, record };
  }

  it('accepts a bundle whose inputs are as recorded, also when only their times changed', () => {
    const f = fixture();
    f.record();
    expect(freshBundle(f.dir)).toHaveProperty('stamp');
    utimesSync(f.input, new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(freshBundle(f.dir)).toHaveProperty('stamp');
  });

  it('reads the bundle or cache as recorded by its size and time, and by its SHA-1 once it was written again', () => {
    const f = fixture();
    const bytes = readFileSync(f.input);
    const { size, mtimeMs } = statSync(f.input);
    const sha1 = fileHash(bytes);
    // Size and time as recorded: taken without hashing (a wrong SHA-1 in the record shows it is not computed).
    expect(readRecorded(f.input, { size, mtimeMs, sha1: '0'.repeat(40) })).toEqual(bytes);
    // Another time: only the recorded SHA-1 makes it the same file.
    expect(readRecorded(f.input, { size, mtimeMs: mtimeMs + 1, sha1 })).toEqual(bytes);
    expect(readRecorded(f.input, { size, mtimeMs: mtimeMs + 1, sha1: '0'.repeat(40) })).toBeUndefined();
    expect(readRecorded(f.input, { size, sha1: '0'.repeat(40) })).toBeUndefined();
    // Another size is never the recorded file.
    expect(readRecorded(f.input, { size: size + 1, mtimeMs, sha1 })).toBeUndefined();
  });

  it('refuses a bundle when a bundled file changed or is gone, or when there is none', () => {
    const f = fixture();
    f.record();
    writeFileSync(f.input, 'export const a = 2;\n');
    expect(freshBundle(f.dir)).toEqual({ reason: `${f.input} changed after the bundle was built` });
    f.record();
    writeFileSync(f.input, 'export const a = 3;\n');
    utimesSync(f.input, new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(freshBundle(f.dir)).toEqual({ reason: `${f.input} changed after the bundle was built` });
    expect((freshBundle(join(tmpdir(), 'kr-no-such-folder/')) as { reason: string }).reason).toMatch(/no bundle/);
  });

  it('refuses a bundle built in another folder (its code names that folder’s files)', () => {
    const f = fixture();
    f.record();
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'kr-elsewhere-')), 'dist/code-cache');
    mkdirSync(elsewhere, { recursive: true });
    copyFileSync(join(f.dir, 'stamp.json'), join(elsewhere, 'stamp.json'));
    expect((freshBundle(`${elsewhere}/`) as { reason: string }).reason).toBe(`the bundle was built in ${resolve(f.dir, '../..')}`);
  });

  it('starts normally from dist/index.js when a bundled file changed after the bundle was built', () => {
    requireBundle();
    // A copy of the bin whose stamp records one bundled file with other contents: the bin then
    // loads dist/index.js, which the copy does not have (so the import fails, naming it).
    const tree = mkdtempSync(join(tmpdir(), 'kr-stale-'));
    mkdirSync(join(tree, 'bin'));
    mkdirSync(join(tree, 'dist/code-cache'), { recursive: true });
    for (const f of ['kommunrapport.js', 'code-cache.js']) copyFileSync(join(repoRoot, 'packages/cli/bin', f), join(tree, 'bin', f));
    for (const f of ['bundle.cjs', 'bundle.cache']) copyFileSync(join(CODE_CACHE_DIR, f), join(tree, 'dist/code-cache', f));
    const stamp = JSON.parse(readFileSync(join(CODE_CACHE_DIR, 'stamp.json'), 'utf8')) as { root: string; inputs: { sha1: string; mtimeMs: number }[] };
    stamp.root = tree;
    stamp.inputs[0]!.sha1 = '0'.repeat(40);
    stamp.inputs[0]!.mtimeMs += 1;
    writeFileSync(join(tree, 'dist/code-cache/stamp.json'), JSON.stringify(stamp));
    const required = run(['--version'], 'require', { command: join(tree, 'bin/kommunrapport.js') });
    expect(required.status).toBe(2);
    expect(required.stderr).toMatch(/changed after the bundle was built/);
    const normal = run(['--version'], undefined, { command: join(tree, 'bin/kommunrapport.js') });
    expect(normal.status).not.toBe(0);
    expect(normal.stderr).toMatch(/ERR_MODULE_NOT_FOUND[\s\S]*dist\/index\.js|dist\/index\.js[\s\S]*ERR_MODULE_NOT_FOUND/);
    // Quietly by default; with -v it says why and what makes the bundle again.
    expect(normal.stderr).not.toMatch(/without the code-cached bundle/);
    const verbose = run(['build', 'x.yaml', '-v'], undefined, { command: join(tree, 'bin/kommunrapport.js') });
    expect(verbose.stderr).toMatch(/^kommunrapport: starting without the code-cached bundle, because .+ changed after the bundle was built; pnpm build makes it again\.\n/);
  });

  it('looks in the package’s dist/code-cache folder by default', () => {
    expect(CODE_CACHE_DIR.endsWith('packages/cli/dist/code-cache/')).toBe(true);
  });
});

// The V8 startup snapshot of the CLI (scripts/snapshot.mjs, bin/kommunrapport.js): the bin
// starts from it when it is up to date and from dist/index.js otherwise, with the same bytes
// out; a stale snapshot is noticed; the started process dies with the bin and takes its
// signals.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshot } from './cli-helpers.js';
import { freshSnapshot, fileHash, SNAPSHOT_DIR } from '../bin/snapshot.js';
import { bin, repoRoot } from './hardening/dist.js';

const env = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' };
const examples = readdirSync(join(repoRoot, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(repoRoot, 'examples', d.name, 'rapport.yaml')))
  .map((d) => join('examples', d.name, 'rapport.yaml'));

/** Fails with the command to run when `pnpm build` has not made the snapshot. */
function requireSnapshot(): void {
  const fresh = freshSnapshot();
  if (!('blob' in fresh)) throw new Error(`The CLI's startup snapshot cannot be used: ${fresh.reason}. Run pnpm build (it builds dist/snapshot/), then the tests.`);
}

function run(args: string[], mode: '0' | 'require', cwd = repoRoot) {
  return spawnSync(process.execPath, [bin, ...args], { cwd, env: { ...env, KOMMUNRAPPORT_SNAPSHOT: mode }, encoding: 'utf8' });
}

describe('starting from the snapshot', () => {
  it('builds every bundled example to the same bytes as the normal start', () => {
    requireSnapshot();
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const out = mkdtempSync(join(tmpdir(), 'kr-snapshot-'));
    const fromSnapshot = run(['build', ...examples, '--out', join(out, 'snapshot'), '--jobs', '1'], 'require');
    expect(fromSnapshot.stderr).not.toMatch(/KOMMUNRAPPORT_SNAPSHOT=require/);
    expect(fromSnapshot.status, fromSnapshot.stdout + fromSnapshot.stderr).toBe(0);
    const normal = run(['build', ...examples, '--out', join(out, 'normal'), '--jobs', '1'], '0');
    expect(normal.status, normal.stdout + normal.stderr).toBe(0);
    const a = snapshot(join(out, 'snapshot'));
    const b = snapshot(join(out, 'normal'));
    expect(Object.keys(a).length).toBeGreaterThan(10 * examples.length);
    expect(a).toEqual(b);
  });

  it('resolves relative paths against the folder it is started in, not the one the snapshot was built in', () => {
    requireSnapshot();
    const result = run(['validate', 'rapport.yaml'], 'require', join(repoRoot, 'examples/eskilstuna-ks-2022-delar2'));
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('✓ rapport.yaml is valid');
  });

  it('passes every argument to the CLI, also those Node itself would take (--version, --help)', () => {
    requireSnapshot();
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')) as { version: string };
    const version = run(['--version'], 'require');
    expect(version.stdout.trim()).toBe(pkg.version);
    const help = run(['build', '--help'], 'require');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: kommunrapport build/);
    const bad = run(['validate', 'no-such-file.yaml'], 'require');
    expect(bad.status).toBe(2);
    expect(bad.stdout + bad.stderr).toMatch(/file-unreadable/);
  });

  it('starts normally when Node options are given, since a snapshot only runs under the V8 settings it was built with', () => {
    requireSnapshot();
    const withOption = spawnSync(process.execPath, ['--max-old-space-size=256', bin, 'validate', examples[0]!], { cwd: repoRoot, env: { ...env, KOMMUNRAPPORT_SNAPSHOT: 'require' }, encoding: 'utf8' });
    expect(withOption.status).toBe(2);
    expect(withOption.stderr).toMatch(/Node options are given/);
    const normal = spawnSync(process.execPath, ['--max-old-space-size=256', bin, 'validate', examples[0]!], { cwd: repoRoot, env, encoding: 'utf8' });
    expect(normal.status, normal.stderr).toBe(0);
    const viaEnv = spawnSync(process.execPath, [bin, 'validate', examples[0]!], { cwd: repoRoot, env: { ...env, NODE_OPTIONS: '--max-old-space-size=256' }, encoding: 'utf8' });
    expect(viaEnv.status, viaEnv.stderr).toBe(0);
  });

  it('ends the started process when the bin is killed with SIGKILL, and forwards SIGTERM', async () => {
    requireSnapshot();
    const started = async () => {
      const child = spawn(process.execPath, [bin, 'preview', join(repoRoot, examples[0]!), '--port', '0'], { cwd: repoRoot, env: { ...env, KOMMUNRAPPORT_SNAPSHOT: 'require' }, stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<{ code: number | null; signal: string | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
      // The snapshot process is the bin's only child (once it has replaced the forked copy of the bin).
      let inner = 0;
      for (let i = 0; i < 400 && !inner; i++) {
        await new Promise((r) => setTimeout(r, 25));
        const pid = Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/)[0] || 0);
        if (pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--snapshot-blob')) inner = pid;
      }
      expect(inner).toBeGreaterThan(0);
      return { child, exited, inner };
    };
    const gone = async (pid: number) => {
      for (let i = 0; i < 200; i++) {
        if (!existsSync(`/proc/${pid}`) || /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'))) return true;
        await new Promise((r) => setTimeout(r, 25));
      }
      return false;
    };

    const killed = await started();
    killed.child.kill('SIGKILL');
    expect((await killed.exited).signal).toBe('SIGKILL');
    expect(await gone(killed.inner)).toBe(true);

    const terminated = await started();
    terminated.child.kill('SIGTERM');
    await terminated.exited;
    expect(await gone(terminated.inner)).toBe(true);
  });
});

describe('freshSnapshot', () => {
  /** A snapshot folder whose stamp records one input file. */
  function fixture() {
    const dir = mkdtempSync(join(tmpdir(), 'kr-stamp-'));
    const input = join(dir, 'input.js');
    writeFileSync(input, 'export const a = 1;\n');
    writeFileSync(join(dir, 'snapshot.blob'), 'blob');
    const record = (over: Record<string, unknown> = {}) => {
      const s = statSync(input);
      writeFileSync(join(dir, 'stamp.json'), JSON.stringify({ node: process.version, execPath: process.execPath, blob: { size: 4 }, inputs: [{ path: input, size: s.size, mtimeMs: s.mtimeMs, sha256: fileHash(input) }], ...over }));
    };
    return { dir: `${dir}/`, input, record };
  }

  it('accepts a snapshot whose inputs are as recorded, also when only their times changed', () => {
    const f = fixture();
    f.record();
    expect(freshSnapshot(f.dir)).toEqual({ blob: `${f.dir}snapshot.blob` });
    utimesSync(f.input, new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(freshSnapshot(f.dir)).toEqual({ blob: `${f.dir}snapshot.blob` });
  });

  it('refuses a snapshot when a bundled file changed, is gone, or another Node built it', () => {
    const f = fixture();
    f.record();
    writeFileSync(f.input, 'export const a = 2;\n');
    expect(freshSnapshot(f.dir)).toEqual({ reason: `${f.input} changed after the snapshot was built` });
    f.record({ node: 'v0.0.1' });
    expect((freshSnapshot(f.dir) as { reason: string }).reason).toMatch(/built by Node v0\.0\.1/);
    f.record();
    writeFileSync(join(f.dir, 'snapshot.blob'), 'bl');
    expect(freshSnapshot(f.dir)).toEqual({ reason: 'snapshot.blob is incomplete' });
    expect((freshSnapshot(join(tmpdir(), 'kr-no-such-folder/')) as { reason: string }).reason).toMatch(/no snapshot/);
  });

  it('looks in the package’s dist/snapshot folder by default', () => {
    expect(SNAPSHOT_DIR.endsWith('packages/cli/dist/snapshot/')).toBe(true);
  });
});

// Class: the plugin host, single builds. One report built with only the first-party plugins
// runs in the process (from the startup snapshot when it is fresh), where a timer cannot
// fire while a plugin works without yielding. The render stage runs under node:vm's time
// limit there, so a layout that takes longer than --timeout (here 1 MB of long words, about
// four seconds of synchronous PDF layout, with --timeout 0.5) is stopped at the limit and
// named, with exit 1 and nothing written, from the snapshot and without it. A plugin that
// holds the thread after its first wait (a loop, or an endless chain of promise jobs) is
// out of node:vm's reach and blocks every timer: core's watchdog thread stops it.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFixture, snapshot, tempDir } from '../cli-helpers.js';
import { bin, ensureBuilt, repoRoot } from './dist.js';
import { pathologicalReport } from './pathological-text.js';

const root = tempDir('kr-single-limit-');
const file = join(root, 'rapport.yaml');
const figures: string[] = [];
beforeAll(() => {
  ensureBuilt(['packages/model', 'packages/core', 'plugins/html', 'plugins/pdf', 'plugins/text', 'plugins/open-data', 'plugins/docx', 'packages/cli']);
  // The snapshot is stale when a package it holds was rebuilt after it: build it again.
  const probe = spawnSync(process.execPath, [bin, '--version'], { env: { ...process.env, KOMMUNRAPPORT_SNAPSHOT: 'require' } });
  if (probe.status !== 0) execFileSync('pnpm', ['build'], { cwd: join(repoRoot, 'packages/cli'), stdio: 'ignore' });
  writeFileSync(file, pathologicalReport('prose', 1_000_000));
}, 300_000);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  console.log(`single in-process build under --timeout (CPU seconds):\n${figures.join('\n')}`);
});

/** Builds the PDF with the real bin; exit code, output and CPU seconds (GNU time). */
function build(name: string, snapshot: '0' | 'require', timeout?: string) {
  const out = join(root, `out-${name}`);
  const r = spawnSync('/usr/bin/time', ['-f', 'KR-TIME %U %S', process.execPath, bin, 'build', file, '-f', 'pdf', '-o', out, ...(timeout ? ['--timeout', timeout] : [])], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, KOMMUNRAPPORT_SNAPSHOT: snapshot },
  });
  const m = /KR-TIME ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (!m) throw new Error(`GNU time is needed (apt-get install -y time): ${r.stderr.slice(-300)}`);
  const cpu = Number(m[1]) + Number(m[2]);
  figures.push(`  ${name.padEnd(28)} ${cpu.toFixed(2)} s  exit ${r.status}`);
  return { code: r.status, output: `${r.stdout}${r.stderr}`, cpu, written: existsSync(join(out, '0999-ks-2022-d2', 'rapport.pdf')) };
}

describe('a single in-process build under --timeout', () => {
  it('stops a plugin working past the limit without yielding, names it, exits 1 and writes nothing, from the snapshot and without it', () => {
    const full = build('no limit (snapshot)', 'require');
    expect(full.code, full.output).toBe(0);
    expect(full.written).toBe(true);
    for (const snapshot of ['require', '0'] as const) {
      const run = build(`--timeout 0.5 (snapshot=${snapshot})`, snapshot, '0.5');
      expect(run.code, run.output).toBe(1);
      expect(run.output).toContain('[plugin pdf] render');
      expect(run.output).toContain('The build was still running after 0.5 s, the time limit, and was given up; nothing was written. (plugin-failed)');
      expect(run.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(run.written).toBe(false);
      // Stopped, not finished and then discarded: far less work than the whole layout.
      if (snapshot === 'require') expect(run.cpu).toBeLessThan(full.cpu * 0.6);
    }
  }, 240_000);
});

/**
 * A copy of the bin whose startup snapshot is the real one's bundle with the text plugin
 * replaced (core's definePlugin patched) by one that holds the thread after its first
 * wait, as KOMMUNRAPPORT_TEST_HOLD says. The bundled files are unchanged, so the bin
 * finds this snapshot fresh.
 */
function holdingBin(): string {
  const cli = join(repoRoot, 'packages/cli');
  const code = readFileSync(join(cli, 'dist/snapshot/bundle.cjs'), 'utf8');
  const original = 'function definePlugin(plugin) {\n  return plugin;\n}';
  expect(code, 'the bundle no longer holds core\'s definePlugin as this test expects').toContain(original);
  const held = `function definePlugin(plugin) {
  if (plugin.name !== 'text') return plugin;
  return { ...plugin, async render() {
    await null;
    if (process.env.KOMMUNRAPPORT_TEST_HOLD === 'flood') for (;;) await null;
    for (;;) {}
  } };
}`;
  const tree = join(root, 'holding-bin');
  mkdirSync(join(tree, 'bin'), { recursive: true });
  mkdirSync(join(tree, 'dist/snapshot'), { recursive: true });
  for (const f of ['kommunrapport.js', 'snapshot.js']) copyFileSync(join(cli, 'bin', f), join(tree, 'bin', f));
  const bundle = join(tree, 'dist/snapshot/bundle.cjs');
  const blob = join(tree, 'dist/snapshot/snapshot.blob');
  writeFileSync(bundle, code.replace(original, held));
  execFileSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', bundle], { env: { ...process.env, NODE_OPTIONS: '' }, stdio: 'ignore' });
  const stamp = JSON.parse(readFileSync(join(cli, 'dist/snapshot/stamp.json'), 'utf8')) as { blob: { size: number } };
  stamp.blob.size = readFileSync(blob).byteLength;
  writeFileSync(join(tree, 'dist/snapshot/stamp.json'), JSON.stringify(stamp));
  return join(tree, 'bin/kommunrapport.js');
}

describe('a single in-process build whose plugin holds the thread after its first wait', () => {
  it('is stopped at --timeout: the plugin is named, exit 1, the published output unchanged, no temporary folder; from the snapshot and without it, for a loop and a flood of promise jobs', () => {
    const out = join(root, 'out-hold');
    const first = spawnSync(process.execPath, [bin, 'build', reportFixture, '-f', 'html', '-o', out], { encoding: 'utf8', timeout: 120_000 });
    expect(first.status, first.stderr).toBe(0);
    const published = snapshot(out);
    const holding = holdingBin();
    const hook = join(repoRoot, 'packages/cli/test/fixtures/hold-text/register.mjs');
    for (const start of ['snapshot', 'normal'] as const) {
      for (const hold of ['loop', 'flood']) {
        // Without the snapshot, a module hook puts test/fixtures/hold-text/text.mjs in the text plugin's place.
        const command = start === 'snapshot' ? [process.execPath, holding] : [process.execPath, '--import', hook, bin];
        // timeout(1) is only a hang detector (a loaded machine may take long to start the
        // process); it stops its whole process group, the snapshot's process included.
        const r = spawnSync('/usr/bin/time', ['-f', 'KR-TIME %U %S', 'timeout', '-k', '5', '120', ...command, 'build', reportFixture, '-f', 'text', '-o', out, '--timeout', '0.5'], {
          encoding: 'utf8',
          env: { ...process.env, KOMMUNRAPPORT_SNAPSHOT: start === 'snapshot' ? 'require' : '0', KOMMUNRAPPORT_TEST_HOLD: hold },
        });
        const name = `${hold} after a wait (${start})`;
        expect(r.status, `${name}: still running after 120 s`).not.toBe(124);
        const m = /KR-TIME ([\d.]+) ([\d.]+)/.exec(r.stderr);
        if (!m) throw new Error(`GNU time is needed (apt-get install -y time): ${r.stderr.slice(-300)}`);
        const cpu = Number(m[1]) + Number(m[2]);
        figures.push(`  ${name.padEnd(28)} ${cpu.toFixed(2)} s  exit ${r.status}`);
        expect(r.status, `${name}: ${r.stdout}${r.stderr}`).toBe(1);
        expect(r.stdout).toContain('[plugin text] render');
        expect(r.stdout).toContain('The build was still running after 0.5 s, the time limit, and was given up; nothing was written. (plugin-failed)');
        // The start (at most a few CPU seconds) and the limit with its grace: a loop left running would add a CPU second a second.
        expect(cpu, name).toBeLessThan(20);
        expect(snapshot(out), name).toEqual(published);
        expect(readdirSync(out), name).toEqual(['0999-ks-2022-d2']);
      }
    }
  }, 600_000);
});

// Class: the plugin host, single builds. One report built with only the first-party plugins
// runs in the process (from the startup snapshot when it is fresh), where a timer cannot
// fire while a plugin works without yielding. The render stage runs under node:vm's time
// limit there, so a layout that takes longer than --timeout (here 1 MB of long words, about
// four seconds of synchronous PDF layout, with --timeout 0.5) is stopped at the limit and
// named, with exit 1 and nothing written, from the snapshot and without it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../cli-helpers.js';
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

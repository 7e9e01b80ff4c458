// Class: the plugin host, single builds. One report built with only the first-party plugins
// runs in the process (from the code-cached bundle when it is up to date), where a timer cannot
// fire while a plugin works without yielding. The render stage runs under node:vm's time
// limit there, so a layout that takes longer than --timeout (here 1 MB of long words, about
// four seconds of synchronous PDF layout, with --timeout 0.5) is stopped at the limit and
// named, with exit 1 and nothing written, from the bundle and without it. A plugin that
// holds the thread after its first wait (a loop, or an endless chain of promise jobs) is
// out of node:vm's reach and blocks every timer: core's watchdog thread stops it.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFixture, snapshot, tempDir } from '../cli-helpers.js';
import { bin, ensureBuilt, repoRoot } from './dist.js';
import { fileHash } from '../../bin/code-cache.js';
import { pathologicalReport } from './pathological-text.js';

const root = tempDir('kr-single-limit-');
const file = join(root, 'rapport.yaml');
const figures: string[] = [];
beforeAll(() => {
  ensureBuilt(['packages/model', 'packages/core', 'plugins/html', 'plugins/pdf', 'plugins/text', 'plugins/open-data', 'plugins/docx', 'packages/cli']);
  // The bundle is stale when a package it holds was rebuilt after it: build it again.
  const probe = spawnSync(process.execPath, [bin, '--version'], { env: { ...process.env, KOMMUNRAPPORT_CODE_CACHE: 'require' } });
  if (probe.status !== 0) execFileSync('pnpm', ['build'], { cwd: join(repoRoot, 'packages/cli'), stdio: 'ignore' });
  writeFileSync(file, pathologicalReport('prose', 1_000_000));
}, 300_000);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  console.log(`single in-process build under --timeout (CPU seconds):\n${figures.join('\n')}`);
});

/** Builds the PDF with the real bin; exit code, output and CPU seconds (GNU time). */
function build(name: string, codeCache: '0' | 'require', timeout?: string) {
  const out = join(root, `out-${name}`);
  const r = spawnSync('/usr/bin/time', ['-f', 'KR-TIME %U %S', process.execPath, bin, 'build', file, '-f', 'pdf', '-o', out, ...(timeout ? ['--timeout', timeout] : [])], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, KOMMUNRAPPORT_CODE_CACHE: codeCache },
  });
  const m = /KR-TIME ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (!m) throw new Error(`GNU time is needed (apt-get install -y time): ${r.stderr.slice(-300)}`);
  const cpu = Number(m[1]) + Number(m[2]);
  figures.push(`  ${name.padEnd(28)} ${cpu.toFixed(2)} s  exit ${r.status}`);
  return { code: r.status, output: `${r.stdout}${r.stderr}`, cpu, written: existsSync(join(out, '0999-ks-2022-d2', 'rapport.pdf')) };
}

describe('a single in-process build under --timeout', () => {
  it('stops a plugin working past the limit without yielding, names it, exits 1 and writes nothing, from the bundle and without it', () => {
    const full = build('no limit (bundle)', 'require');
    expect(full.code, full.output).toBe(0);
    expect(full.written).toBe(true);
    for (const codeCache of ['require', '0'] as const) {
      const run = build(`--timeout 0.5 (code cache=${codeCache})`, codeCache, '0.5');
      expect(run.code, run.output).toBe(1);
      expect(run.output).toContain('[plugin pdf] render');
      expect(run.output).toContain('The build was still running after 0.5 s, the time limit, and was given up; nothing was written. (plugin-failed)');
      expect(run.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(run.written).toBe(false);
      // Stopped, not finished and then discarded: far less work than the whole layout.
      if (codeCache === 'require') expect(run.cpu).toBeLessThan(full.cpu * 0.6);
    }
  }, 240_000);
});

/**
 * A copy of the bin whose bundle is the real one with the text plugin's render replaced
 * (where core's pipeline calls it) by one that holds the thread after its first wait, as
 * KOMMUNRAPPORT_TEST_HOLD says. The bundled files are unchanged and the stamp records the
 * patched bundle, so the bin runs it (compiled from source: the copy has no code cache, and
 * no dist/index.js to fall back to).
 */
function holdingBin(): string {
  const cli = join(repoRoot, 'packages/cli');
  const code = readFileSync(join(cli, 'dist/code-cache/bundle.cjs'), 'utf8');
  // Core's pipeline calls each plugin's render through this one arrow function.
  const call = /let render=\(\)=>(\w+)\.render\((\w+),context\);/;
  expect(code, 'the bundle no longer calls render as this test expects').toMatch(call);
  const held = 'let render=()=>$1.name==="text"?(async()=>{await null;if(process.env.KOMMUNRAPPORT_TEST_HOLD==="flood")for(;;)await null;for(;;){}})():$1.render($2,context);';
  const tree = join(root, 'holding-bin');
  mkdirSync(join(tree, 'bin'), { recursive: true });
  mkdirSync(join(tree, 'dist/code-cache'), { recursive: true });
  for (const f of ['kommunrapport.js', 'code-cache.js']) copyFileSync(join(cli, 'bin', f), join(tree, 'bin', f));
  const bundle = Buffer.from(code.replace(call, held), 'utf8');
  writeFileSync(join(tree, 'dist/code-cache/bundle.cjs'), bundle);
  const stamp = JSON.parse(readFileSync(join(cli, 'dist/code-cache/stamp.json'), 'utf8')) as { root: string; bundle: { size: number; sha1: string }; cache?: unknown };
  stamp.root = tree;
  stamp.bundle = { size: bundle.length, sha1: fileHash(bundle) };
  delete stamp.cache;
  writeFileSync(join(tree, 'dist/code-cache/stamp.json'), JSON.stringify(stamp));
  return join(tree, 'bin/kommunrapport.js');
}

describe('a single in-process build whose plugin holds the thread after its first wait', () => {
  it('is stopped at --timeout: the plugin is named, exit 1, the published output unchanged, no temporary folder; from the bundle and without it, for a loop and a flood of promise jobs', () => {
    const out = join(root, 'out-hold');
    const first = spawnSync(process.execPath, [bin, 'build', reportFixture, '-f', 'html', '-o', out], { encoding: 'utf8', timeout: 120_000 });
    expect(first.status, first.stderr).toBe(0);
    const published = snapshot(out);
    const holding = holdingBin();
    const hook = join(repoRoot, 'packages/cli/test/fixtures/hold-text/register.mjs');
    for (const start of ['bundle', 'normal'] as const) {
      for (const hold of ['loop', 'flood']) {
        // Without the bundle, a module hook puts test/fixtures/hold-text/text.mjs in the text plugin's place.
        const command = start === 'bundle' ? [process.execPath, holding] : [process.execPath, '--import', hook, bin];
        // timeout(1) is only a hang detector (a loaded machine may take long to start the
        // process); it stops its whole process group.
        const r = spawnSync('/usr/bin/time', ['-f', 'KR-TIME %U %S', 'timeout', '-k', '5', '120', ...command, 'build', reportFixture, '-f', 'text', '-o', out, '--timeout', '0.5'], {
          encoding: 'utf8',
          env: { ...process.env, KOMMUNRAPPORT_CODE_CACHE: start === 'bundle' ? undefined : '0', KOMMUNRAPPORT_TEST_HOLD: hold },
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

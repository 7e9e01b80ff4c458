// Class: pathological text. Long unbroken words in prose, table cells, headings and chart
// legends, at growing sizes, built with every format by the real bin in a child process
// (from the code-cached bundle when it is up to date, as users run it): the peak memory (maximum
// resident set size, measured by GNU time) stays within the documented bound, grows about
// linearly with the input, and every output is written; a run over LIMITS.maxRunLength,
// up to a 10 MB word, is refused with text-run-too-long before anything is rendered.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '@kommunrapport/model';
import { tempDir } from '../cli-helpers.js';
import { bin, ensureBuilt } from './dist.js';
import { pathologicalReport, type Shape } from './pathological-text.js';

/** The documented bound (README, Limits): peak memory of one build of every format. */
const BOUND = { baseMB: 300, perInputByte: 200 };
const boundKB = (bytes: number) => BOUND.baseMB * 1024 + (BOUND.perInputByte * bytes) / 1024;

const root = tempDir('kr-pathological-');
const figures: string[] = [];
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  console.log(`pathological text (peak RSS, CPU time per build of every format):\n${figures.join('\n')}`);
});

beforeAll(() => {
  try {
    execFileSync('/usr/bin/time', ['-f', '%M', 'true'], { stdio: 'ignore' });
  } catch {
    throw new Error('GNU time is needed to measure peak memory: apt-get install -y time');
  }
  ensureBuilt(['packages/model', 'packages/core', 'plugins/html', 'plugins/pdf', 'plugins/text', 'plugins/open-data', 'plugins/docx', 'packages/cli']);
}, 300_000);

interface Run {
  code: number | null;
  stderr: string;
  rssKB: number;
  cpuS: number;
  files: string[];
}

/** Builds `text` with every format in a child process; its exit code, stderr, peak RSS, CPU time and the files written. */
function build(name: string, text: string): Run {
  const file = join(root, `${name}.yaml`);
  const out = join(root, `out-${name}`);
  writeFileSync(file, text);
  const r = spawnSync('/usr/bin/time', ['-f', 'KR-TIME %M %U %S', process.execPath, bin, 'build', file, '-o', out, '-q', '-O', 'open-data.baseUrl=https://example.org/'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const m = /KR-TIME (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (!m) throw new Error(`no measurement from GNU time: ${r.stderr.slice(-500)}`);
  const files = existsSync(out) ? readdirSync(out, { recursive: true }).map(String) : [];
  // Findings go to stdout, problems of the build to stderr: both are what the user reads.
  const run = { code: r.status, stderr: `${r.stdout}${r.stderr.replace(/.*KR-TIME.*\n?/, '')}`, rssKB: Number(m[1]), cpuS: Number(m[2]) + Number(m[3]), files };
  figures.push(`  ${name.padEnd(20)} ${(text.length / 1024).toFixed(0).padStart(6)} kB  ${(run.rssKB / 1024).toFixed(0).padStart(5)} MB  ${run.cpuS.toFixed(1).padStart(5)} s  exit ${run.code}`);
  return run;
}

const FORMATS = ['.html', '.pdf', '.txt', '.docx', 'open-data/datapackage.json'];
const built = (run: Run) => {
  expect(run.code, run.stderr).toBe(0);
  for (const f of FORMATS) expect(run.files.some((x) => x.endsWith(f)), `${f} among ${run.files.join(', ')}`).toBe(true);
};

describe('pathological text', () => {
  it('prose of long words: 10 kB, 100 kB and 1 MB are built within the bound, memory growing about linearly', () => {
    const sizes = [10_000, 100_000, 1_000_000];
    const runs = sizes.map((n) => build(`prose-${n}`, pathologicalReport('prose', n)));
    runs.forEach((run, i) => {
      built(run);
      expect(run.rssKB).toBeLessThan(boundKB(sizes[i]!));
    });
    // Linear: a hundred times the text costs at most the bound's slope more, not a multiple.
    const slope = ((runs[2]!.rssKB - runs[0]!.rssKB) * 1024) / (sizes[2]! - sizes[0]!);
    expect(slope).toBeLessThan(BOUND.perInputByte);
  }, 240_000);

  it.each<Shape>(['cells', 'headings', 'legends'])('long words in %s (200 kB) are built within the bound', (shape) => {
    const n = 200_000;
    const run = build(`${shape}-${n}`, pathologicalReport(shape, n));
    built(run);
    expect(run.rssKB).toBeLessThan(boundKB(n));
  }, 120_000);

  it('a word of exactly the limit is built; one of 10 MB is refused before rendering, at its line, within the base memory', () => {
    built(build('word-at-limit', pathologicalReport('one-word', LIMITS.maxRunLength)));
    const run = build('word-10mb', pathologicalReport('one-word', 10_000_000));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/word-10mb\.yaml:\d+:\d+ +error +text-run-too-long +summary/);
    expect(run.stderr).toContain('The text holds 10000000 characters without a space from position 1; at most 2000 are allowed in one run.');
    expect(run.stderr).toContain('hint:');
    expect(run.files.filter((f) => !f.startsWith('.'))).toEqual([]);
    // Refused after reading and checking 10 MB: within the base alone, nothing of rendering.
    expect(run.rssKB).toBeLessThan(BOUND.baseMB * 1024);
  }, 120_000);
});

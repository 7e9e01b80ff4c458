// Every bad input of the corpus through the command: `kommunrapport validate --json` in
// process (fast), and a sample plus every large input through the real bin in a child
// process with a 256 MB heap. Each must exit 1 with its expected code at its expected
// path, say file, line and path, print no stack trace and finish within a bound.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '@kommunrapport/model';
import { runMain } from '../cli-helpers.js';
import type { ValidateJson } from '../../src/index.js';
import { generateCases, staticCases, staticRoot, type BadInput } from './bad-inputs.js';
import { bin, ensureBuilt } from './dist.js';

/**
 * A bound per case on the CPU time this process spends (user + system), not on the wall
 * clock: a machine busy with other work stretches the wall clock several times over (a
 * 40 000-section file took 5.9 s of wall time at a load of 20), but not the CPU time a case
 * needs. An input that makes validation super-linear still blows it.
 */
const BOUND_MS = 5_000;
/** The real bin's bound is on the wall clock (its CPU time is not ours to read): a hang detector only. */
const BIN_BOUND_MS = 60_000;
const STACK_LINE = /^ {4}at /m;

const dir = mkdtempSync(join(tmpdir(), 'kr-bad-inputs-'));
const fixed = staticCases();
const generated = generateCases(dir);
const cases: BadInput[] = [...fixed, ...generated];
const figures = { tried: 0, rejectedCleanly: 0, binTried: 0, binClean: 0, buildTried: 0, buildRefused: 0, slowestMs: 0 };

const severityOf = (code: string) => (DIAGNOSTIC_CODES as Record<string, { severity: string }>)[code]?.severity;
/** Warnings stop a build only under --strict, so cases that expect a warning run with it. */
const argsFor = (c: BadInput) => ['validate', '--json', ...(severityOf(c.code) === 'warning' ? ['--strict'] : []), c.file];

beforeAll(() => {
  ensureBuilt(['packages/model', 'packages/core', 'packages/cli']);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(`hardening: bad inputs tried: ${figures.tried}`);
  console.log(`hardening: bad inputs rejected cleanly (exit 1, expected code and path, file and line, no stack trace): ${figures.rejectedCleanly}`);
  console.log(`hardening: bad inputs through the real bin with a 256 MB heap: ${figures.binTried}, clean: ${figures.binClean}`);
  console.log(`hardening: bad inputs through kommunrapport build: ${figures.buildTried}, refused with nothing written: ${figures.buildRefused}`);
  console.log(`hardening: slowest bad input in process: ${Math.round(figures.slowestMs)} ms of CPU time (bound ${BOUND_MS} ms)`);
});

describe('the corpus', () => {
  it('holds at least 150 bad inputs in every group the hardening asks for, each with a known code and a path', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const groups = new Set(cases.map((c) => c.name.split('/')[0]));
    for (const g of ['yaml', 'empty', 'text', 'numbers', 'nan-inf', 'percent', 'dates', 'ids', 'references', 'units', 'sums', 'structure', 'wrong-type', 'encoding', 'huge'])
      expect(groups, g).toContain(g);
    for (const c of cases) {
      expect(Object.keys(DIAGNOSTIC_CODES), c.name).toContain(c.code);
      expect(typeof c.path, c.name).toBe('string');
    }
  });

  it('has a manifest entry for every committed file and a file for every entry', () => {
    const files = readdirSync(staticRoot, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5).split('\\').join('/')).sort();
    expect(files).toEqual(fixed.map((c) => c.name).sort());
  });
});

describe('kommunrapport validate --json on each bad input', () => {
  for (const c of cases) {
    it(c.name, async () => {
      figures.tried++;
      const started = process.cpuUsage();
      const run = await runMain(argsFor(c), dir);
      const used = process.cpuUsage(started);
      const ms = (used.user + used.system) / 1000;
      figures.slowestMs = Math.max(figures.slowestMs, ms);
      expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
      expect(run.code).toBe(1);
      const json = JSON.parse(run.stdout) as ValidateJson;
      expect(json.ok).toBe(false);
      const found = json.diagnostics.find((d) => d.code === c.code && d.path === c.path);
      expect(found, `expected ${c.code} at "${c.path}", got ${JSON.stringify(json.diagnostics.slice(0, 5).map((d) => [d.code, d.path, d.line]))}`).toBeDefined();
      expect(found!.file).toBe(c.file);
      // A size is a property of the whole file; every other finding has a line.
      if (c.code !== 'input-too-large') expect(found!.line).toBeGreaterThanOrEqual(1);
      if (c.line !== undefined) expect(found!.line).toBe(c.line);
      expect(found!.message.length).toBeGreaterThan(10);
      expect(found!.hint ?? '').not.toBe('');
      expect(ms).toBeLessThan(BOUND_MS);
      figures.rejectedCleanly++;
    });
  }
});

/** Runs the real bin with a 256 MB heap; resolves with its exit code and output. */
function runBin(args: string[], cwd: string): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--max-old-space-size=256', bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - started }));
  });
}

describe('the real bin on a sample and on every large input (256 MB heap)', () => {
  // Every ninth case and every large one: enough to prove the built program behaves the same.
  const sample = cases.filter((c, i) => c.big === true || i % 9 === 0);
  for (const c of sample) {
    it(c.name, async () => {
      figures.binTried++;
      const cwd = c.file.startsWith(dir) ? dir : staticRoot;
      const shown = relative(cwd, c.file);
      const run = await runBin(['validate', ...(severityOf(c.code) === 'warning' ? ['--strict'] : []), shown], cwd);
      expect(run.stderr).not.toMatch(/heap out of memory|FATAL ERROR/);
      expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
      expect(run.signal).toBeNull();
      expect(run.code).toBe(1);
      // The finding's head line: file:line:column  error  code  path.
      const head = run.stdout.split('\n').find((l) => l.startsWith(`${shown}`) && l.includes(`  ${c.code}`) && (c.path === '' || l.endsWith(`  ${c.path}`)));
      expect(head, run.stdout.slice(0, 800)).toBeDefined();
      if (c.code !== 'input-too-large') expect(head).toMatch(new RegExp(`^${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+`));
      expect(run.ms).toBeLessThan(BIN_BOUND_MS);
      figures.binClean++;
    });
  }
});

describe('kommunrapport build on a sample and on every large input', () => {
  // The build reads the report through the core pipeline: the same findings, nothing written.
  const sample = cases.filter((c, i) => c.big === true || i % 7 === 3);
  for (const c of sample) {
    it(c.name, async () => {
      figures.buildTried++;
      const out = mkdtempSync(join(tmpdir(), 'kr-bad-build-'));
      try {
        const run = await runMain(['build', ...(severityOf(c.code) === 'warning' ? ['--strict'] : []), '--format', 'text', '--json', '--out', join(out, 'dist'), c.file], dir);
        expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
        expect(run.code).toBe(1);
        const json = JSON.parse(run.stdout) as { ok: boolean; reports: { diagnostics: { code: string; path: string }[] }[] };
        expect(json.ok).toBe(false);
        expect(json.reports[0]!.diagnostics.some((d) => d.code === c.code && d.path === c.path)).toBe(true);
        expect(readdirSync(out)).toEqual([]);
        figures.buildRefused++;
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }
});

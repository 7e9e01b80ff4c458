// A render stage run on this thread under a time limit (buildReport's timeLimit, what the CLI
// gives a single in-process build): a plugin that loops without ever yielding, at once or
// after a while, in its own code or in the document it asks for, is stopped at the limit
// and named, later plugins are not run, and nothing is written. Without a limit nothing changes.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { buildReport, type Plugin } from '../src/index.js';
import { isTimeLimit, runWithin } from '../src/within.js';
import { fixtures, reportFile, tempDir, REPORT_ID } from './helpers.js';

/** A plugin that works `ms` milliseconds without yielding before it loops for ever (or returns, with `ends`). */
const spinner = (name: string, ms: number, ends = false): Plugin<any> => ({
  name,
  formats: [name],
  options: t.type({}),
  render(_report, ctx) {
    void ctx.document;
    const start = Date.now();
    // eslint-disable-next-line no-empty
    while (ends ? Date.now() - start < ms : true) {}
    return [{ path: `${name}.txt`, contents: 'x', mediaType: 'text/plain' }];
  },
});

describe('time limit of a render stage on this thread', () => {
  it('runWithin stops a loop that never yields and throws the time-limit error; quick work returns its value', () => {
    const started = Date.now();
    let error: unknown;
    try {
      runWithin(() => {
        // eslint-disable-next-line no-empty
        for (;;) {}
      }, 200);
    } catch (e) {
      error = e;
    }
    expect(isTimeLimit(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(runWithin(() => 42, 1000)).toBe(42);
    expect(() => runWithin(() => { throw new Error('own'); }, 1000)).toThrow('own');
  });

  it.each([0, 150])('a plugin that loops for ever after %i ms of work is stopped at the limit and named; later plugins do not run; nothing is written', async (ms) => {
    const out = tempDir();
    const started = Date.now();
    const r = await buildReport({ file: reportFile, plugins: [spinner('spin', ms), spinner('after', 0, true)], outDir: out, timeLimit: { at: Date.now() + 500, seconds: 0.5 } });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      { code: 'plugin-failed', plugin: 'spin', hook: 'render', file: reportFile, message: 'The build was still running after 0.5 s, the time limit, and was given up; nothing was written.' },
    ]);
    expect(existsSync(join(out, REPORT_ID))).toBe(false);
  });

  it('work that ends within the limit is built as without one', async () => {
    const out = tempDir();
    const r = await buildReport({ file: reportFile, plugins: [spinner('quick', 20, true)], outDir: out, timeLimit: { at: Date.now() + 30_000, seconds: 30 } });
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(existsSync(join(out, REPORT_ID, 'quick.txt'))).toBe(true);
  });
});

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Runs test/fixtures/loop-after-wait.ts as its own process under bash, which prints the CPU
 * seconds the process used (`times`); a process still running after `hangMs` is killed
 * and reported as hanging.
 */
function runTimed(args: string[], hangMs = 90_000): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; cpu: number; hung: boolean }> {
  const node = [process.execPath, '--conditions=@kommunrapport/source', '--import', 'tsx', join(fixtures, 'loop-after-wait.ts'), ...args].map((a) => `'${a}'`).join(' ');
  const child = spawn('bash', ['-c', `${node}; code=$?; times >&2; exit $code`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    process.kill(-child.pid!, 'SIGKILL');
  }, hangMs);
  return new Promise((done) =>
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // `times` prints the shell's own times, then its children's: "0m1.234s 0m0.120s".
      const children = [...stderr.matchAll(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/g)].at(-1);
      const cpu = children ? Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4]) : Number.NaN;
      done({ code, signal, stdout, stderr, cpu, hung });
    }),
  );
}

describe('time limit of a plugin that holds the thread after its first wait', () => {
  // Without the watchdog thread these builds never end: the loop (or the endless chain of
  // promise jobs) runs from the event loop, where no timer can fire and node:vm's limit
  // does not reach; a job queued by a render that node:vm's limit ended runs after the build
  // was given up, so the watch goes on after it. The bound is in CPU seconds (a loaded machine stretches wall time):
  // the process loads in a few seconds, and a loop that went on would add a second a second.
  it.each(['loop', 'flood', 'timer', 'queued'])('%s: the build fails at the limit naming the plugin, writes nothing, and the thread builds on', async (how) => {
    const out = tempDir();
    const r = await runTimed([reportFile, out, how]);
    expect(r.hung, r.stderr).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(r.cpu).toBeLessThan(30);
    const [held, next] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; problems: unknown[]; artifacts?: string[] });
    expect(held).toMatchObject({ ok: false, problems: [{ code: 'plugin-failed', plugin: 'spin', hook: 'render', message: 'The build was still running after 0.5 s, the time limit, and was given up; nothing was written.' }] });
    expect(held!.problems).toHaveLength(1);
    expect(next).toEqual({ ok: true, problems: [], artifacts: ['quick.txt'] });
    // Only the quick builds published; no temporary folder is left.
    expect(readdirSync(out)).toEqual([REPORT_ID]);
    expect(readdirSync(join(out, REPORT_ID)).sort()).toEqual(['.kommunrapport-build.json', 'quick.txt']);
  }, 120_000);

  it('without the inspector, the watchdog writes the message naming the plugin (its controls escaped) and kills the process', async () => {
    const r = await runTimed([reportFile, tempDir(), 'loop', 'fallback']);
    expect(r.hung, r.stderr).toBe(false);
    expect(r.code).toBe(137);
    expect(r.cpu).toBeLessThan(30);
    expect(r.stderr).toContain('over the limit: plugin spin\\u001b[2J was stopped\n');
  }, 120_000);
});

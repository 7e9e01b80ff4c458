// A render stage run on this thread under a time limit (buildReport's timeLimit, what the CLI
// gives a single in-process build): a plugin that loops without ever yielding, at once or
// after a while, in its own code or in the document it asks for, is stopped at the limit
// and named, later plugins are not run, and nothing is written. Without a limit nothing changes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { buildReport, type Plugin } from '../src/index.js';
import { isTimeLimit, runWithin } from '../src/within.js';
import { reportFile, tempDir, REPORT_ID } from './helpers.js';

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

// Batch builds on worker threads: every report built and written as it finishes, plugins
// loaded once per worker, a failing report not stopping the others.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMany, BuildError, DEFAULT_WORKER_LIMITS, type BuildResult } from '../src/index.js';
import { pluginsDir, reportFile, tempDir } from './helpers.js';

// Workers run the TypeScript sources (through tsx) with the source export condition.
const worker = { execArgv: ['--conditions=@kommunrapport/source'] };
const env = { SOURCE_DATE_EPOCH: '1700000000' };

/** Writes `count` copies of the fixture report with ids r1…rN; returns their paths. */
function reports(dir: string, count: number): string[] {
  const text = readFileSync(reportFile, 'utf8');
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const file = join(dir, `r${i + 1}.yaml`);
    writeFileSync(file, text.replace('id: 0999-ks-2022-d2', `id: r${i + 1}`));
    return file;
  });
}

describe('buildMany', () => {
  it('builds every report on a pool of workers, loading each plugin once per worker', async () => {
    const root = tempDir();
    const files = reports(join(root, 'src'), 6);
    const seen: number[] = [];
    const summary = await buildMany(files, {
      plugins: [{ spec: './echo.mjs', fromDir: pluginsDir }, { spec: './counter.mjs', fromDir: pluginsDir }],
      outDir: join(root, 'dist'),
      env,
      concurrency: 2,
      worker,
      onResult: (_r, done) => seen.push(done),
    });
    expect(summary).toMatchObject({ ok: true, built: 6, failed: 0 });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(readdirSync(join(root, 'dist')).sort()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    const counters = files.map((_, i) => JSON.parse(readFileSync(join(root, 'dist', `r${i + 1}`, 'counter.json'), 'utf8')));
    // Worker threads, never more than asked for; each loaded the plugin module once and
    // rendered all its reports with that one copy (its render count runs 1, 2, 3 …).
    const threads = [...new Set(counters.map((c) => c.threadId))];
    expect(threads.length).toBeGreaterThanOrEqual(1);
    expect(threads.length).toBeLessThanOrEqual(2);
    expect(threads.every((id) => id > 0)).toBe(true);
    expect(counters.every((c) => c.loads === 1)).toBe(true);
    // Without limits of their own the workers run with DEFAULT_WORKER_LIMITS.
    expect(counters.every((c) => c.resourceLimits.maxOldGenerationSizeMb === DEFAULT_WORKER_LIMITS.maxOldGenerationSizeMb)).toBe(true);
    for (const id of threads) {
      const renders = counters.filter((c) => c.threadId === id).map((c) => c.renders).sort((a, b) => a - b);
      expect(renders).toEqual(renders.map((_, i) => i + 1));
    }
    expect(readFileSync(join(root, 'dist', 'r4', 'z-last.txt'), 'utf8')).toBe('Hej r4\n');
  });

  it('passes each report\'s progress (load, render by plugin, write, done) to onProgress', async () => {
    const root = tempDir();
    const files = reports(join(root, 'src'), 3);
    const events: string[] = [];
    const summary = await buildMany(files, {
      plugins: [{ spec: './echo.mjs', fromDir: pluginsDir }],
      outDir: join(root, 'dist'),
      env,
      concurrency: 2,
      worker,
      // Stage changes only (a plugin's own steps come as render events with a count).
      onProgress: (e) => (e.done === undefined ? events.push(`${e.file} ${e.stage}${e.plugin !== undefined ? ` ${e.plugin}` : ''}`) : undefined),
    });
    expect(summary).toMatchObject({ ok: true, built: 3 });
    for (const file of files) expect(events.filter((e) => e.startsWith(`${file} `))).toEqual([`${file} load`, `${file} render echo`, `${file} write`, `${file} done`]);
  });

  it('reports a failing report and builds the others', async () => {
    const root = tempDir();
    const files = reports(join(root, 'src'), 3);
    writeFileSync(files[1]!, 'id: [unclosed\n');
    const results: BuildResult[] = [];
    const summary = await buildMany(files, { plugins: [{ spec: './echo.mjs', fromDir: pluginsDir }], outDir: join(root, 'dist'), env, worker, concurrency: 2, onResult: (r) => results.push(r) });
    expect(summary).toMatchObject({ ok: false, built: 2, failed: 1 });
    const failed = results.find((r) => !r.ok)!;
    expect(failed.file).toBe(files[1]);
    expect(failed.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error' });
    expect(readdirSync(join(root, 'dist')).sort()).toEqual(['r1', 'r3']);
  });

  it('fails only the report whose worker ran out of memory, names the cause, and builds the rest on a new worker', async () => {
    const root = tempDir();
    const files = reports(join(root, 'src'), 4);
    const results: BuildResult[] = [];
    const summary = await buildMany(files, {
      plugins: [{ spec: './hog.mjs', fromDir: pluginsDir }],
      outDir: join(root, 'dist'),
      env,
      concurrency: 1,
      worker: { ...worker, resourceLimits: { maxOldGenerationSizeMb: 48 } },
      onResult: (r) => results.push(r),
    });
    expect(summary).toMatchObject({ ok: false, built: 3, failed: 1 });
    const failed = results.find((r) => !r.ok)!;
    expect(failed.file).toBe(files[1]);
    expect(failed.problems[0]).toMatchObject({ code: 'plugin-failed', file: files[1] });
    expect(failed.problems[0]!.message).toMatch(/ran out of memory .*raise worker\.resourceLimits\.maxOldGenerationSizeMb/);
    expect(readdirSync(join(root, 'dist')).sort()).toEqual(['r1', 'r3', 'r4']);
  });

  it('stops a worker that is still on a report after timeoutMs, fails that report and builds the rest', async () => {
    const root = tempDir();
    const files = reports(join(root, 'src'), 3);
    const results: BuildResult[] = [];
    const summary = await buildMany(files, { plugins: [{ spec: './hang.mjs', fromDir: pluginsDir }], outDir: join(root, 'dist'), env, worker, concurrency: 1, timeoutMs: 4000, onResult: (r) => results.push(r) });
    expect(summary).toMatchObject({ ok: false, built: 2, failed: 1 });
    const failed = results.find((r) => !r.ok)!;
    expect(failed.file).toBe(files[1]);
    // The plugin is named from the worker's shared slot: no progress messages are sent without onProgress.
    expect(failed.problems[0]).toMatchObject({ code: 'plugin-failed', plugin: 'hang', file: files[1] });
    expect(failed.problems[0]!.message).toContain('while plugin "hang" rendered');
    expect(failed.problems[0]!.message).toContain('still building after 4 s, the time limit');
    expect(readdirSync(join(root, 'dist')).sort()).toEqual(['r1', 'r3']);
  });

  it('throws one BuildError when the plugins cannot be loaded, building nothing', async () => {
    const root = tempDir();
    const files = reports(join(root, 'src'), 2);
    await expect(buildMany(files, { plugins: [{ spec: './half.mjs', fromDir: pluginsDir }], outDir: join(root, 'dist'), env, worker })).rejects.toSatisfy(
      (e: unknown) => e instanceof BuildError && e.problem.code === 'plugin-invalid' && e.problem.plugin === 'half',
    );
  });
});

// Class: the output folder belongs to someone. A build replaces `<out>/<id>/` only when a
// previous build made it (its `.kommunrapport-build.json` marker) or it is empty; a foreign
// folder, file or symbolic link under that name is left byte for byte and the build fails
// with `output-not-ours`. Two reports of one batch with the same id fail before anything
// is written. Generated folders and generated batches.
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILD_MARKER, BuildError, buildMany, buildReport, reportIdOf } from '../src/index.js';
import { plugin, pluginsDir, REPORT_ID, reportFile, snapshot, tempDir } from './helpers.js';

const SEED = Number(process.env.HARDENING_SEED ?? 20221031);
const env = { SOURCE_DATE_EPOCH: '1700000000' };
const worker = { execArgv: ['--conditions=@kommunrapport/source'] };
const name = fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/).filter((n) => n !== '.' && n !== '..' && n !== BUILD_MARKER);
/** A foreign folder: a few files (some in a subfolder) with arbitrary bytes. */
const foreign = fc.uniqueArray(fc.tuple(name, fc.boolean(), fc.uint8Array({ maxLength: 64 })), { minLength: 1, maxLength: 5, selector: ([n]) => n });

function write(dir: string, files: [string, boolean, Uint8Array][]): void {
  mkdirSync(dir, { recursive: true });
  for (const [n, nested, bytes] of files) {
    const d = nested ? join(dir, 'sub') : dir;
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, n), bytes);
  }
}

describe('output folder ownership', () => {
  it('never replaces a folder no build made, whatever it holds', async () => {
    const echo = await plugin('echo');
    await fc.assert(
      fc.asyncProperty(foreign, async (files) => {
        const out = tempDir();
        write(join(out, REPORT_ID), files);
        const before = snapshot(out);
        const result = await buildReport({ file: reportFile, plugins: [echo], outDir: out, env });
        expect(result.ok).toBe(false);
        expect(result.problems.map((p) => p.code)).toEqual(['output-not-ours']);
        expect(result.problems[0]!.message).toContain(join(out, REPORT_ID));
        expect(snapshot(out)).toEqual(before);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('replaces what a previous build made, and an empty folder; refuses a file or a symbolic link in its place', async () => {
    const echo = await plugin('echo');
    const out = tempDir();
    mkdirSync(join(out, REPORT_ID));
    const first = await buildReport({ file: reportFile, plugins: [echo], outDir: out, env });
    expect(first.ok).toBe(true);
    expect(JSON.parse(readFileSync(join(out, REPORT_ID, BUILD_MARKER), 'utf8'))).toMatchObject({ generator: 'kommunrapport', id: REPORT_ID });
    writeFileSync(join(out, REPORT_ID, 'stale.txt'), 'left by the last build');
    expect((await buildReport({ file: reportFile, plugins: [echo], outDir: out, env })).ok).toBe(true);
    expect(existsSync(join(out, REPORT_ID, 'stale.txt'))).toBe(false);

    for (const make of [(p: string) => writeFileSync(p, 'a file'), (p: string) => symlinkSync(tempDir(), p), (p: string) => symlinkSync('/nonexistent', p)]) {
      const o = tempDir();
      make(join(o, REPORT_ID));
      const before = readdirSync(o);
      const r = await buildReport({ file: reportFile, plugins: [echo], outDir: o, env });
      expect(r.problems.map((p) => p.code)).toEqual(['output-not-ours']);
      expect(readdirSync(o)).toEqual(before);
    }
  });

  it('reads a report id without decoding, however the id line is written', () => {
    const dir = tempDir();
    const text = readFileSync(reportFile, 'utf8');
    const cases: [string, string][] = [
      ['id: abc-1', 'abc-1'],
      ['id: "abc-2"', 'abc-2'],
      ["id: 'abc-3'   # comment", 'abc-3'],
      ['id:   abc-4 # comment', 'abc-4'],
    ];
    for (const [line, id] of cases) {
      writeFileSync(join(dir, 'r.yaml'), text.replace(`id: ${REPORT_ID}`, line));
      expect(reportIdOf(join(dir, 'r.yaml'))).toBe(id);
    }
    writeFileSync(join(dir, 'flow.yaml'), '{id: flow-1, kind: interim}\n');
    expect(reportIdOf(join(dir, 'flow.yaml'))).toBe('flow-1');
    expect(reportIdOf(join(dir, 'missing.yaml'))).toBeUndefined();
  });

  it('refuses a batch in which two reports share an id, before writing anything', async () => {
    const text = readFileSync(reportFile, 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 2, maxLength: 5 }), fc.boolean(), async (ids, quoted) => {
        const root = tempDir();
        const files = ids.map((id, i) => {
          const f = join(root, `r${i}.yaml`);
          writeFileSync(f, text.replace(`id: ${REPORT_ID}`, quoted ? `id: "${id}"` : `id: ${id}`));
          return f;
        });
        const out = join(root, 'dist');
        const unique = new Set(ids).size === ids.length;
        const run = buildMany(files, { plugins: [{ spec: './echo.mjs', fromDir: pluginsDir }], outDir: out, env, concurrency: 1, worker });
        if (unique) {
          expect((await run).built).toBe(ids.length);
          return;
        }
        const error = await run.then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(BuildError);
        expect((error as BuildError).code).toBe('duplicate-report-id');
        expect(existsSync(out)).toBe(false);
      }),
      { seed: SEED, numRuns: 12 },
    );
  });
});

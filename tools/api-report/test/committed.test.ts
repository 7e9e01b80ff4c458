// CI's guard: the committed API reports of model and core, docs/model.md and the samples
// embedded in docs/plugins.md must equal what the sources produce now, and the samples
// in docs/examples must type-check. On failure: run `pnpm api-report` and commit.
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateAll, runApiReport, checkExamples } from '../src/run.js';
import { summariseDiff } from '../src/diff.js';

const root = resolve(import.meta.dirname, '../../..');

describe('committed generated files', () => {
  const generated = generateAll(root);
  const { files } = generated;

  it('generates the two API reports and the model reference', () => {
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['packages/model/api-report.md', 'packages/core/api-report.md', 'docs/model.md']));
    for (const f of files) expect(f.text).not.toContain(root);
  });

  for (const path of ['packages/model/api-report.md', 'packages/core/api-report.md', 'docs/model.md', 'docs/plugins.md']) {
    it(`${path} is up to date`, () => {
      const generated = files.find((f) => f.path === path);
      expect(generated, `${path} is not generated`).toBeDefined();
      const committed = existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : '';
      if (committed !== generated!.text) {
        expect.fail(`${path} is out of date: the public API or the model changed. If intended, run \`pnpm api-report\` and commit.\n${summariseDiff(committed, generated!.text)}`);
      }
    });
  }

  const exampleErrors = checkExamples(root);
  it('the samples in docs/examples type-check', () => {
    expect(exampleErrors).toEqual([]);
  });

  it('check mode fails with a diff summary and the fix when a committed file differs', () => {
    const result = runApiReport({
      root,
      check: true,
      generated,
      exampleErrors,
      read: (p) => (p === 'packages/core/api-report.md' ? readFileSync(join(root, p), 'utf8').replace(/^## definePlugin$/m, '## definePluginOld') : readFileSync(join(root, p), 'utf8')),
    });
    expect(result.exitCode).toBe(1);
    const err = result.err.join('\n');
    expect(err).toContain('packages/core/api-report.md: differs from the sources.');
    expect(err).toMatch(/^ {2}- +\d+: ## definePluginOld$/m);
    expect(err).toMatch(/^ {2}\+ +\d+: ## definePlugin$/m);
    expect(err).toContain('run `pnpm api-report` and commit');
  });
});

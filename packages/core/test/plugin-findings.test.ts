// Findings of plugins: a plugin declares its codes in definePlugin({ codes }) and reports
// through ctx.report(code, data, path); the pipeline stamps the plugin's name, keeps its
// code, places it in the report file, and counts it like the report's own findings.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, catalogue, formatProblem } from '../src/index.js';
import { plugin, reportFile, tempDir, REPORT_ID } from './helpers.js';

const env = { SOURCE_DATE_EPOCH: '1700000000' };
const build = async (report: string, strict = false) => {
  const out = tempDir();
  const r = await buildReport({ file: reportFile, plugins: [await plugin('findings')], outDir: out, options: { findings: { report } }, env, strict });
  return { r, out };
};

describe('ctx.report', () => {
  it('gives a warning with the plugin name, its own code, the message from its data, the path and the line; the build succeeds', async () => {
    const { r, out } = await build('warning');
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([
      {
        code: 'stale-figure',
        plugin: 'findings',
        severity: 'warning',
        path: 'title',
        message: 'The title "Delårsrapport 2 2022" looks stale.',
        file: reportFile,
        line: 4,
        column: 8,
        hint: 'Update the title.',
      },
    ]);
    expect(existsSync(join(out, REPORT_ID, 'findings.txt'))).toBe(true);
  });

  it('fails the build on a warning under strict, naming the plugin and its code, and writes nothing', async () => {
    const { r, out } = await build('warning', true);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => `${d.plugin} ${d.code}`)).toEqual(['findings stale-figure']);
    expect(r.problems).toMatchObject([{ code: 'plugin-findings', plugin: 'findings', hook: 'render' }]);
    expect(formatProblem(r.problems[0]!)).toContain('[plugin findings] render');
    expect(formatProblem(r.problems[0]!)).toContain('stale-figure; warnings count as errors under --strict');
    expect(existsSync(join(out, REPORT_ID))).toBe(false);
  });

  it('fails the build on an error without strict', async () => {
    const { r, out } = await build('error');
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toMatchObject([{ code: 'broken-cell', plugin: 'findings', severity: 'error', message: 'Cell A1 cannot be drawn.', path: '' }]);
    expect(r.problems.map((p) => p.code)).toEqual(['plugin-findings']);
    expect(existsSync(join(out, REPORT_ID))).toBe(false);
  });

  it('refuses a code the plugin does not declare: the plugin failed, with the codes it has', async () => {
    const { r } = await build('undeclared');
    expect(r.ok).toBe(false);
    expect(r.problems).toMatchObject([{ code: 'plugin-failed', plugin: 'findings' }]);
    expect(r.problems[0]!.message).toContain('"not-declared", which the plugin does not declare (its codes: stale-figure, broken-cell)');
  });
});

describe('the one catalogue', () => {
  it('joins the model, the build and every plugin\'s codes, each code once per owner, in one shape', async () => {
    const entries = catalogue([await plugin('findings')]);
    const keys = entries.map((e) => (e.plugin ? `${e.plugin}/${e.code}` : e.code));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['file-unreadable', 'sum-mismatch', 'plugin-failed', 'plugin-findings', 'findings/stale-figure', 'findings/broken-cell']));
    expect(keys).not.toContain('report-unreadable');
    for (const e of entries) expect(typeof e.definition.message, e.code).toBe('function');
  });
});

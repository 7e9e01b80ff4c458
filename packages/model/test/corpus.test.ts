// The corpus of broken inputs: each fixtures/invalid/<case>.yaml is the minimal report with
// one defect; cases.json says which diagnostic it must give (code, path, line).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, loadReport } from '../src/index.js';
import { fixture } from './helpers.js';

interface Case { code: string; severity: string; path: string; line: number; column: number; count: number; report: boolean }
const cases = JSON.parse(readFileSync(fixture('invalid/cases.json'), 'utf8')) as Record<string, Case>;
const files = readdirSync(fixture('invalid')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();

describe('invalid corpus', () => {
  it('has at least 30 cases, each file with an expectation and each expectation with a file', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(cases).sort()).toEqual(files);
  });

  it('covers every diagnostic code that content can trigger', () => {
    const covered = new Set(Object.values(cases).map((c) => c.code));
    const notInCorpus = Object.keys(DIAGNOSTIC_CODES).filter((c) => !covered.has(c));
    // file-unreadable and not-a-file come from reading files (tested in the CLI), value-and-missing from check.test.ts;
    // the limits (input-too-large, file-encoding, nesting-too-deep, too-many-values) need generated input and are
    // tested in packages/cli/test/hardening; site-colour-contrast concerns the config's site: block, not a report
    // (tested in packages/cli/test/site-settings.test.ts); low-contrast is found by core's readReport (tested in
    // packages/core/test/read-report.test.ts); the image files' own problems come from reading them
    // (tested in packages/core/test/images.test.ts); standard-key-missing needs a kommun-level report with statements
    // (tested in statements.test.ts).
    expect(notInCorpus).toEqual(['file-unreadable', 'not-a-file', 'input-too-large', 'file-encoding', 'nesting-too-deep', 'too-many-values', 'site-colour-contrast', 'low-contrast', 'value-and-missing', 'standard-key-missing', 'image-unreadable', 'image-too-large', 'image-format']);
  });

  for (const name of files) {
    it(name, () => {
      const expected = cases[name]!;
      const file = `${name}.yaml`;
      const result = loadReport(readFileSync(fixture(`invalid/${file}`), 'utf8'), file);
      const match = result.diagnostics.find((d) => d.code === expected.code && d.path === expected.path);
      expect(match, `diagnostics: ${JSON.stringify(result.diagnostics.map((d) => [d.code, d.path, d.line]))}`).toBeDefined();
      expect(match).toMatchObject({ severity: expected.severity, line: expected.line, file });
      expect(match!.column).toBe(expected.column);
      expect(match!.message.length).toBeGreaterThan(10);
      expect(match!.hint ?? '').not.toBe('');
      expect(result.diagnostics).toHaveLength(expected.count);
      expect(result.report !== undefined).toBe(expected.report);
    });
  }
});

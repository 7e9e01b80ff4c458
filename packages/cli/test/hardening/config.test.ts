// A kommunrapport.config.yaml next to the report is read under the same rules as a report:
// a config that is not UTF-8 is refused with its place instead of losing letters of an option.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../cli-helpers.js';
import { baseReport } from './bad-inputs.js';

describe('the config file next to a report', () => {
  it('in Latin-1: build exits 1 naming file-encoding at its line, writes nothing, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kr-config-'));
    try {
      copyFileSync(baseReport, join(dir, 'rapport.yaml'));
      writeFileSync(join(dir, 'kommunrapport.config.yaml'), Buffer.from('options:\n  text:\n    wrap: 72\n# Eskilstuna kommun, förvaltning\n', 'latin1'));
      const run = await runMain(['build', 'rapport.yaml', '--format', 'text', '--out', 'out'], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('kommunrapport.config.yaml:4:23  error  file-encoding');
      expect(run.stdout + run.stderr).not.toMatch(/^ {4}at /m);
      const { existsSync } = await import('node:fs');
      expect(existsSync(join(dir, 'out'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['comments only', '# options:\n#   pdf:\n#     fontSize: 11\n'],
    ['a document marker', '---\n'],
    ['nothing', ''],
  ])('of %s is an empty config, as an absent one is: the report builds (it was empty-file, "expected: a report")', async (_name, text) => {
    const dir = mkdtempSync(join(tmpdir(), 'kr-config-'));
    try {
      copyFileSync(baseReport, join(dir, 'rapport.yaml'));
      writeFileSync(join(dir, 'kommunrapport.config.yaml'), text);
      const run = await runMain(['build', 'rapport.yaml', '--format', 'text', '--out', 'out'], dir);
      expect(run.stderr).not.toContain('empty-file');
      expect(run.code).toBe(0);
      const { existsSync } = await import('node:fs');
      expect(existsSync(join(dir, 'out', '0999-ks-2022-d2', 'rapport.txt'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

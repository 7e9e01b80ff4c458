// A kommunrapport.config.yaml next to the report is read under the same rules as a report:
// a config that is not UTF-8 is refused with its place instead of losing letters of an option.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runMain } from '../cli-helpers.js';
import { baseReport } from './bad-inputs.js';

describe('the config file next to a report', () => {
  it('in UTF-16: the finding says what kommunrapport reads, not that a report must be UTF-8', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kr-config-'));
    try {
      copyFileSync(baseReport, join(dir, 'rapport.yaml'));
      writeFileSync(join(dir, 'kommunrapport.config.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('options:\n  text:\n    wrap: 72\n', 'utf16le')]));
      const run = await runMain(['build', 'rapport.yaml', '--format', 'text', '--out', 'out'], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('kommunrapport.config.yaml');
      expect(run.stderr).toContain('file-encoding');
      expect(run.stderr).toContain('kommunrapport reads UTF-8 only');
      expect(run.stderr).not.toContain('a report must be UTF-8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

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

  it('with a control character in the site\'s title: an error at its line and path, as in a report (it went raw into every page\'s <title>)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kr-config-'));
    try {
      copyFileSync(baseReport, join(dir, 'rapport.yaml'));
      const config = readFileSync(join(repoRoot, 'examples/kommunrapport.config.yaml'), 'utf8');
      const line = config.split('\n').findIndex((l) => l.startsWith('  title: ')) + 1;
      writeFileSync(join(dir, 'kommunrapport.config.yaml'), config.replace('title: Demokommunens rapporter (demo)', 'title: "Demo\\u0000\\u202e<b>"'));
      const run = await runMain(['build', 'rapport.yaml', '--format', 'text', '--out', 'out'], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`kommunrapport.config.yaml:${line}:10  error  control-character  site.title`);
      const { existsSync } = await import('node:fs');
      expect(existsSync(join(dir, 'out'))).toBe(false);
      // A bidirectional override alone is flagged, as in a report, and left out of what is published.
      writeFileSync(join(dir, 'kommunrapport.config.yaml'), config.replace('title: Demokommunens rapporter (demo)', 'title: "Demo\\u202e<b>"'));
      const bidi = await runMain(['build', 'rapport.yaml', '--format', 'text', '--out', 'out'], dir);
      expect(bidi.stderr).toContain(`kommunrapport.config.yaml:${line}:10  warning  invisible-character  site.title`);
      expect(bidi.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['a tag on a mapping', 'options:\n  text: !!python/object:builtins.dict\n    wrap: 72\n', '2:9  error  yaml-tag  options.text', 'Remove !!python/object:builtins.dict'],
    ['an unknown tag on a value', 'options:\n  text:\n    wrap: !foo 72\n', '3:11  error  yaml-tag  options.text.wrap', 'Remove !foo'],
    ['a number with more digits than can be kept', 'options:\n  pdf:\n    fontSize: 11.0000000000000000001\n', '3:15  error  number-too-precise  options.pdf.fontSize', 'it would be read as 11'],
  ])('with %s: an error at its line, column and path, as in a report; nothing is built', async (_name, text, head, words) => {
    const dir = mkdtempSync(join(tmpdir(), 'kr-config-'));
    try {
      copyFileSync(baseReport, join(dir, 'rapport.yaml'));
      writeFileSync(join(dir, 'kommunrapport.config.yaml'), text);
      const run = await runMain(['build', 'rapport.yaml', '--format', 'text', '--out', 'out'], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`kommunrapport.config.yaml:${head}`);
      expect(run.stderr).toContain(words);
      expect(run.stdout + run.stderr).not.toMatch(/^ {4}at /m);
      const { existsSync } = await import('node:fs');
      expect(existsSync(join(dir, 'out'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['pdf.fontSize=!!float 11', 'The tag !!float is not read'],
    ['pdf.fontSize=11.0000000000000000001', '11.0000000000000000001 has 21 significant digits'],
  ])('-O %s, read as YAML like the config, is refused as a usage error saying why', async (option, words) => {
    const dir = mkdtempSync(join(tmpdir(), 'kr-config-'));
    try {
      copyFileSync(baseReport, join(dir, 'rapport.yaml'));
      const run = await runMain(['build', 'rapport.yaml', '--format', 'pdf', '--out', 'out', '-O', option], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`kommunrapport build: -O pdf.fontSize: ${words}`);
      const { existsSync } = await import('node:fs');
      expect(existsSync(join(dir, 'out'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

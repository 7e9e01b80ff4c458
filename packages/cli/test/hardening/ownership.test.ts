// Class: the output folder belongs to someone, at the command line. A foreign folder under
// the report's id is left as it was (exit 2, `output-not-ours`); reports sharing an id in
// one batch, even under different config files, fail before anything is written (exit 1).
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pluginPath, reportFixture, runMain, snapshot, tempDir } from '../cli-helpers.js';

const ID = '0999-ks-2022-d2';

describe('build: output folder ownership', () => {
  it('leaves a foreign folder under the report id as it was and exits 2', async () => {
    const dir = tempDir();
    copyFileSync(reportFixture, join(dir, 'rapport.yaml'));
    mkdirSync(join(dir, 'dist', ID), { recursive: true });
    writeFileSync(join(dir, 'dist', ID, 'thesis.docx'), 'four years of work');
    const before = snapshot(join(dir, 'dist'));
    const run = await runMain(['build', 'rapport.yaml', '--plugin', pluginPath('echo'), '--format', 'echo'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('holds no .kommunrapport-build.json marker');
    expect(run.stdout).toContain('(output-not-ours)');
    expect(snapshot(join(dir, 'dist'))).toEqual(before);
  });

  it('--out naming a file (or a path through a file) is refused by name with a fix, exit 2, the file left as it was', async () => {
    const dir = tempDir();
    copyFileSync(reportFixture, join(dir, 'rapport.yaml'));
    writeFileSync(join(dir, 'rapport.pdf'), 'last year\'s report');
    for (const [out, message] of [
      ['rapport.pdf', `The output folder ${join(dir, 'rapport.pdf')} is a file, so nothing was written. (output-failed)`],
      ['rapport.pdf/dist', `The output folder ${join(dir, 'rapport.pdf', 'dist')} cannot be made: ${join(dir, 'rapport.pdf')} is a file, so nothing was written. (output-failed)`],
    ] as const) {
      const run = await runMain(['build', 'rapport.yaml', '--plugin', pluginPath('echo'), '--format', 'echo', '--out', out], dir);
      expect(run.code).toBe(2);
      expect(run.stdout).toContain(message);
      expect(run.stdout).toContain('hint: Give --out a folder (made when missing), e.g. --out dist');
      expect(run.stdout).not.toMatch(/ENOTDIR|\.lock-/);
      expect(readFileSync(join(dir, 'rapport.pdf'), 'utf8')).toBe('last year\'s report');
    }
  });

  it('refuses two reports with the same id before writing anything (exit 1), also under different config files', async () => {
    const dir = tempDir();
    const text = readFileSync(reportFixture, 'utf8');
    for (const sub of ['a', 'b']) {
      mkdirSync(join(dir, sub));
      writeFileSync(join(dir, sub, 'rapport.yaml'), text);
    }
    writeFileSync(join(dir, 'b', 'kommunrapport.config.json'), JSON.stringify({ options: {} }));
    writeFileSync(join(dir, 'a', 'other.yaml'), text.replace(`id: ${ID}`, 'id: other'));
    const run = await runMain(['build', 'a/rapport.yaml', 'a/other.yaml', 'b/rapport.yaml', '--plugin', pluginPath('echo'), '--format', 'echo'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Reports share an id, so their outputs would go to the same folder: "${ID}" in a/rapport.yaml, b/rapport.yaml`);
    expect(existsSync(join(dir, 'dist'))).toBe(false);

    // One config group: the batch itself refuses.
    writeFileSync(join(dir, 'a', 'twin.yaml'), text);
    const batch = await runMain(['build', 'a/*.yaml', '--plugin', pluginPath('echo'), '--format', 'echo'], dir);
    expect(batch.code).toBe(1);
    expect(batch.stderr).toContain('(duplicate-report-id)');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});

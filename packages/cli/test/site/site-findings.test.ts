// The findings of a site's reports are printed as build prints several reports' findings
// (src/repeats.ts): each report's warning, with its hint once, under -q too; -q printed no
// warning at all before, where its help says "print only problems" as build's -q does.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_BLOCK, repoRoot, runMain, tempDir } from '../cli-helpers.js';

const minimal = readFileSync(join(repoRoot, 'packages/model/test/fixtures/valid/minimal.yaml'), 'utf8');
/** The minimal report with a forecast that does not match its headline: a warning, nothing worse. */
const warned = (id: string) => minimal.replace('values: { prognos: -5.8 }', 'values: { prognos: -6.4 }').replace('role: incomeStatement', 'role: headline').replace(/^id: .*$/m, `id: ${id}`);

describe('site: findings of several reports', () => {
  it('lists each report\'s warning with its hint once, under -q too', async () => {
    const dir = tempDir('kr-site-findings-');
    writeFileSync(join(dir, 'a.yaml'), warned('rapport-a'));
    writeFileSync(join(dir, 'b.yaml'), warned('rapport-b'));
    writeFileSync(join(dir, 'kommunrapport.config.yaml'), SITE_BLOCK);
    const count = (text: string, part: string) => text.split(part).length - 1;
    const all = await runMain(['site', 'a.yaml', 'b.yaml', '-o', 'all'], dir);
    expect(all.code, all.stderr).toBe(0);
    const code = /^[ab]\.yaml:\d+:\d+ {2}warning {2}(\S+)/m.exec(all.stderr)![1]!;
    expect(count(all.stderr, `  warning  ${code}  `)).toBe(2);
    expect(count(all.stderr, '  hint:  ')).toBe(1);
    const quiet = await runMain(['site', 'a.yaml', 'b.yaml', '-o', 'quiet', '-q'], dir);
    expect(quiet.code).toBe(0);
    expect(count(quiet.stderr, `  warning  ${code}  `)).toBe(2);
    expect(count(quiet.stderr, '  hint:  ')).toBe(1);
    expect(quiet.stdout).toBe('');
  }, 240_000);
});

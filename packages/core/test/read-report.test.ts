// readReport finds, before rendering, what validate and build both report: here the
// vocabulary's colours too light for text (low-contrast), at the colour's own line; and
// buildReport reports it whichever plugins render (it was the html plugin's, at render).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, readableColour, readReport } from '../src/index.js';
import { plugin, tempDir } from './helpers.js';

const example = join(new URL('../../../examples/norrvik-bun-2024-malmodell', import.meta.url).pathname);

function lightColour(colour: string): { dir: string; line: number; column: number } {
  const dir = tempDir();
  cpSync(example, dir, { recursive: true });
  const text = readFileSync(join(dir, 'rapport.yaml'), 'utf8');
  writeFileSync(join(dir, 'rapport.yaml'), text.replace('colour: "#8a5a00", symbol: ◐', `colour: "${colour}", symbol: ◐`));
  const line = text.split('\n').findIndex((l) => l.includes('"#8a5a00"')) + 1;
  return { dir, line, column: text.split('\n')[line - 1]!.indexOf('"#8a5a00"') + 1 };
}

describe('readReport', () => {
  it('warns low-contrast at a vocabulary colour below 4.5:1 on the page or its shade, with expected and found', async () => {
    const { dir, line, column } = lightColour('#ffdd00');
    const read = await readReport(join(dir, 'rapport.yaml'), 'rapport.yaml');
    expect(readableColour('#ffdd00')).toBe(false);
    expect(read.diagnostics.filter((d) => d.code === 'low-contrast')).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'rapport.yaml', path: 'governance.assessment[1].colour', line, column, found: expect.stringMatching(/^1\.\d\d:1$/), message: 'governance.assessment "partly": colour #ffdd00 has less than 4.5:1 contrast on the page; its symbol is drawn in the text colour.' }),
    ]);
    const ok = await readReport(join(example, 'rapport.yaml'), 'rapport.yaml');
    expect(ok.diagnostics.filter((d) => d.code === 'low-contrast')).toEqual([]);
  });

  it('a colour readable on white but not on the shade of tables is found too (one rule with the writers)', async () => {
    // #767676 is 4.54:1 on white and 4.2:1 on #f3f4f6.
    expect(readableColour('#767676')).toBe(false);
    const { dir } = lightColour('#767676');
    const read = await readReport(join(dir, 'rapport.yaml'), 'rapport.yaml');
    expect(read.diagnostics.map((d) => d.code)).toContain('low-contrast');
  });

  it('buildReport reports it with a plugin that is not html, and refuses under strict', async () => {
    const { dir } = lightColour('#ffff00');
    const echo = await plugin('echo');
    const r = await buildReport({ file: join(dir, 'rapport.yaml'), plugins: [echo], outDir: join(dir, 'out'), cwd: dir });
    expect(r.diagnostics.filter((d) => d.code === 'low-contrast')).toHaveLength(1);
    const strict = await buildReport({ file: join(dir, 'rapport.yaml'), plugins: [echo], outDir: join(dir, 'out2'), cwd: dir, strict: true });
    expect(strict.ok).toBe(false);
    expect(strict.problems.map((p) => p.code)).toEqual(['report-invalid']);
  });
});

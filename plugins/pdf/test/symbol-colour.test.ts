// A badge's symbol is drawn in its vocabulary colour only where that colour is readable on the
// page (core's symbolColour, the rule the HTML page follows too); a colour too light for text
// (the `low-contrast` warning, which says the symbol takes the text colour) is not drawn at all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badgeRuns } from '../src/text-blocks.js';
import { fillColourOperators } from '../src/text-run.js';
import { ROOT, load, renderTo } from './render.js';
import { requireTools, run } from './tools.js';

const NORRVIK = join(ROOT, 'examples/norrvik-bun-2024-malmodell/rapport.yaml');
const LIGHT = '#f2c200';
const DARK = '#1a7f37';
const badge = (colour: string) => ({ scale: 'assessment' as const, key: 'k', label: 'Delvis uppfyllt', textAlternative: 'delvis uppfyllt', symbol: '◐', colour });

describe('the colour of a symbol in the PDF', () => {
  it('is the vocabulary colour where it is readable, and none (the text colour) where it is too light', () => {
    expect(badgeRuns(badge(DARK) as never)[0]).toMatchObject({ artifact: true, colour: DARK });
    const light = badgeRuns(badge(LIGHT) as never)[0]!;
    expect(light.artifact).toBe(true);
    expect(light.colour).toBeUndefined();
  });

  it('draws no fill in a light vocabulary colour in a whole report, and still the readable ones', async () => {
    requireTools(['qpdf']);
    const text = readFileSync(NORRVIK, 'utf8').replace('colour: "#8a5a00"', `colour: "${LIGHT}"`);
    expect(text).toContain(LIGHT);
    const { file } = await renderTo('symbol-colour-light', load(NORRVIK, text));
    const plain = `${file}.qdf`;
    run('qpdf', ['--qdf', '--object-streams=disable', file, plain]);
    const content = readFileSync(plain, 'latin1');
    expect(content).toContain(fillColourOperators(DARK)!);
    expect(content).not.toContain(fillColourOperators(LIGHT)!);
  });
});

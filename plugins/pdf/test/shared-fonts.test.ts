// The parsed fonts are shared by every document of a process (a batch worker, the preview,
// the site). A document built after another must be the document built alone: here the first
// report draws Ẅ, whose glyph is made from W's, and the second draws W itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, load, renderTo } from './render.js';
import { requireTools, run } from './tools.js';

const base = parse(readFileSync(join(ROOT, 'packages/model/test/fixtures/valid/minimal.yaml'), 'utf8')) as Record<string, any>;
const withSummary = (summary: string) => load('shared-fonts.yaml', stringify({ ...base, summary }));

let file: string;

beforeAll(async () => {
  requireTools(['pdftotext']);
  // No W anywhere in the first report: its subset makes W's glyph only as a part of Ẅ.
  await renderTo('shared-fonts-first', withSummary('Ẅ är en bokstav.'));
  ({ file } = await renderTo('shared-fonts-second', withSummary('Wadköping och Ẅ.')));
});

describe('pdf: documents made one after another in a process', () => {
  it('the first report has no W of its own (else the case proves nothing)', () => {
    expect(JSON.stringify(base)).not.toMatch(/W/);
  });

  it('a glyph another document made only as part of a composite keeps its character in the ToUnicode map', () => {
    const text = run('pdftotext', [file, '-']).replace(/\s+/g, ' ');
    expect(text).toContain('Wadköping och Ẅ.');
  });
});

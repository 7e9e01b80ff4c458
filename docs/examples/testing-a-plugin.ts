// Testing a plugin (as plugins/<name>/test/plugin.test.ts): load a real report, decode the
// options as the host does, render, and assert on the artifacts and on option errors.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadReport } from '@kommunrapport/model';
import { createRenderContext, decodeOptions } from '@kommunrapport/core';
import outline from './outline-plugin.js';

const file = 'examples/eskilstuna-ks-2022-delar2/rapport.yaml';
const { report } = loadReport(readFileSync(file, 'utf8'), file);

describe('outline plugin', () => {
  it('writes the title first, then the headings', async () => {
    const options = decodeOptions(outline, { indent: 4 });
    const artifacts = await outline.render(report!, createRenderContext(report!, options.value!));
    expect(artifacts.map((a) => a.path)).toEqual(['outline.txt']);
    expect(String(artifacts[0]!.contents).split('\n')[0]).toBe(report!.title);
  });

  it('rejects a misspelt option with its path', () => {
    const { diagnostics } = decodeOptions(outline, { indnet: 4 });
    expect(diagnostics[0]).toMatchObject({ plugin: 'outline', path: 'options.outline.indnet' });
  });
});

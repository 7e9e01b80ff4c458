// The options codec: defaults, and bad options as located diagnostics with a fix, like the
// other plugins' (a misspelt key is `unknown-key` with the closest key, never "a never").
import { describe, expect, it } from 'vitest';
import { decodeOptions } from '@kommunrapport/core';
import plugin, { HtmlOptions, defaultOptions } from '../src/index.js';

describe('the options codec', () => {
  it('fills in the defaults when nothing is given, keeps given options', () => {
    for (const raw of [undefined, null, {}]) expect(HtmlOptions.decode(raw)).toEqual({ _tag: 'Right', right: defaultOptions });
    expect(HtmlOptions.decode({ tocDepth: 2, css: 'p { color: black }' })).toEqual({ _tag: 'Right', right: { tocDepth: 2, css: 'p { color: black }' } });
    expect(plugin.options).toBe(HtmlOptions);
  });
});

describe('bad options', () => {
  it('a misspelt key is unknown-key naming the known keys and the closest one', () => {
    const r = decodeOptions(plugin, { tocdepth: 3 }, { file: 'kommunrapport.config.yaml' });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'unknown-key',
        path: 'options.html.tocdepth',
        plugin: 'html',
        file: 'kommunrapport.config.yaml',
        message: 'Plugin "html": Unknown key "tocdepth". Did you mean "tocDepth"?',
        expected: 'one of the keys css, tocDepth',
        hint: 'Rename "tocdepth" to "tocDepth".',
      }),
    ]);
  });

  it('an unknown key beside a bad value gives both, and no "never"', () => {
    const r = decodeOptions(plugin, { nope: 1, tocDepth: 9 });
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['unknown-key', 'options.html.nope'],
      ['invalid-value', 'options.html.tocDepth'],
    ]);
    expect(JSON.stringify(r.diagnostics)).not.toContain('never');
  });

  it('a number out of range asks for the range, not for quotes', () => {
    const [d] = decodeOptions(plugin, { tocDepth: 9 }).diagnostics;
    expect(d).toMatchObject({ code: 'invalid-value', message: 'Plugin "html": 9 is not an integer from 2 to 6 (the deepest heading level listed).', hint: 'Write an integer from 2 to 6 (the deepest heading level listed).' });
  });
});

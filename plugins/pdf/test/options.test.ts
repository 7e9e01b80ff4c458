// The options codec: defaults, accepted values, and errors for bad or unknown options.
import { describe, expect, it } from 'vitest';
import { PathReporter } from 'io-ts/lib/PathReporter.js';
import { decodeOptions } from '@kommunrapport/core';
import plugin, { DEFAULT_OPTIONS, PdfOptions } from '../src/index.js';

const decode = (u: unknown) => PdfOptions.decode(u);

describe('pdf: options', () => {
  it('no options give the defaults: A4, 10 pt, contents to level 3', () => {
    const r = decode(undefined);
    expect(r._tag).toBe('Right');
    if (r._tag === 'Right') expect(r.right).toEqual({ pageSize: 'A4', fontSize: 10, tocDepth: 3 });
    expect(DEFAULT_OPTIONS).toEqual({ pageSize: 'A4', fontSize: 10, tocDepth: 3 });
  });

  it('given options override the defaults one by one', () => {
    const r = decode({ fontSize: 11.5, pageSize: 'A5' });
    expect(r._tag === 'Right' && r.right).toEqual({ pageSize: 'A5', fontSize: 11.5, tocDepth: 3 });
  });

  it.each([
    [{ pageSize: 'Letter' }, 'pageSize'],
    [{ fontSize: 30 }, 'fontSize'],
    [{ tocDepth: 2.5 }, 'tocDepth'],
    [{ tocDepth: 1 }, 'tocDepth'],
    [{ fontsize: 10 }, 'fontsize'],
  ])('%j is rejected at key %s', (input, key) => {
    const r = decode(input);
    expect(r._tag).toBe('Left');
    expect(PathReporter.report(r).join('\n')).toContain(key);
  });

  it('through the core, a bad option is a diagnostic at options.pdf.<key>', () => {
    const bad = decodeOptions(plugin, { fontSize: 30 });
    expect(bad.value).toBeUndefined();
    expect(bad.diagnostics[0]).toMatchObject({ plugin: 'pdf', path: 'options.pdf.fontSize' });
    expect(decodeOptions(plugin, undefined).value).toEqual(DEFAULT_OPTIONS);
    expect(decodeOptions(plugin, null).value).toEqual(DEFAULT_OPTIONS);
  });

  it('a number out of range is invalid-value asking for the range, not "put it in quotes"; text where a number belongs is invalid-type', () => {
    const [size, depth] = decodeOptions(plugin, { fontSize: 30, tocDepth: 9 }).diagnostics;
    expect(size).toMatchObject({ code: 'invalid-value', message: 'Plugin "pdf": 30 is not a number of points from 8 to 14 (font size).', hint: 'Write a number of points from 8 to 14 (font size).' });
    expect(depth).toMatchObject({ code: 'invalid-value', hint: 'Write an integer from 2 to 6 (table of contents depth).' });
    expect(decodeOptions(plugin, { fontSize: '11' }).diagnostics[0]).toMatchObject({ code: 'invalid-type', path: 'options.pdf.fontSize', hint: expect.stringContaining('without quotes') });
  });

  it('the plugin declares the pdf format and this codec', () => {
    expect(plugin.name).toBe('pdf');
    expect(plugin.formats).toEqual(['pdf']);
    expect(plugin.options).toBe(PdfOptions);
  });
});

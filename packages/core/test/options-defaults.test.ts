// withDefaults: decoded options carry every default; bad options fail with the codec's errors.
import { describe, expect, it } from 'vitest';
import * as t from 'io-ts';
import { strict } from '@kommunrapport/model';
import { withDefaults, definePlugin, decodeOptions } from '../src/index.js';

const Options = withDefaults(strict('DemoOptions', 'Options of a demo plugin.', {}, { indent: t.number, file: t.string }), { indent: 2, file: 'demo.txt' });

describe('withDefaults', () => {
  it('fills in every default when nothing or part is given', () => {
    expect(Options.decode(undefined)).toEqual({ _tag: 'Right', right: { indent: 2, file: 'demo.txt' } });
    expect(Options.decode(null)).toEqual({ _tag: 'Right', right: { indent: 2, file: 'demo.txt' } });
    expect(Options.decode({ indent: 4 })).toEqual({ _tag: 'Right', right: { indent: 4, file: 'demo.txt' } });
  });

  it('keeps the codec strict: a wrong type or an unknown key is an error', () => {
    expect(Options.decode({ indent: 'four' })._tag).toBe('Left');
    expect(Options.decode({ indnet: 4 })._tag).toBe('Left');
  });

  it('types the decoded options with the defaults required and works with decodeOptions', () => {
    const plugin = definePlugin({ name: 'demo', formats: ['demo'], options: Options, render: (_r, ctx) => [{ path: ctx.options.file, contents: ' '.repeat(ctx.options.indent), mediaType: 'text/plain' }] });
    const ok = decodeOptions(plugin, { file: 'x.txt' });
    expect(ok.value).toEqual({ indent: 2, file: 'x.txt' });
    const bad = decodeOptions(plugin, { indent: true });
    expect(bad.value).toBeUndefined();
    expect(bad.diagnostics[0]).toMatchObject({ plugin: 'demo', path: 'options.demo.indent' });
    const indent: number = ok.value!.indent;
    expect(indent).toBe(2);
  });
});

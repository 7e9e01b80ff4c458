// Loading plugins by path or package, checking their shape, and decoding their options with
// the same located diagnostics as reports.
import { describe, expect, it } from 'vitest';
import * as t from 'io-ts';
import { parseYaml, strict } from '@kommunrapport/model';
import { BuildError, decodeOptions, definePlugin, loadPlugin, pluginShapeProblems, withDefaults } from '../src/index.js';
import { pluginsDir, plugin } from './helpers.js';

const caught = async (p: Promise<unknown>): Promise<BuildError> => {
  try {
    await p;
  } catch (error) {
    if (error instanceof BuildError) return error;
    throw error;
  }
  throw new Error('expected a BuildError');
};

describe('loadPlugin', () => {
  it('loads the default export of a file given by a relative path', async () => {
    const p = await loadPlugin('./echo.mjs', pluginsDir);
    expect(p.name).toBe('echo');
    expect(p.formats).toEqual(['echo']);
  });

  it('loads a package by name, resolved from the given folder', async () => {
    // io-ts is not a plugin, so loading it proves the package was found and then refused by shape.
    const e = await caught(loadPlugin('io-ts', pluginsDir));
    expect(e.problem).toMatchObject({ code: 'plugin-invalid', plugin: 'io-ts', hook: 'load' });
    expect(e.problem.message).toContain('`render` must be a function');
  });

  it('says when a package cannot be found', async () => {
    const e = await caught(loadPlugin('@kommunrapport/plugin-does-not-exist', pluginsDir));
    expect(e.problem).toMatchObject({ code: 'plugin-not-found', plugin: '@kommunrapport/plugin-does-not-exist' });
    expect(e.message).toContain('Cannot find the plugin package');
  });

  it('says when a file cannot be found', async () => {
    const e = await caught(loadPlugin('./missing.mjs', pluginsDir));
    expect(e.problem.code).toBe('plugin-not-found');
    expect(e.message).toContain('missing.mjs');
  });

  it('refuses a module without a default export', async () => {
    const e = await caught(loadPlugin('./no-default.mjs', pluginsDir));
    expect(e.problem.code).toBe('plugin-invalid');
    expect(e.message).toContain('export default definePlugin');
  });

  it('lists every missing part of a half plugin', async () => {
    const e = await caught(loadPlugin('./half.mjs', pluginsDir));
    expect(e.problem).toMatchObject({ code: 'plugin-invalid', plugin: 'half' });
    expect(e.message).toContain('`formats` must be a non-empty list');
    expect(e.message).toContain('`options` must be an io-ts codec');
    expect(e.message).toContain('`render` must be a function');
    expect(e.message).toMatch(/^\[plugin half\] load: /);
  });

  it('accepts what definePlugin makes', () => {
    const p = definePlugin({ name: 'x', formats: ['x'], options: t.type({}), render: () => [] });
    expect(pluginShapeProblems(p)).toEqual([]);
    expect(pluginShapeProblems(null)).toEqual(['the default export is null, not a plugin object']);
  });
});

describe('decodeOptions', () => {
  const codec = t.strict({ theme: t.keyof({ light: null, dark: null }), pages: t.number });

  it('returns the decoded options', () => {
    const p = definePlugin({ name: 'pdf-x', formats: ['x'], options: codec, render: () => [] });
    expect(decodeOptions(p, { theme: 'dark', pages: 2 })).toEqual({ value: { theme: 'dark', pages: 2 }, diagnostics: [] });
  });

  it('reports wrong options with the code, the path under options.<plugin>, the plugin and the line in the config file', async () => {
    const p = definePlugin({ name: 'pdf-x', formats: ['x'], options: codec, render: () => [] });
    const text = 'plugins: [./x.mjs]\noptions:\n  pdf-x:\n    theme: blue\n    pages: "two"\n';
    const parsed = parseYaml(text, 'kommunrapport.config.yaml');
    const raw = (parsed.value as { options: Record<string, unknown> }).options['pdf-x'];
    const r = decodeOptions(p, raw, { file: 'kommunrapport.config.yaml', locate: parsed.locate });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.path, d.plugin, d.line])).toEqual([
      ['invalid-value', 'options.pdf-x.theme', 'pdf-x', 4],
      ['invalid-type', 'options.pdf-x.pages', 'pdf-x', 5],
    ]);
    expect(r.diagnostics[0]).toMatchObject({ file: 'kommunrapport.config.yaml', severity: 'error', hint: 'Use one of: light, dark.', found: '"blue"' });
    expect(r.diagnostics[1]!.message).toBe('Plugin "pdf-x": Expected a number, found text "two".');
  });

  it('reports a misspelt option of a plain io-ts codec (which would drop it) as the strict codecs do: unknown-key, located, closest key suggested', () => {
    const text = 'options:\n  plain:\n    pages: 2\n    them: dark\n';
    const parsed = parseYaml(text, 'kommunrapport.config.yaml');
    const raw = (parsed.value as { options: Record<string, unknown> }).options['plain'];
    for (const options of [
      t.exact(t.partial({ theme: t.string, pages: t.number })),
      t.partial({ theme: t.string, pages: t.number }),
      t.intersection([t.type({ pages: t.number }), t.partial({ theme: t.string })]),
      t.strict({ pages: t.number, theme: t.string }),
      t.readonly(t.type({ pages: t.number, theme: t.string })),
    ]) {
      const p = definePlugin({ name: 'plain', formats: ['plain'], options: options as t.Type<unknown>, render: () => [] });
      const r = decodeOptions(p, raw, { file: 'kommunrapport.config.yaml', locate: parsed.locate });
      expect(r.value, options.name).toBeUndefined();
      expect(r.diagnostics, options.name).toEqual([
        expect.objectContaining({ code: 'unknown-key', severity: 'error', path: 'options.plain.them', plugin: 'plain', line: 4, message: 'Plugin "plain": Unknown key "them". Did you mean "theme"?', hint: 'Rename "them" to "theme".' }),
      ]);
    }
    // A codec that takes any key, and the right keys, are left alone.
    const anyKey = definePlugin({ name: 'any', formats: ['any'], options: t.record(t.string, t.unknown), render: () => [] });
    expect(decodeOptions(anyKey, { them: 'dark' })).toEqual({ value: { them: 'dark' }, diagnostics: [] });
    const right = definePlugin({ name: 'right', formats: ['right'], options: t.exact(t.partial({ theme: t.string })), render: () => [] });
    expect(decodeOptions(right, { theme: 'dark' })).toEqual({ value: { theme: 'dark' }, diagnostics: [] });
  });

  it('options that are not a mapping (a list, a number) are said in words with the plugin\'s options, not as the codec\'s name', () => {
    const p = definePlugin({ name: 'slides', formats: ['slides'], options: withDefaults(strict('SlidesOptions', 'Options of the slides plugin.', {}, { theme: t.string, pages: t.number }), { theme: 'light', pages: 2 }), render: () => [] });
    const text = 'options:\n  slides: [1, 2]\n';
    const parsed = parseYaml(text, 'kommunrapport.config.yaml');
    const raw = (parsed.value as { options: Record<string, unknown> }).options['slides'];
    const r = decodeOptions(p, raw, { file: 'kommunrapport.config.yaml', locate: parsed.locate });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'invalid-type',
        path: 'options.slides',
        plugin: 'slides',
        file: 'kommunrapport.config.yaml',
        line: 2,
        message: 'Plugin "slides": the options must be a mapping of option names to values, found a list.',
        expected: 'a mapping of options (theme, pages)',
        hint: 'Write each option on a line of its own, indented under slides:, e.g. theme: "light"; or leave slides: out for the defaults.',
      }),
    ]);
    expect(JSON.stringify(decodeOptions(p, 11).diagnostics)).not.toContain('SlidesOptions');
    expect(decodeOptions(p, 11).diagnostics[0]!.message).toBe('Plugin "slides": the options must be a mapping of option names to values, found the number 11.');
  });

  it('reports a missing option and decodes absent options as {}', async () => {
    const echo = await plugin('echo');
    expect(decodeOptions(echo, undefined)).toEqual({ value: {}, diagnostics: [] });
    const p = definePlugin({ name: 'y', formats: ['y'], options: codec, render: () => [] });
    const r = decodeOptions(p, undefined);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['missing-field', 'options.y.theme'],
      ['missing-field', 'options.y.pages'],
    ]);
  });
});

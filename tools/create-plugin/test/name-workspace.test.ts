// The name rules and the workspace edits: the registry of known plugins in each style it
// may be written in, the CLI's dependency, and the tsconfig include and references.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nameProblem, pascalCase, camelCase } from '../src/name.js';
import { globMatches, registerPlugin, renameInCode, updateTsconfig } from '../src/workspace.js';
import { createPlugin } from '../src/generate.js';
import { main } from '../src/cli.js';

describe('nameProblem', () => {
  it('accepts lowercase kebab-case names', () => {
    expect(nameProblem('outline')).toBeUndefined();
    expect(nameProblem('easy-read2')).toBeUndefined();
  });

  it('says what was expected, what was found and what to try', () => {
    expect(nameProblem('EasyRead')).toBe('Expected a lowercase kebab-case name (a–z, 0–9 and single hyphens, starting with a letter), found "EasyRead". Try "easy-read".');
    expect(nameProblem('easy--read')).toMatch(/found "easy--read"\. Try "easy-read"\./);
    expect(nameProblem('2html')).toMatch(/^Expected a lowercase kebab-case name/);
    expect(nameProblem('')).toMatch(/A plugin name is required/);
    expect(nameProblem('a'.repeat(41))).toMatch(/at most 40 characters, found 41/);
  });

  it('refuses reserved words, the plugin- prefix and names in use', () => {
    expect(nameProblem('core')).toMatch(/"core" is a reserved word/);
    expect(nameProblem('class')).toMatch(/reserved word/);
    expect(nameProblem('plugin-outline')).toMatch(/without the "plugin-" prefix.*Try "outline"/);
    expect(nameProblem('html', ['html', 'pdf'])).toMatch(/"html" exists already/);
  });

  it('derives identifiers from the name', () => {
    expect(pascalCase('easy-read')).toBe('EasyRead');
    expect(camelCase('easy-read')).toBe('easyRead');
  });
});

describe('workspace edits', () => {
  let root = '';
  const setup = (registry: string | undefined, tsconfig: object = { include: ['plugins/*/src', 'plugins/*/test'] }) => {
    root = mkdtempSync(join(tmpdir(), 'kr-create-plugin-unit-'));
    mkdirSync(join(root, 'packages/cli/src'), { recursive: true });
    mkdirSync(join(root, 'plugins/html/src'), { recursive: true });
    writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - plugins/*\n');
    writeFileSync(join(root, 'tsconfig.json'), JSON.stringify(tsconfig));
    writeFileSync(join(root, 'plugins/html/src/plugin.ts'), "export default { name: 'html', formats: ['html', 'web'] };\n");
    writeFileSync(join(root, 'packages/cli/package.json'), JSON.stringify({ name: '@kommunrapport/cli', dependencies: { '@kommunrapport/plugin-html': 'workspace:*', '@kommunrapport/plugin-open-data': 'workspace:*' } }));
    if (registry !== undefined) writeFileSync(join(root, 'packages/cli/src/known-plugins.ts'), registry);
  };
  const registry = () => readFileSync(join(root, 'packages/cli/src/known-plugins.ts'), 'utf8');
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('adds a package name to a list of package names, and the CLI dependency', () => {
    setup("/** First-party plugins. */\nexport const FIRST_PARTY = ['@kommunrapport/plugin-html', '@kommunrapport/plugin-open-data'] as const;\n");
    const edits = registerPlugin(root, 'outline');
    expect(registry()).toContain("['@kommunrapport/plugin-html', '@kommunrapport/plugin-open-data', '@kommunrapport/plugin-outline'] as const");
    expect(edits.map((e) => e.file)).toEqual(['packages/cli/src/known-plugins.ts', 'packages/cli/package.json']);
    expect(JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).dependencies['@kommunrapport/plugin-outline']).toBe('workspace:*');
    expect(registerPlugin(root, 'outline')).toEqual([]);
  });

  it('adds a quoted key to a map from format to package', () => {
    setup("export const PLUGINS: Record<string, string> = {\n  html: '@kommunrapport/plugin-html',\n  pdf: '@kommunrapport/plugin-pdf',\n};\n");
    registerPlugin(root, 'easy-read');
    expect(registry()).toContain("'easy-read': '@kommunrapport/plugin-easy-read'");
    expect(registry()).toContain("pdf: '@kommunrapport/plugin-pdf'");
  });

  it('imports the plugin the way the others are imported and lists it', () => {
    setup("import html from '@kommunrapport/plugin-html';\nimport openData from '@kommunrapport/plugin-open-data';\n\nexport const builtins = [html, openData];\n");
    registerPlugin(root, 'easy-read');
    expect(registry()).toContain("import openData from '@kommunrapport/plugin-open-data';\nimport easyRead from '@kommunrapport/plugin-easy-read';");
    expect(registry()).toContain('[html, openData, easyRead]');
  });

  it('copies the shape of an entry with a loader', () => {
    setup("export const known = [\n  { format: 'html', load: () => import('@kommunrapport/plugin-html') },\n  { format: 'open-data', load: () => import('@kommunrapport/plugin-open-data') },\n];\n");
    registerPlugin(root, 'outline');
    expect(registry()).toContain("  { format: 'open-data', load: () => import('@kommunrapport/plugin-open-data') },\n  { format: 'outline', load: () => import('@kommunrapport/plugin-outline') },\n];");
  });

  it('leaves the code alone when there is no registry', () => {
    setup("export const formats = ['html'];\n");
    expect(registerPlugin(root, 'outline')).toEqual([]);
    expect(registry()).toBe("export const formats = ['html'];\n");
  });

  it('adds tsconfig include entries and a reference only where needed', () => {
    setup(undefined);
    expect(updateTsconfig(root, 'outline')).toEqual([]);
    rmSync(root, { recursive: true, force: true });
    setup(undefined, { include: ['packages/*/src'], references: [{ path: 'plugins/html' }] });
    expect(updateTsconfig(root, 'outline').map((e) => e.what)).toEqual(['added plugins/outline/src and plugins/outline/test to include', 'added the reference plugins/outline']);
    expect(JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'))).toEqual({
      include: ['packages/*/src', 'plugins/outline/src', 'plugins/outline/test'],
      references: [{ path: 'plugins/html' }, { path: 'plugins/outline' }],
    });
  });

  it('refuses a format name another plugin declares', () => {
    setup(undefined);
    const result = createPlugin({ root, name: 'web' });
    expect(result).toMatchObject({ ok: false, written: [] });
    expect(result.problem).toMatch(/"web" exists already/);
  });

  it('globMatches reads tsconfig globs', () => {
    expect(globMatches('plugins/*/src', 'plugins/outline/src')).toBe(true);
    expect(globMatches('plugins/**', 'plugins/outline/test')).toBe(true);
    expect(globMatches('packages/*/src', 'plugins/outline/src')).toBe(false);
  });

  it('renameInCode renames every spelling', () => {
    expect(renameInCode("import openData from '@kommunrapport/plugin-open-data'; // OpenData", 'open-data', 'easy-read')).toBe("import easyRead from '@kommunrapport/plugin-easy-read'; // EasyRead");
  });
});

describe('main (command line)', () => {
  const run = (argv: string[], cwd = '/') => {
    const lines: string[] = [];
    const code = main(argv, cwd, { log: (s) => lines.push(s), error: (s) => lines.push(s) });
    return { code, text: lines.join('\n') };
  };

  it('exits 2 with the usage for a missing name, two names or an unknown option', () => {
    expect(run([])).toMatchObject({ code: 2, text: expect.stringContaining('expected one plugin name, found 0') });
    expect(run(['a', 'b'])).toMatchObject({ code: 2, text: expect.stringContaining('found 2') });
    expect(run(['a', '--force'])).toMatchObject({ code: 2, text: expect.stringContaining('unknown option "--force"') });
  });

  it('exits 2 outside a repository and 1 for a bad name, writing nothing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'kr-no-root-'));
    try {
      expect(run(['outline'], empty)).toMatchObject({ code: 2, text: expect.stringContaining('no pnpm-workspace.yaml') });
      writeFileSync(join(empty, 'pnpm-workspace.yaml'), '');
      expect(run(['Outline', '--dir', '.'], empty)).toMatchObject({ code: 1, text: expect.stringContaining('Try "outline"') });
      expect(readdirSync(empty)).toEqual(['pnpm-workspace.yaml']);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

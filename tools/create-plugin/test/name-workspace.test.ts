// The name rules, the tsconfig edits, the two places a plugin can be created (this
// repository, without touching the CLI, or a package of its own anywhere else) and the
// versions a standalone plugin depends on.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nameProblem, pascalCase, camelCase } from '../src/name.js';
import { globMatches, updateTsconfig } from '../src/workspace.js';
import { VERSIONS } from '../src/versions.js';
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

  it('creates plugins/<name> in the repository and leaves the CLI\'s files alone', () => {
    setup("export const FIRST_PARTY = ['@kommunrapport/plugin-html', '@kommunrapport/plugin-open-data'] as const;\n");
    mkdirSync(join(root, 'packages/core'), { recursive: true });
    writeFileSync(join(root, 'packages/core/package.json'), JSON.stringify({ name: '@kommunrapport/core' }));
    const before = [registry(), readFileSync(join(root, 'packages/cli/package.json'), 'utf8')];
    const result = createPlugin({ dir: root, name: 'outline' });
    expect(result).toMatchObject({ ok: true, mode: 'workspace', folder: 'plugins/outline' });
    expect([registry(), readFileSync(join(root, 'packages/cli/package.json'), 'utf8')]).toEqual(before);
    expect(result.nextSteps.at(-1)).toBe('pnpm kommunrapport build examples/eskilstuna-ks-2022-delar2/rapport.yaml --plugin ./plugins/outline --format outline');
    expect(JSON.parse(readFileSync(join(root, 'plugins/outline/package.json'), 'utf8')).name).toBe('@kommunrapport/plugin-outline');
  });

  it('creates kommunrapport-plugin-<name>/ depending on the released packages anywhere else', () => {
    root = mkdtempSync(join(tmpdir(), 'kr-create-plugin-standalone-'));
    const result = createPlugin({ dir: root, name: 'easy-read' });
    expect(result).toMatchObject({ ok: true, mode: 'standalone', folder: 'kommunrapport-plugin-easy-read', edits: [] });
    const pkg = JSON.parse(readFileSync(join(root, 'kommunrapport-plugin-easy-read/package.json'), 'utf8'));
    expect(pkg.dependencies).toEqual({ '@kommunrapport/core': `^${VERSIONS.core}`, '@kommunrapport/model': `^${VERSIONS.model}`, 'io-ts': VERSIONS.ioTs });
    expect(pkg.devDependencies['@kommunrapport/cli']).toBe(`^${VERSIONS.cli}`);
    expect(readdirSync(join(root, 'kommunrapport-plugin-easy-read')).sort()).toEqual(['.gitignore', 'README.md', 'package.json', 'src', 'test', 'tsconfig.json']);
    expect(readFileSync(join(root, 'kommunrapport-plugin-easy-read/test/plugin.test.ts'), 'utf8')).toContain("from '@kommunrapport/core/testing'");
    expect(result.nextSteps).toEqual(['cd kommunrapport-plugin-easy-read', 'npm install', 'npm test', 'npm run build', 'npx kommunrapport init example', 'npx kommunrapport build example/rapport.yaml --plugin . --format easy-read --out out']);
    expect(createPlugin({ dir: root, name: 'easy-read' }).problem).toMatch(/kommunrapport-plugin-easy-read exists already/);
  });

  it('writes the versions of this repository\'s packages and of its tools into a standalone plugin', () => {
    const version = (p: string) => (JSON.parse(readFileSync(join(import.meta.dirname, '../../..', p), 'utf8')) as { version: string }).version;
    const root = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(VERSIONS).toEqual({
      core: version('packages/core/package.json'),
      model: version('packages/model/package.json'),
      cli: version('packages/cli/package.json'),
      ioTs: root.devDependencies['io-ts'],
      typescript: root.devDependencies.typescript,
      vitest: root.devDependencies.vitest,
      typesNode: root.devDependencies['@types/node'],
    });
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
    const result = createPlugin({ dir: root, name: 'web', mode: 'workspace' });
    expect(result).toMatchObject({ ok: false, written: [] });
    expect(result.problem).toMatch(/"web" exists already/);
  });

  it('globMatches reads tsconfig globs', () => {
    expect(globMatches('plugins/*/src', 'plugins/outline/src')).toBe(true);
    expect(globMatches('plugins/**', 'plugins/outline/test')).toBe(true);
    expect(globMatches('packages/*/src', 'plugins/outline/src')).toBe(false);
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

  it('creates a package of its own outside the repository, and exits 1 for a bad name, writing nothing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'kr-no-root-'));
    try {
      expect(run(['Outline'], empty)).toMatchObject({ code: 1, text: expect.stringContaining('Try "outline"') });
      expect(readdirSync(empty)).toEqual([]);
      const made = run(['outline'], empty);
      expect(made.code).toBe(0);
      expect(made.text).toContain('Created kommunrapport-plugin-outline (a package of its own):');
      expect(made.text).toContain('  1. cd kommunrapport-plugin-outline\n  2. npm install\n');
      expect(readdirSync(empty)).toEqual(['kommunrapport-plugin-outline']);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

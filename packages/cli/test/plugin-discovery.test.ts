// Plugins without editing the CLI: named in kommunrapport.config.yaml (`plugins: [...]`) or
// with --plugin as a package name (looked up from the report's folder, then the current
// one), a file, or a plugin package's folder; every way loading can fail has its own code,
// message, hint and exit code; options from the config or from -O are decoded by the
// plugin's codec with located errors.
import { existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFixture, repoRoot, runMain, tempDir } from './cli-helpers.js';

const ID = '0999-ks-2022-d2';
const requireFromCore = createRequire(join(repoRoot, 'packages/core/package.json'));
const ioTs = dirname(requireFromCore.resolve('io-ts/package.json'));

/** A plugin module (ESM) with a strict-ish options codec made with io-ts. */
const PLUGIN = (name: string) => `import * as t from 'io-ts';
export default {
  name: '${name}',
  formats: ['${name}'],
  options: t.exact(t.partial({ greeting: t.string, size: t.number })),
  render(report, ctx) {
    return [{ path: '${name}.txt', contents: \`\${ctx.options.greeting ?? 'Hej'} \${ctx.options.size ?? 0} \${report.id}\\n\`, mediaType: 'text/plain; charset=utf-8' }];
  },
};
`;

/** A work folder: the report in reports/, io-ts visible to plugins written below it. */
function work(): string {
  const dir = tempDir('kr-discovery-');
  mkdirSync(join(dir, 'reports'));
  writeFileSync(join(dir, 'reports/rapport.yaml'), readFileSync(reportFixture));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(realpathSync(ioTs), join(dir, 'node_modules/io-ts'), 'dir');
  return dir;
}

/** Writes a plugin package `name` into `<at>/<folder>` with its entry at dist/index.js. */
function pluginPackage(at: string, folder: string, name: string, pkgName = `kommunrapport-plugin-${name}`): string {
  const dir = join(at, folder);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: pkgName, version: '1.2.3', type: 'module', exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } } }));
  writeFileSync(join(dir, 'dist/index.js'), PLUGIN(name));
  return dir;
}

const read = (dir: string, file: string) => readFileSync(join(dir, 'out', ID, file), 'utf8');

describe('finding plugins', () => {
  it('--plugin <folder with package.json> loads the entry its exports name', async () => {
    const dir = work();
    pluginPackage(dir, 'slides', 'slides');
    const r = await runMain(['build', 'reports/rapport.yaml', '--plugin', './slides', '-f', 'slides', '-o', 'out'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(read(dir, 'slides.txt')).toBe(`Hej 0 ${ID}\n`);
  });

  it('--plugin <package name> is looked up from the report\'s folder first, then from the current folder', async () => {
    const dir = work();
    // Installed only next to the report.
    pluginPackage(join(dir, 'reports/node_modules'), 'kommunrapport-plugin-near', 'near');
    let r = await runMain(['build', 'reports/rapport.yaml', '--plugin', 'kommunrapport-plugin-near', '-f', 'near', '-o', 'out'], dir);
    expect(r.stderr).toBe('');
    expect(read(dir, 'near.txt')).toContain(ID);
    // Installed only in the current folder.
    pluginPackage(join(dir, 'node_modules'), 'kommunrapport-plugin-far', 'far');
    r = await runMain(['build', 'reports/rapport.yaml', '--plugin', 'kommunrapport-plugin-far', '-f', 'far', '-o', 'out'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'far.txt')).toContain(ID);
  });

  it('plugins: [...] in kommunrapport.config.yaml adds the plugin to a build without --format, with its options', async () => {
    const dir = work();
    pluginPackage(join(dir, 'node_modules'), 'kommunrapport-plugin-cfg', 'cfg');
    writeFileSync(join(dir, 'reports/kommunrapport.config.yaml'), 'plugins: [kommunrapport-plugin-cfg]\noptions:\n  cfg:\n    greeting: Hallå\n');
    const r = await runMain(['build', 'reports/rapport.yaml', '-f', 'cfg', '-o', 'out'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'cfg.txt')).toBe(`Hallå 0 ${ID}\n`);
  });

  it('--config <file> is used instead of the config next to the report; paths in it are relative to it', async () => {
    const dir = work();
    pluginPackage(dir, 'conf/my-plugin', 'mine');
    writeFileSync(join(dir, 'reports/kommunrapport.config.yaml'), 'options:\n  mine:\n    greeting: Fel\n');
    writeFileSync(join(dir, 'conf/other.yaml'), 'plugins: [./my-plugin]\noptions:\n  mine:\n    greeting: Rätt\n');
    const r = await runMain(['build', 'reports/rapport.yaml', '--config', 'conf/other.yaml', '-f', 'mine', '-o', 'out'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'mine.txt')).toBe(`Rätt 0 ${ID}\n`);
    const missing = await runMain(['build', 'reports/rapport.yaml', '--config', 'conf/nope.yaml'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--config conf/nope.yaml: no such file');
  });
});

describe('every plugin-loading error has its own code, message, hint and exit code', () => {
  it('a package that is not installed: plugin-not-found, exit 2, says where it looked and how to install it', async () => {
    const dir = work();
    const r = await runMain(['build', 'reports/rapport.yaml', '--plugin', 'kommunrapport-plugin-nowhere'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Cannot find the plugin package "kommunrapport-plugin-nowhere" from');
    expect(r.stderr).toContain(join(dir, 'reports'));
    expect(r.stderr).toContain('(plugin-not-found)');
    expect(r.stderr).toContain('hint: Install it where the report or the command can see it (npm install kommunrapport-plugin-nowhere)');
  });

  it('a path that does not exist: plugin-not-found, exit 2, says what it is relative to', async () => {
    const dir = work();
    const r = await runMain(['build', 'reports/rapport.yaml', '--plugin', './nothing/here.js'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Cannot find the plugin file ${join(dir, 'nothing/here.js')}.`);
    expect(r.stderr).toContain(`hint: Check the path: it is relative to ${dir}.`);
  });

  it('a folder without package.json: plugin-folder, exit 2, suggests the file', async () => {
    const dir = work();
    mkdirSync(join(dir, 'loose'));
    writeFileSync(join(dir, 'loose/index.js'), PLUGIN('loose'));
    const r = await runMain(['build', 'reports/rapport.yaml', '--plugin', './loose'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no package.json');
    expect(r.stderr).toContain('(plugin-folder)');
    expect(r.stderr).toContain('hint: Give the folder of a plugin package');
    expect(r.stderr).toContain('./loose/dist/index.js');
  });

  it('a package folder whose entry is not built yet: plugin-not-found, exit 2, says to build it', async () => {
    const dir = work();
    const pkg = pluginPackage(dir, 'unbuilt', 'unbuilt');
    const { rmSync } = await import('node:fs');
    rmSync(join(pkg, 'dist'), { recursive: true });
    const r = await runMain(['build', 'reports/rapport.yaml', '--plugin', './unbuilt'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('names ./dist/index.js as its entry, but there is no such file');
    expect(r.stderr).toContain('hint: Build the plugin first (npm run build in');
  });

  it('a module that is not a plugin: plugin-invalid, exit 1, lists what is missing', async () => {
    const dir = work();
    writeFileSync(join(dir, 'half.mjs'), "export default { name: 'half', formats: ['half'] };\n");
    const r = await runMain(['build', 'reports/rapport.yaml', '--plugin', './half.mjs'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[plugin half] load: "./half.mjs" is not a valid plugin');
    expect(r.stderr).toContain('`options` must be an io-ts codec');
    expect(r.stderr).toContain('(plugin-invalid)');
    expect(r.stderr).toContain('hint: Export the plugin as the default export');
  });

  it('a plugin whose module does not import (a dependency not installed, an error in it): plugin-invalid, exit 1, says to install or correct it', async () => {
    const dir = work();
    const pkg = pluginPackage(dir, 'uninstalled', 'uninstalled');
    writeFileSync(join(pkg, 'dist/index.js'), `import { definePlugin } from 'kommunrapport-not-installed-anywhere';\n${PLUGIN('uninstalled')}`);
    const r = await runMain(['build', 'reports/rapport.yaml', '--plugin', './uninstalled'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`[plugin ./uninstalled] load: Importing the plugin ${join(dir, 'uninstalled/dist/index.js')} failed: Cannot find package 'kommunrapport-not-installed-anywhere'`);
    expect(r.stderr).toContain('(plugin-invalid)');
    expect(r.stderr).toContain("hint: A module the plugin imports is not installed: run npm install in the plugin's package");
    writeFileSync(join(dir, 'broken.mjs'), "throw new Error('the plugin broke while loading');\n");
    const broken = await runMain(['build', 'reports/rapport.yaml', '--plugin', './broken.mjs'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('failed: the plugin broke while loading');
    expect(broken.stderr).toContain("hint: Correct the error in the plugin's module");
    expect(broken.stderr).not.toMatch(/^\s+at /m);
  });

  it('bad options in the config: exit 1, located in the file with the plugin named and a hint; misspelt options and plugin names suggested', async () => {
    const dir = work();
    pluginPackage(dir, 'slides', 'slides');
    writeFileSync(join(dir, 'reports/kommunrapport.config.yaml'), 'plugins: [../slides]\noptions:\n  slides:\n    size: stor\n');
    const r = await runMain(['build', 'reports/rapport.yaml', '-f', 'slides', '-o', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/reports\/kommunrapport\.config\.yaml:4:\d+/);
    expect(r.stderr).toContain('options.slides.size');
    expect(r.stderr).toContain('Plugin "slides"');
    expect(r.stderr).toContain('hint:     Write the number without quotes');
    // A misspelt option: the plugin's plain io-ts codec would drop it; it is an error with the key suggested, as for first-party plugins.
    writeFileSync(join(dir, 'reports/kommunrapport.config.yaml'), 'plugins: [../slides]\noptions:\n  slides:\n    greting: Hallå\n');
    const misspelt = await runMain(['build', 'reports/rapport.yaml', '-f', 'slides', '-o', 'out'], dir);
    expect(misspelt.code).toBe(1);
    expect(misspelt.stderr).toContain('reports/kommunrapport.config.yaml:4:5  error  [plugin slides] unknown-key  options.slides.greting');
    expect(misspelt.stderr).toContain('Plugin "slides": Unknown key "greting". Did you mean "greeting"?');
    expect(misspelt.stderr).toContain('hint:     Rename "greting" to "greeting".');
    writeFileSync(join(dir, 'reports/kommunrapport.config.yaml'), 'plugins: [../slides]\noptions:\n  slidse:\n    size: 2\n');
    const typo = await runMain(['build', 'reports/rapport.yaml', '-f', 'slides', '-o', 'out', '--strict'], dir);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('Did you mean "slides"?');
  });
});

describe('-O <plugin>.<option>=<value>', () => {
  it('lays options over the config, read as YAML values', async () => {
    const dir = work();
    pluginPackage(dir, 'slides', 'slides');
    writeFileSync(join(dir, 'reports/kommunrapport.config.yaml'), 'options:\n  slides:\n    greeting: Hej\n    size: 1\n');
    const r = await runMain(['build', 'reports/rapport.yaml', '--plugin', './slides', '-f', 'slides', '-o', 'out', '-O', 'slides.size=11', '-O', 'slides.greeting=God dag'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'slides.txt')).toBe(`God dag 11 ${ID}\n`);
  });

  it('is decoded like the config: a bad value or a misspelt option names the -O argument, the path and what was expected (exit 1)', async () => {
    const dir = work();
    pluginPackage(dir, 'slides', 'slides');
    const r = await runMain(['build', 'reports/rapport.yaml', '--plugin', './slides', '-f', 'slides', '-o', 'out', '-O', 'slides.size=stor'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('-O slides.size=stor');
    expect(r.stderr).toContain('options.slides.size');
    expect(r.stderr).toContain('Plugin "slides"');
    const misspelt = await runMain(['build', 'reports/rapport.yaml', '--plugin', './slides', '-f', 'slides', '-o', 'out', '-O', 'slides.greting=Hej'], dir);
    expect(misspelt.code).toBe(1);
    expect(misspelt.stderr).toContain('-O slides.greting=Hej  error  [plugin slides] unknown-key  options.slides.greting');
    expect(misspelt.stderr).toContain('Did you mean "greeting"?');
    const typo = await runMain(['build', 'reports/rapport.yaml', '--plugin', './slides', '-f', 'slides', '-o', 'out', '-O', 'slidse.size=2', '--strict'], dir);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('-O slidse.size=2');
    expect(typo.stderr).toContain('Did you mean "slides"?');
  });

  it('checks a first-party plugin\'s options the same way: a misspelt or wrong -O pdf.fontSize is refused (exit 1) before anything renders, as in the config file', async () => {
    const dir = work();
    const misspelt = await runMain(['build', 'reports/rapport.yaml', '-f', 'pdf', '-o', 'out', '-O', 'pdf.fontSiz=11'], dir);
    expect(misspelt.code).toBe(1);
    expect(misspelt.stderr).toContain('-O pdf.fontSiz=11  error  [plugin pdf] unknown-key  options.pdf.fontSiz');
    expect(misspelt.stderr).toContain('Did you mean "fontSize"?');
    const wrong = await runMain(['build', 'reports/rapport.yaml', '-f', 'pdf', '-o', 'out', '-O', 'pdf.fontSize=elva'], dir);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('-O pdf.fontSize=elva  error  [plugin pdf]');
    expect(wrong.stderr).toContain('options.pdf.fontSize');
    // The same mistake in the config file is located there instead.
    writeFileSync(join(dir, 'reports/kommunrapport.config.yaml'), 'options:\n  pdf:\n    fontSiz: 11\n');
    const inConfig = await runMain(['build', 'reports/rapport.yaml', '-f', 'pdf', '-o', 'out'], dir);
    expect(inConfig.code).toBe(1);
    expect(inConfig.stderr).toContain('reports/kommunrapport.config.yaml:3:5  error  [plugin pdf] unknown-key  options.pdf.fontSiz');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses an argument without plugin, option or "=" (exit 2)', async () => {
    const dir = work();
    for (const bad of ['fontSize=11', 'pdf.fontSize', '.x=1']) {
      const r = await runMain(['build', 'reports/rapport.yaml', '-O', bad], dir);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain(`-O expects <plugin>.<option>=<value>, e.g. -O pdf.fontSize=11; found "${bad}".`);
    }
  });
});

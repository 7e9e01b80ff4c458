// Loading a plugin by package name, file or folder and checking that its default export has
// the shape of the plugin contract, with a message that says exactly what is wrong.
import { createRequire } from 'node:module';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BuildError, messageOf } from './build-error.js';
import type { Plugin } from './plugin.js';

/** Whether a plugin spec is a path (`./x.js`, `../x`, `/abs/x.mjs`, `x.mjs`) rather than a package name. */
export function isPathSpec(spec: string): boolean {
  return spec.startsWith('.') || isAbsolute(spec) || /\.(c|m)?(j|t)s$/.test(spec);
}

/** Whether this process resolves workspace packages to their sources (`--conditions=@kommunrapport/source`). */
function sourceCondition(): boolean {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].join(' ');
  return /(--conditions|-C)[= ]?@kommunrapport\/source/.test(flags);
}

/** The target of a package's `exports` for `.`, with the conditions an ESM import in this process uses. */
function exportTarget(exports: unknown, conditions: readonly string[]): string | undefined {
  if (typeof exports === 'string') return exports;
  if (Array.isArray(exports)) {
    for (const e of exports) {
      const t = exportTarget(e, conditions);
      if (t !== undefined) return t;
    }
    return undefined;
  }
  if (typeof exports !== 'object' || exports === null) return undefined;
  const map = exports as Record<string, unknown>;
  if ('.' in map) return exportTarget(map['.'], conditions);
  for (const [key, value] of Object.entries(map)) {
    if (conditions.includes(key)) {
      const t = exportTarget(value, conditions);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}

/** The entry file of a plugin package in `dir`: its `exports` for `.`, else `main`, else index.js. */
function folderEntry(dir: string, spec: string): string {
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile)) {
    throw new BuildError({
      code: 'plugin-folder',
      plugin: spec,
      hook: 'load',
      message: `The folder ${dir} has no package.json, so it does not say which file is the plugin.`,
      hint: `Give the folder of a plugin package (made with create-plugin, with package.json), or the plugin file itself, e.g. ${spec.replace(/\/$/, '')}/dist/index.js.`,
    });
  }
  let pkg: { name?: unknown; exports?: unknown; main?: unknown };
  try {
    pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as typeof pkg;
  } catch (error) {
    throw new BuildError({
      code: 'plugin-folder',
      plugin: spec,
      hook: 'load',
      message: `The plugin's ${pkgFile} is not valid JSON: ${messageOf(error)}`,
      hint: 'Correct package.json (run `npm pkg get name` in the folder to check it reads).',
    }, { cause: error });
  }
  const conditions = [...(sourceCondition() ? ['@kommunrapport/source'] : []), 'import', 'node', 'default'];
  const target = (pkg.exports !== undefined ? exportTarget(pkg.exports, conditions) : undefined) ?? (typeof pkg.main === 'string' ? pkg.main : 'index.js');
  const file = resolve(dir, target);
  if (!existsSync(file)) {
    throw new BuildError({
      code: 'plugin-not-found',
      plugin: typeof pkg.name === 'string' ? pkg.name : spec,
      hook: 'load',
      message: `The plugin package in ${dir} names ${target} as its entry, but there is no such file.`,
      hint: `Build the plugin first (npm run build in ${dir}), then run the command again.`,
    });
  }
  return file;
}

/**
 * Resolves a plugin spec to a file URL. A path (a file, or the folder of a plugin package
 * with package.json) is relative to the first of `fromDirs`; a package name is looked up
 * with node's resolution from each of `fromDirs` in turn (e.g. the report's folder, then the
 * current one). Throws `plugin-not-found` or `plugin-folder`.
 */
export function resolvePluginSpec(spec: string, fromDirs: string | readonly string[]): string {
  const dirs = typeof fromDirs === 'string' ? [fromDirs] : [...new Set(fromDirs)];
  if (isPathSpec(spec)) {
    const path = resolve(dirs[0] ?? process.cwd(), spec);
    if (!existsSync(path)) {
      throw new BuildError({
        code: 'plugin-not-found',
        plugin: spec,
        hook: 'load',
        message: `Cannot find the plugin file ${path}.`,
        hint: `Check the path: it is relative to ${dirs[0] ?? process.cwd()}. A package name has no ./ in front, e.g. @kommunrapport/plugin-${spec.replace(/^.*\//, '').replace(/\..*$/, '') || 'name'}.`,
      });
    }
    return pathToFileURL(statSync(path).isDirectory() ? folderEntry(path, spec) : path).href;
  }
  const errors: unknown[] = [];
  for (const dir of dirs) {
    try {
      return pathToFileURL(createRequire(join(dir, 'noop.js')).resolve(spec)).href;
    } catch (error) {
      errors.push(error);
    }
  }
  throw new BuildError({
    code: 'plugin-not-found',
    plugin: spec,
    hook: 'load',
    message: `Cannot find the plugin package "${spec}" from ${dirs.join(' or ')}.`,
    hint: `Install it where the report or the command can see it (npm install ${spec}), or give its folder or file as a path, e.g. ./${spec.replace(/^@[^/]+\//, '')}.`,
  }, { cause: errors[0] });
}

/**
 * Imports a module. In the CLI's code-cached bundle (a node:vm script compiled with V8's code
 * cache, see packages/cli/bin/code-cache.js) a function that comes from the cache can lose its
 * dynamic `import()` callback (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING); there the module is
 * loaded with `require`, which loads ES modules without top-level await on Node 20.19 and later.
 */
async function importModule(url: string, file: string): Promise<unknown> {
  try {
    return await import(url);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING') throw error;
    return createRequire(file)(file) as unknown;
  }
}

/**
 * Imports a plugin by package name, file or folder (see {@link resolvePluginSpec}) and
 * returns its default export after checking its shape, with the file it came from.
 * Throws a {@link BuildError} (`plugin-not-found`, `plugin-folder`, `plugin-invalid`)
 * naming the spec and what is wrong.
 */
export async function importPlugin(spec: string, fromDirs: string | readonly string[]): Promise<{ plugin: Plugin<unknown>; file: string }> {
  const url = resolvePluginSpec(spec, fromDirs);
  const file = fileURLToPath(url);
  let mod: unknown;
  try {
    mod = await importModule(url, file);
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
    throw new BuildError({
      code: 'plugin-invalid',
      plugin: spec,
      hook: 'load',
      message: `Importing the plugin ${file} failed: ${messageOf(error)}`,
      hint: missing
        ? 'A module the plugin imports is not installed: run npm install in the plugin\'s package (it needs @kommunrapport/core and its other dependencies).'
        : 'Correct the error in the plugin\'s module; it must import without side effects and `export default definePlugin({ ... })`.',
    }, { cause: error });
  }
  return { plugin: assertPlugin((mod as { default?: unknown }).default, spec), file };
}

/** Imports a plugin by package name, file or folder; see {@link importPlugin}. */
export async function loadPlugin(spec: string, fromDirs: string | readonly string[]): Promise<Plugin<unknown>> {
  return (await importPlugin(spec, fromDirs)).plugin;
}

/** Lists what is wrong with a value that should be a plugin; empty when it is one. */
export function pluginShapeProblems(value: unknown): string[] {
  if (value === undefined) return ['the module has no default export; write `export default definePlugin({ name, formats, options, render })`'];
  if (typeof value !== 'object' || value === null) return [`the default export is ${value === null ? 'null' : typeof value}, not a plugin object`];
  const p = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof p.name !== 'string' || p.name.trim() === '') problems.push('`name` must be a non-empty string, e.g. "html"');
  if (!Array.isArray(p.formats) || p.formats.length === 0 || !p.formats.every((f) => typeof f === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(f))) {
    problems.push('`formats` must be a non-empty list of format names (lowercase a–z, 0–9, -), e.g. ["html"]');
  }
  const options = p.options as { decode?: unknown; validate?: unknown } | undefined;
  if (typeof options !== 'object' || options === null || typeof options.decode !== 'function' || typeof options.validate !== 'function') {
    problems.push('`options` must be an io-ts codec, e.g. t.type({}) or t.partial({ … })');
  }
  if (typeof p.render !== 'function') problems.push('`render` must be a function (report, context) => artifacts');
  return problems;
}

/** Returns the value as a plugin, or throws `plugin-invalid` listing every problem. */
export function assertPlugin(value: unknown, spec: string): Plugin<unknown> {
  const problems = pluginShapeProblems(value);
  if (problems.length > 0) {
    const name = typeof (value as { name?: unknown } | undefined)?.name === 'string' ? (value as { name: string }).name : spec;
    throw new BuildError({
      code: 'plugin-invalid',
      plugin: name,
      hook: 'load',
      message: `"${spec}" is not a valid plugin: ${problems.join('; ')}.`,
    });
  }
  return value as Plugin<unknown>;
}

// Loading a plugin by package name or path and checking that its default export has the
// shape of the plugin contract, with a message that says exactly what is wrong.
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BuildError, messageOf } from './build-error.js';
import type { Plugin } from './plugin.js';

/** Whether a plugin spec is a path (`./x.js`, `../x`, `/abs/x.mjs`, `x.mjs`) rather than a package name. */
export function isPathSpec(spec: string): boolean {
  return spec.startsWith('.') || isAbsolute(spec) || /\.(c|m)?(j|t)s$/.test(spec);
}

/**
 * Resolves a plugin spec to a file URL: a path relative to `fromDir`, or a package
 * installed where `fromDir` can see it (node's resolution, with the current conditions).
 */
export function resolvePluginSpec(spec: string, fromDir: string): string {
  if (isPathSpec(spec)) return pathToFileURL(resolve(fromDir, spec)).href;
  try {
    return pathToFileURL(createRequire(join(fromDir, 'noop.js')).resolve(spec)).href;
  } catch (error) {
    throw new BuildError({
      code: 'plugin-not-found',
      plugin: spec,
      hook: 'load',
      message: `Cannot find the plugin package "${spec}" from ${fromDir}.`,
      hint: `Install it (pnpm add ${spec}) or give a path such as ./my-plugin.js.`,
    }, { cause: error });
  }
}

/**
 * Imports a plugin by package name or path (relative to `fromDir`) and returns its default
 * export after checking its shape. Throws a {@link BuildError} (`plugin-not-found`,
 * `plugin-invalid`) naming the spec and what is wrong.
 */
export async function loadPlugin(spec: string, fromDir: string): Promise<Plugin<unknown>> {
  const url = resolvePluginSpec(spec, fromDir);
  let mod: unknown;
  try {
    mod = await import(url);
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(messageOf(error)).includes(url.replace('file://', ''));
    throw new BuildError({
      code: missing ? 'plugin-not-found' : 'plugin-invalid',
      plugin: spec,
      hook: 'load',
      message: missing ? `Cannot find the plugin file ${url.replace('file://', '')}.` : `Importing the plugin failed: ${messageOf(error)}`,
    }, { cause: error });
  }
  const exported = (mod as { default?: unknown }).default;
  return assertPlugin(exported, spec);
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

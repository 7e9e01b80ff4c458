// Creates a plugin package: checks the name, writes the files from the templates and says
// what to do next. Inside this repository it writes plugins/<name>/ (a workspace package;
// the CLI is not touched: the plugin is used with --plugin or named in a config file).
// Anywhere else it writes kommunrapport-plugin-<name>/, a package of its own depending on
// the released @kommunrapport/core. Never overwrites a file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nameProblem } from './name.js';
import { packageName, pluginFiles } from './templates.js';
import { VERSIONS } from './versions.js';
import { namesInUse, updateTsconfig, type WorkspaceEdit } from './workspace.js';

/** The result of {@link createPlugin}. */
export interface CreateResult {
  ok: boolean;
  /** Why nothing was created, when `ok` is false. */
  problem?: string;
  /** `workspace` (plugins/<name> in this repository) or `standalone` (a package of its own). */
  mode: 'workspace' | 'standalone';
  /** The new package's folder, relative to the folder given. */
  folder: string;
  /** Files written, relative to the folder given. */
  written: string[];
  /** Edits made to existing files. */
  edits: WorkspaceEdit[];
  /** Commands to run next, in order, each from the folder the previous one left you in (starting in the folder given). */
  nextSteps: string[];
}

/** The io-ts version used in the workspace (from the first plugin that names it, else the root). */
function ioTsVersion(root: string): string {
  for (const file of ['plugins/text/package.json', 'packages/core/package.json', 'package.json']) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    const v = pkg.dependencies?.['io-ts'] ?? pkg.devDependencies?.['io-ts'];
    if (v) return v;
  }
  return VERSIONS.ioTs;
}

/** Whether `dir` is the root of the kommunrapport repository (a pnpm workspace holding @kommunrapport/core). */
export function isRepositoryRoot(dir: string): boolean {
  const core = join(dir, 'packages/core/package.json');
  if (!existsSync(join(dir, 'pnpm-workspace.yaml')) || !existsSync(core)) return false;
  try {
    return (JSON.parse(readFileSync(core, 'utf8')) as { name?: string }).name === '@kommunrapport/core';
  } catch {
    return false;
  }
}

/**
 * Scaffolds a plugin. `mode: 'workspace'` (the default when `dir` is the repository root)
 * writes `plugins/<name>/`; `'standalone'` writes `kommunrapport-plugin-<name>/` in `dir`.
 */
export function createPlugin(options: { dir: string; name: string; mode?: 'workspace' | 'standalone' }): CreateResult {
  const { dir, name } = options;
  const mode = options.mode ?? (isRepositoryRoot(dir) ? 'workspace' : 'standalone');
  const folder = mode === 'workspace' ? `plugins/${name}` : packageName(name, 'standalone');
  const fail = (problem: string): CreateResult => ({ ok: false, problem, mode, folder, written: [], edits: [], nextSteps: [] });
  if (mode === 'workspace' && !existsSync(join(dir, 'pnpm-workspace.yaml'))) return fail(`Expected the repository root (with pnpm-workspace.yaml), found none in ${dir}. Pass --dir <root>.`);
  const problem = nameProblem(name, mode === 'workspace' ? namesInUse(dir) : []);
  if (problem) return fail(problem);
  const target = join(dir, folder);
  if (existsSync(target)) return fail(`The folder ${folder} exists already; nothing was changed. Choose another name or remove the folder.`);
  const written: string[] = [];
  for (const f of pluginFiles(name, { ioTsVersion: mode === 'workspace' ? ioTsVersion(dir) : VERSIONS.ioTs, mode })) {
    const path = join(target, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.contents, { flag: 'wx' });
    written.push(`${folder}/${f.path}`);
  }
  if (mode === 'workspace') {
    return {
      ok: true,
      mode,
      folder,
      written,
      edits: updateTsconfig(dir, name),
      nextSteps: [
        'pnpm install',
        `pnpm vitest run plugins/${name}`,
        `pnpm --filter ${packageName(name)} build`,
        `pnpm kommunrapport build examples/eskilstuna-ks-2022-delar2/rapport.yaml --plugin ./plugins/${name} --format ${name}`,
      ],
    };
  }
  return {
    ok: true,
    mode,
    folder,
    written,
    edits: [],
    nextSteps: [
      `cd ${folder}`,
      'npm install',
      'npm test',
      'npm run build',
      'npx kommunrapport init example',
      `npx kommunrapport build example/rapport.yaml --plugin . --format ${name} --out out`,
    ],
  };
}

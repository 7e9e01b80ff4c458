// A temporary workspace for generator tests: the root config files copied, the CLI and core
// copied (so registry edits stay in the copy), the model and root node_modules linked.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The real repository root. */
export const repoRoot = resolve(import.meta.dirname, '../../..');

const ROOT_FILES = ['pnpm-workspace.yaml', 'package.json', 'tsconfig.base.json', 'tsconfig.json', 'rollup.config.base.mjs', 'vitest.config.ts'];

/** Copies a package's sources, build and bin (not its tests), then links its node_modules to the real one. */
function copyPackage(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of ['package.json', 'rollup.config.mjs', 'src', 'dist', 'bin', 'testing']) {
    if (existsSync(join(from, entry))) cpSync(join(from, entry), join(to, entry), { recursive: true });
  }
  if (existsSync(join(from, 'node_modules'))) linkEntries(join(from, 'node_modules'), join(to, 'node_modules'));
}

/** A node_modules folder of its own whose entries link to the real one's, so links can be added to the copy only. */
function linkEntries(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) linkEntries(join(from, entry), join(to, entry));
    else symlinkSync(realpathSync(join(from, entry)), join(to, entry), 'dir');
  }
}

/** Creates the temporary workspace and returns its root and a cleanup function. */
export function tempWorkspace(): { root: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'kr-create-plugin-'));
  for (const f of ROOT_FILES) cpSync(join(repoRoot, f), join(root, f));
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  mkdirSync(join(root, 'packages'));
  symlinkSync(join(repoRoot, 'packages/model'), join(root, 'packages/model'), 'dir');
  copyPackage(join(repoRoot, 'packages/core'), join(root, 'packages/core'));
  copyPackage(join(repoRoot, 'packages/cli'), join(root, 'packages/cli'));
  mkdirSync(join(root, 'plugins'));
  for (const p of readdirSync(join(repoRoot, 'plugins'))) copyPackage(join(repoRoot, 'plugins', p), join(root, 'plugins', p));
  const example = 'examples/eskilstuna-ks-2022-delar2';
  if (existsSync(join(repoRoot, example))) cpSync(join(repoRoot, example), join(root, example), { recursive: true });
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Links what `pnpm install` would link for a new plugin: its workspace and io-ts dependencies. */
export function linkPluginDependencies(root: string, name: string): void {
  const nm = join(root, 'plugins', name, 'node_modules');
  mkdirSync(join(nm, '@kommunrapport'), { recursive: true });
  symlinkSync(join(root, 'packages/core'), join(nm, '@kommunrapport/core'), 'dir');
  symlinkSync(join(root, 'packages/model'), join(nm, '@kommunrapport/model'), 'dir');
  symlinkSync(realpathSync(join(repoRoot, 'node_modules/io-ts')), join(nm, 'io-ts'), 'dir');
}

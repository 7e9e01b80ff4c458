// Creates a plugin package: checks the name, writes plugins/<name>/ from the templates,
// wires it into the workspace and says what to do next. Never overwrites a file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nameProblem } from './name.js';
import { packageName, pluginFiles } from './templates.js';
import { namesInUse, registerPlugin, updateTsconfig, type WorkspaceEdit } from './workspace.js';

/** The result of {@link createPlugin}. */
export interface CreateResult {
  ok: boolean;
  /** Why nothing was created, when `ok` is false. */
  problem?: string;
  /** Files written, relative to the root. */
  written: string[];
  /** Edits made to existing files. */
  edits: WorkspaceEdit[];
  /** Commands to run next. */
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
  return '2.2.22';
}

/** Scaffolds `plugins/<name>/` under `root` and registers it; see the README for the rules. */
export function createPlugin(options: { root: string; name: string }): CreateResult {
  const { root, name } = options;
  const fail = (problem: string): CreateResult => ({ ok: false, problem, written: [], edits: [], nextSteps: [] });
  if (!existsSync(join(root, 'pnpm-workspace.yaml'))) return fail(`Expected the repository root (with pnpm-workspace.yaml), found none in ${root}. Pass --dir <root>.`);
  const problem = nameProblem(name, namesInUse(root));
  if (problem) return fail(problem);
  const dir = join(root, 'plugins', name);
  if (existsSync(dir)) return fail(`The folder plugins/${name} exists already; nothing was changed. Choose another name or remove the folder.`);
  const written: string[] = [];
  for (const f of pluginFiles(name, { ioTsVersion: ioTsVersion(root) })) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.contents, { flag: 'wx' });
    written.push(`plugins/${name}/${f.path}`);
  }
  const edits = [...updateTsconfig(root, name), ...registerPlugin(root, name)];
  const registered = edits.some((e) => e.what.startsWith('registered'));
  const nextSteps = [
    'pnpm install',
    `npx vitest run plugins/${name}`,
    `pnpm --filter ${packageName(name)} build`,
    registered
      ? `pnpm kommunrapport build examples/eskilstuna-ks-2022-delar2/rapport.yaml --format ${name}`
      : `pnpm kommunrapport build examples/eskilstuna-ks-2022-delar2/rapport.yaml --plugin ./plugins/${name}/dist/index.js --format ${name}`,
    `Then make src/plugin.ts yours, and read docs/plugins.md.`,
  ];
  return { ok: true, written, edits, nextSteps };
}

// The command line: `create-plugin <name> [--dir <folder>] [--standalone]`.
import { resolve } from 'node:path';
import { createPlugin, isRepositoryRoot } from './generate.js';
import { findRoot } from './root.js';

const USAGE = `Usage: create-plugin <name> [--dir <folder>] [--standalone]
  In the kommunrapport repository: creates plugins/<name> (package @kommunrapport/plugin-<name>, format <name>).
  Anywhere else (or with --standalone): creates kommunrapport-plugin-<name>/, a package of its own
  that depends on the released @kommunrapport/core.
  --dir <folder>  where to create it (default: the repository root above the current folder, else the current folder)`;

/** Runs the command and returns the exit code: 0 created, 1 refused (bad name, folder exists), 2 bad usage. */
export function main(argv: readonly string[], cwd: string = process.cwd(), io: { log(s: string): void; error(s: string): void } = console): number {
  let dir: string | undefined;
  let standalone = false;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--dir') {
      dir = argv[++i];
      if (dir === undefined) { io.error(`create-plugin: --dir needs a folder.\n${USAGE}`); return 2; }
    } else if (a === '--standalone') standalone = true;
    else if (a === '--help' || a === '-h') { io.log(USAGE); return 0; }
    else if (a.startsWith('-')) { io.error(`create-plugin: unknown option "${a}".\n${USAGE}`); return 2; }
    else names.push(a);
  }
  if (names.length !== 1) { io.error(`create-plugin: expected one plugin name, found ${names.length}.\n${USAGE}`); return 2; }
  let target: string;
  if (dir !== undefined) target = resolve(cwd, dir);
  else {
    const root = standalone ? undefined : findRoot(cwd);
    target = root !== undefined && isRepositoryRoot(root) ? root : cwd;
  }
  const mode = !standalone && isRepositoryRoot(target) ? 'workspace' : 'standalone';
  const result = createPlugin({ dir: target, name: names[0]!, mode });
  if (!result.ok) { io.error(`create-plugin: ${result.problem}`); return 1; }
  io.log(`Created ${result.folder} (${mode === 'workspace' ? 'a package of this repository' : 'a package of its own'}):`);
  for (const f of result.written) io.log(`  + ${f}`);
  for (const e of result.edits) io.log(`  ~ ${e.file}: ${e.what}`);
  io.log(`\nNext steps${dir !== undefined ? ` (in ${dir})` : ''}:`);
  result.nextSteps.forEach((s, i) => io.log(`  ${i + 1}. ${s}`));
  io.log(`\nThen make src/plugin.ts yours; docs/plugins.md in the kommunrapport repository explains the document it renders.`);
  return 0;
}

// The command line: `create-plugin <name> [--dir <root>]`.
import { createPlugin } from './generate.js';
import { resolve } from 'node:path';
import { findRoot } from './root.js';

const USAGE = 'Usage: pnpm create-plugin <name> [--dir <repository root>]\n  Creates plugins/<name> (package @kommunrapport/plugin-<name>, format <name>) and wires it into the workspace.';

/** Runs the command and returns the exit code: 0 created, 1 refused (bad name, folder exists), 2 bad usage. */
export function main(argv: readonly string[], cwd: string = process.cwd(), io: { log(s: string): void; error(s: string): void } = console): number {
  let dir: string | undefined;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--dir') {
      dir = argv[++i];
      if (dir === undefined) { io.error(`create-plugin: --dir needs a folder.\n${USAGE}`); return 2; }
    } else if (a === '--help' || a === '-h') { io.log(USAGE); return 0; }
    else if (a.startsWith('-')) { io.error(`create-plugin: unknown option "${a}".\n${USAGE}`); return 2; }
    else names.push(a);
  }
  if (names.length !== 1) { io.error(`create-plugin: expected one plugin name, found ${names.length}.\n${USAGE}`); return 2; }
  const root = dir !== undefined ? resolve(cwd, dir) : findRoot(cwd);
  if (root === undefined) { io.error(`create-plugin: no pnpm-workspace.yaml in ${cwd} or above. Run it inside the repository, or pass --dir <root>.`); return 2; }
  const result = createPlugin({ root, name: names[0]! });
  if (!result.ok) { io.error(`create-plugin: ${result.problem}`); return 1; }
  io.log(`Created plugins/${names[0]}:`);
  for (const f of result.written) io.log(`  + ${f}`);
  for (const e of result.edits) io.log(`  ~ ${e.file}: ${e.what}`);
  io.log('\nNext steps:');
  result.nextSteps.forEach((s, i) => io.log(`  ${i + 1}. ${s}`));
  return 0;
}

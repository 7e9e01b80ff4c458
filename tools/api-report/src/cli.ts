// The command line of the tool: `api-report [--check] [--dir <root>]`.
import { resolve } from 'node:path';
import { findRoot, runApiReport } from './run.js';

const USAGE = 'Usage: api-report [--check] [--dir <repository root>]\n  Writes packages/{model,core}/api-report.md, docs/model.md, docs/document.md and the samples in docs/plugins.md;\n  --check compares instead of writing and exits 1 when a file is out of date.';

/** Runs the command; returns the exit code. */
export function main(argv: readonly string[], cwd: string = process.cwd()): number {
  let check = false;
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--check') check = true;
    else if (a === '--dir') dir = argv[++i];
    else if (a === '--help' || a === '-h') { console.log(USAGE); return 0; }
    else { console.error(`api-report: unknown argument "${a}".\n${USAGE}`); return 2; }
  }
  let root: string;
  try {
    root = dir !== undefined ? resolve(cwd, dir) : findRoot(cwd);
  } catch (e) {
    console.error(`api-report: ${(e as Error).message}`);
    return 2;
  }
  const result = runApiReport({ root, check });
  for (const line of result.out) console.log(line);
  for (const line of result.err) console.error(line);
  return result.exitCode;
}

// The `kommunrapport` program: commander with every command registered from its module,
// output through an injectable io, and an exit code instead of process.exit or throwing.
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { EXIT, processIo, type CliIo, type CommandContext } from './io.js';
import { neutralise } from './terminal.js';
import * as validate from './commands/validate.js';
import * as build from './commands/build.js';
import * as init from './commands/init.js';
import * as preview from './commands/preview.js';
import * as validateOpenData from './commands/validate-open-data.js';
import * as formats from './commands/formats.js';
import * as importTables from './commands/import.js';
import * as kolada from './commands/kolada.js';
import * as site from './commands/site.js';

/** A command module: it adds its command to the program. */
export interface CommandModule {
  register(program: Command, ctx: CommandContext): void;
}

/** Every command of the program; add one line per command module. */
export const commands: readonly CommandModule[] = [validate, build, init, preview, validateOpenData, formats, importTables, kolada, site];

/** The version of the cli package. */
export const version: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** Builds the program with all commands, writing through `io`. */
export function createProgram(ctx: CommandContext): Command {
  const program = new Command('kommunrapport')
    .description('Validate and publish Swedish municipal follow-up reports written as YAML.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr, outputError: (s, write) => write(s) })
    .showHelpAfterError('(run kommunrapport --help for usage)')
    .addHelpText(
      'after',
      [
        '',
        'Common flags (as in Pandoc and Quarto): -o/--out, -f/--format, -q/--quiet, -v/--verbose, --config <file>,',
        '-O <plugin>.<option>=<value> for plugin options, build --watch, preview --open. Run kommunrapport <command> --help.',
        'Exit codes: 0 ok, 1 report or plugin errors, 2 usage or I/O problem.',
      ].join('\n'),
    );
  for (const command of commands) command.register(program, ctx);
  return program;
}

/**
 * Runs the command line `argv` (without node and script) and resolves to the exit code:
 * 0 valid, 1 invalid input, 2 usage or I/O problem. Never throws for bad input.
 */
export async function main(argv: string[], given: CliIo = processIo()): Promise<number> {
  // Every byte the command writes passes the terminal gate (see terminal.ts).
  const keepStyle = given.isTTY;
  const io: CliIo = { ...given, stdout: (t) => given.stdout(neutralise(t, { keepStyle })), stderr: (t) => given.stderr(neutralise(t, { keepStyle })) };
  let code: number = EXIT.ok;
  const ctx: CommandContext = { io, exit: (c) => (code = Math.max(code, c)) };
  const program = createProgram(ctx);
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.stderr(`kommunrapport: internal error: ${e instanceof Error ? e.message : String(e)}\nPlease report this with the command you ran.\n`);
    return EXIT.usage;
  }
}

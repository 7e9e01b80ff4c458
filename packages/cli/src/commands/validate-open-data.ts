// `kommunrapport validate-open-data <folder> [--json]`: checks a published open-data folder
// (the `open-data/` folder a build writes, or the report folder holding it) with the
// open-data plugin's validateOpenData, prints the findings and sets the exit code.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { formatDiagnostic, type Diagnostic, type Severity } from '@kommunrapport/model';
import type * as OpenData from '@kommunrapport/plugin-open-data';
import { EXIT, type CommandContext } from '../io.js';

/** Options of the validate-open-data command. */
export interface ValidateOpenDataOptions {
  json?: boolean;
}

/** The folder to check: the given one, or its `open-data/` subfolder when it has one and no datapackage.json itself. */
function openDataFolder(folder: string): string {
  if (!existsSync(join(folder, 'datapackage.json')) && existsSync(join(folder, 'open-data', 'datapackage.json'))) return join(folder, 'open-data');
  return folder;
}

/** Checks one folder with the open-data plugin's `validateOpenData`; never throws for bad input or unreadable folders. Resolves to the exit code. */
export function validateOpenDataFolder(folder: string, options: ValidateOpenDataOptions, ctx: CommandContext, validateOpenData: typeof OpenData.validateOpenData): number {
  const colours = pc.createColors(ctx.io.isTTY);
  const paint = (s: Severity, text: string) => (s === 'error' ? colours.red(text) : s === 'warning' ? colours.yellow(text) : colours.cyan(text));
  const path = resolve(ctx.io.cwd, folder);
  let diagnostics: Diagnostic[];
  let exit: number;
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    diagnostics = [
      {
        code: 'file-unreadable',
        severity: 'error',
        path: '',
        file: folder,
        message: `Cannot read ${folder}: ${existsSync(path) ? 'it is not a folder' : 'no such folder'}.`,
        hint: 'Give the open-data folder of a build (it holds datapackage.json), or the report folder that holds it.',
      },
    ];
    exit = EXIT.usage;
  } else {
    const dir = openDataFolder(path);
    diagnostics = validateOpenData(dir).map((d) => ({ ...d, file: join(folder, dir === path ? '' : 'open-data', d.file ?? '') }));
    exit = diagnostics.some((d) => d.severity === 'error') ? EXIT.invalid : EXIT.ok;
  }
  if (options.json) {
    ctx.io.stdout(`${JSON.stringify({ folder, ok: exit === EXIT.ok, diagnostics }, null, 2)}\n`);
  } else {
    const lines = [colours.bold(folder)];
    for (const d of diagnostics) lines.push('', formatDiagnostic(d, { colour: paint }));
    lines.push(
      '',
      exit === EXIT.ok
        ? colours.green(`✓ ${folder}: report.json, every CSV and datapackage.json are valid and agree`)
        : colours.red(`✗ ${folder}: ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}`),
    );
    ctx.io.stdout(`${lines.join('\n')}\n`);
  }
  return exit;
}

/** Adds `validate-open-data` to the program. */
export function register(program: Command, ctx: CommandContext): void {
  program
    .command('validate-open-data')
    .description('check a published open-data folder: schema, CSVs against datapackage.json, hashes, ids, references')
    .argument('<folder>', 'the open-data folder of a build, or the report folder holding it')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExit codes: 0 valid, 1 problems found, 2 usage or I/O problem.')
    .action(async (folder: string, options: ValidateOpenDataOptions) => {
      // Loaded only for this command: every other command would pay for Ajv and the CSV parser at start.
      const { validateOpenData } = await import('@kommunrapport/plugin-open-data');
      ctx.exit(validateOpenDataFolder(folder, options, ctx, validateOpenData));
    });
}

// `kommunrapport validate-open-data <folder or catalog.rdf> [--allow-placeholder] [--strict] [--json]`:
// checks a published open-data folder (the `open-data/` folder a build writes, or the report
// folder holding it) with the open-data plugin's validateOpenData, or a site's DCAT-AP-SE
// catalogue (catalog.rdf, or the site folder holding it) with validateCatalogueFile, prints
// the findings and sets the exit code.
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
  /** Accept addresses with hosts reserved for examples and tests (a local trial build). */
  allowPlaceholder?: boolean;
  /** Count warnings (a contact point without e-mail) as errors. */
  strict?: boolean;
}

/** The validators of the open-data plugin this command uses. */
export type OpenDataValidators = Pick<typeof OpenData, 'validateOpenData' | 'validateCatalogueFile'>;

/** A site's folder: it holds catalog.rdf and is not itself an open-data or report folder. */
function isSiteFolder(folder: string): boolean {
  return existsSync(join(folder, 'catalog.rdf')) && !existsSync(join(folder, 'datapackage.json')) && !existsSync(join(folder, 'open-data', 'datapackage.json'));
}

/** The folder to check: the given one, or its `open-data/` subfolder when it has one and no datapackage.json itself. */
function openDataFolder(folder: string): string {
  if (!existsSync(join(folder, 'datapackage.json')) && existsSync(join(folder, 'open-data', 'datapackage.json'))) return join(folder, 'open-data');
  return folder;
}

/** Checks one folder or catalogue file with the open-data plugin's validators; never throws for bad input or unreadable files. Resolves to the exit code. */
export function validateOpenDataFolder(folder: string, options: ValidateOpenDataOptions, ctx: CommandContext, validators: OpenDataValidators): number {
  const colours = pc.createColors(ctx.io.isTTY);
  const paint = (s: Severity, text: string) => (s === 'error' ? colours.red(text) : s === 'warning' ? colours.yellow(text) : colours.cyan(text));
  const path = resolve(ctx.io.cwd, folder);
  const check = { allowPlaceholder: options.allowPlaceholder === true };
  let diagnostics: Diagnostic[];
  let exit: number;
  let what = 'report.json, every CSV, datapackage.json and dcat.rdf are valid and agree';
  const unreadable = (reason: string): Diagnostic => ({
    code: 'file-unreadable',
    severity: 'error',
    path: '',
    file: folder,
    message: `Cannot read ${folder}: ${reason}.`,
    hint: "Give the open-data folder of a build (it holds datapackage.json), the report folder that holds it, or a site's catalog.rdf (or the site folder holding it).",
  });
  const fails = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === 'error' || (options.strict === true && d.severity === 'warning'));
  const stat = existsSync(path) ? statSync(path) : undefined;
  const catalogue = stat?.isFile() ? path : stat?.isDirectory() && isSiteFolder(path) ? join(path, 'catalog.rdf') : undefined;
  if (!stat || (!stat.isDirectory() && !stat.isFile())) {
    diagnostics = [unreadable(stat ? 'it is neither a folder nor a file' : 'no such file or folder')];
    exit = EXIT.usage;
  } else if (catalogue !== undefined) {
    what = 'the DCAT-AP-SE catalogue parses and has every mandatory property';
    try {
      diagnostics = validators.validateCatalogueFile(catalogue, check).map((d) => ({ ...d, file: catalogue === path ? folder : join(folder, d.file ?? '') }));
      exit = fails(diagnostics) ? EXIT.invalid : EXIT.ok;
    } catch (e) {
      diagnostics = [unreadable((e as Error).message)];
      exit = EXIT.usage;
    }
  } else {
    const dir = openDataFolder(path);
    diagnostics = validators.validateOpenData(dir, check).map((d) => ({ ...d, file: join(folder, dir === path ? '' : 'open-data', d.file ?? '') }));
    exit = fails(diagnostics) ? EXIT.invalid : EXIT.ok;
  }
  if (options.json) {
    ctx.io.stdout(`${JSON.stringify({ folder, ok: exit === EXIT.ok, diagnostics }, null, 2)}\n`);
  } else {
    const lines = [colours.bold(folder)];
    for (const d of diagnostics) lines.push('', formatDiagnostic(d, { colour: paint }));
    lines.push(
      '',
      exit === EXIT.ok
        ? colours.green(`✓ ${folder}: ${what}${diagnostics.length > 0 ? ` (${diagnostics.length} warning${diagnostics.length === 1 ? '' : 's'})` : ''}`)
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
    .description("check a published open-data folder (schema, CSVs against datapackage.json, hashes, ids, references, DCAT-AP-SE) or a site's catalog.rdf")
    .argument('<folder or catalog.rdf>', "the open-data folder of a build, the report folder holding it, a site's catalog.rdf or the site folder holding it")
    .option('--allow-placeholder', 'accept addresses with hosts reserved for examples and tests (example.org, localhost, *.test …), as the default single-report build writes until baseUrl is set')
    .option('--strict', 'count warnings (a contact point without e-mail) as problems')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExit codes: 0 valid (warnings allowed unless --strict), 1 problems found, 2 usage or I/O problem.')
    .action(async (folder: string, options: ValidateOpenDataOptions) => {
      // Loaded only for this command: every other command would pay for Ajv and the CSV parser at start.
      const validators = await import('@kommunrapport/plugin-open-data');
      ctx.exit(validateOpenDataFolder(folder, options, ctx, validators));
    });
}

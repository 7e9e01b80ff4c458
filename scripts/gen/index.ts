// `pnpm gen`: runs every generator of the repository and writes the files it makes;
// `pnpm gen --check` writes nothing and fails (exit 1), listing the stale files, when a
// generated file differs from what is committed. The generators:
// - the JSON Schema of the report (packages/model/schema/report.schema.json),
// - the API reports of model and core, docs/model.md and the samples in docs/plugins.md (tools/api-report),
// - the troubleshooting section of README.md and docs/troubleshooting.md (from the one catalogue),
// - the CSV column docs of plugins/open-data/README.md (from the Table Schemas),
// - the command-line reference docs/cli.md (from the CLI's commander program).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReportSchema, schemaText } from '@kommunrapport/model';
import { generateAll } from '../../tools/api-report/src/run.js';
import { renderTroubleshootingDoc, withTroubleshooting } from './troubleshooting.js';
import { withCsvColumns } from './csv-columns.js';
import { renderCliReference } from './cli-reference.js';

/** A generated file: its repository path and its contents. */
export interface Generated {
  path: string;
  text: string;
}

/** A generator: a name and the files it makes from the repository at `root`. */
export interface Generator {
  name: string;
  files(root: string, read: (path: string) => string | undefined): Generated[];
}

/** Every generator, in the order they run. */
export const GENERATORS: readonly Generator[] = [
  { name: 'schema', files: () => [{ path: 'packages/model/schema/report.schema.json', text: schemaText(generateReportSchema()) }] },
  { name: 'api-report', files: (root) => generateAll(root).files },
  {
    name: 'troubleshooting',
    files: (_root, read) => [
      { path: 'README.md', text: withTroubleshooting(read('README.md') ?? '') },
      { path: 'docs/troubleshooting.md', text: renderTroubleshootingDoc() },
    ],
  },
  { name: 'csv-columns', files: (root, read) => [{ path: 'plugins/open-data/README.md', text: withCsvColumns(read('plugins/open-data/README.md') ?? '', root) }] },
  { name: 'cli-reference', files: () => [{ path: 'docs/cli.md', text: renderCliReference() }] },
];

/** The outcome of a run: the stale (or written) files and the lines to print. */
export interface GenResult {
  exitCode: number;
  stale: string[];
  lines: string[];
}

/** Runs the generators; with `check`, compares instead of writing. */
export function runGenerators(options: { root: string; check: boolean; generators?: readonly Generator[] }): GenResult {
  const { root, check } = options;
  const read = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined);
  const stale: string[] = [];
  const lines: string[] = [];
  for (const g of options.generators ?? GENERATORS) {
    for (const f of g.files(root, read)) {
      if (read(f.path) === f.text) continue;
      stale.push(f.path);
      if (check) lines.push(`${f.path}: differs from what ${g.name} generates`);
      else {
        writeFileSync(join(root, f.path), f.text);
        lines.push(`${f.path}: written (${g.name})`);
      }
    }
  }
  if (check && stale.length > 0) lines.push(`${stale.length} generated file${stale.length === 1 ? '' : 's'} out of date: ${stale.join(', ')}. Run \`pnpm gen\` and commit the result.`);
  if (stale.length === 0) lines.push('every generated file is up to date');
  return { exitCode: check && stale.length > 0 ? 1 : 0, stale, lines };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`gen: unknown argument ${unknown.join(' ')}\nUsage: pnpm gen [--check]\n`);
    process.exit(2);
  }
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const r = runGenerators({ root, check: args.includes('--check') });
  for (const l of r.lines) (r.exitCode === 0 ? process.stdout : process.stderr).write(`${l}\n`);
  process.exitCode = r.exitCode;
}

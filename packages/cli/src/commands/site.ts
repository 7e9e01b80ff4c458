// `kommunrapport site <reports…> --out <folder> [--config file] [--json] [--strict] [-q] [-v]`:
// builds one organisation's static site: every report in all first-party formats, a start
// page, a page per report (formats, tables with CSV), key-figure pages and the
// tillgänglighetsredogörelse, with settings from the config's `site:` block. Only the
// reports whose source, config or tool version changed are built again; the site is
// published atomically (see ../site/build.ts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { formatDiagnostic, hasErrors, type Severity } from '@kommunrapport/model';
import { assertDistinctIds, BuildError, formatProblem, isIoProblem, parseSourceDateEpoch, reportIdOf } from '@kommunrapport/core';
import { EXIT, type CommandContext } from '../io.js';
import { FIRST_PARTY } from '../first-party.js';
import { CONFIG_NAMES, findConfig, loadConfigFor, readSiteContext } from '../config.js';
import { resolveReports } from './build.js';
import { buildSite, type SiteSummary } from '../site/build.js';
import { RepeatedFindings } from '../repeats.js';

/** Options of the site command. */
export interface SiteOptions {
  out?: string;
  config?: string;
  json?: boolean;
  strict?: boolean;
  quiet?: boolean;
  /** Also print the config file the site's settings come from. */
  verbose?: boolean;
}

/** A minimal `site:` block, shown when the config has none. */
export const MINIMAL_SITE_BLOCK = [
  'site:',
  '  publisher:',
  '    name: Exempels kommun',
  '    organisationNumber: "212000-0000"',
  '  baseUrl: https://www.exempel.se/rapporter/',
  '  contact:',
  '    name: Kommunledningskontoret',
  '    email: rapporter@exempel.se',
].join('\n');

/** Runs the site command; resolves to the exit code. */
export async function runSite(patterns: readonly string[], options: SiteOptions, ctx: CommandContext, version: string): Promise<number> {
  const { io } = ctx;
  const colours = pc.createColors(io.isTTY);
  const paint = (s: Severity, text: string) => (s === 'error' ? colours.red(text) : s === 'warning' ? colours.yellow(text) : colours.cyan(text));
  const show = (abs: string) => relative(io.cwd, abs).split(sep).join('/') || '.';
  const fail = (code: number, text: string) => {
    io.stderr(text.endsWith('\n') ? text : `${text}\n`);
    return code;
  };
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const parsed = parseSourceDateEpoch(epoch);
    if ('problem' in parsed) return fail(EXIT.usage, `kommunrapport site: ${parsed.problem} Unset it to take the date from the report.`);
  }
  let files: string[];
  try {
    files = await resolveReports(patterns, io.cwd);
  } catch (error) {
    return fail(EXIT.usage, `kommunrapport site: ${(error as Error).message}`);
  }
  try {
    assertDistinctIds(files, show);
  } catch (error) {
    if (error instanceof BuildError) return fail(EXIT.invalid, formatProblem(error.problem));
    throw error;
  }
  // The settings: --config, else the config in the current folder, else the one next to the first report.
  const explicit = options.config === undefined ? undefined : resolve(io.cwd, options.config);
  if (explicit !== undefined && !(existsSync(explicit) && statSync(explicit).isFile()))
    return fail(EXIT.usage, `kommunrapport site: --config ${options.config}: no such file. Give the path of a config file such as ${CONFIG_NAMES[1]} with a site: block.`);
  const configFile = explicit ?? findConfig(io.cwd) ?? findConfig(dirname(files[0]!));
  if (configFile === undefined)
    return fail(EXIT.usage, `kommunrapport site: no ${CONFIG_NAMES[1]} in ${show(io.cwd)} or next to ${show(files[0]!)}, so the site has no publisher.\nWrite one with at least this block (or give its path with --config):\n\n${MINIMAL_SITE_BLOCK}\n`);
  if (options.verbose === true && options.quiet !== true) io.stderr(`config ${show(configFile)}\n`);
  const config = await loadConfigFor(files[0]!, show, configFile);
  if (config.diagnostics.length > 0) {
    io.stderr(`${config.diagnostics.map((d) => formatDiagnostic(d, { colour: paint })).join('\n\n')}\n`);
    if (config.diagnostics.some((d) => d.code === 'file-unreadable' || d.code === 'not-a-file')) return EXIT.usage;
    if (hasErrors(config.diagnostics, { strict: options.strict === true })) return EXIT.invalid;
  }
  const settings = config.config.site;
  if (settings === undefined)
    return fail(EXIT.usage, `kommunrapport site: ${show(configFile)} has no site: block, so the site has no publisher.\nAdd at least this block to it:\n\n${MINIMAL_SITE_BLOCK}\n`);
  if (options.strict === true && settings.accessibility === undefined)
    return fail(EXIT.invalid, `kommunrapport site: ${show(configFile)}: site.accessibility is missing, and the tillgänglighetsredogörelse needs it (--strict).\nAdd e.g.:\n\n  accessibility:\n    evaluated: 2026-01-15\n    feedback: https://www.exempel.se/tillganglighet/\n`);

  // The settings and the logo, read once, go to every plugin as ctx.site, as build gives them.
  const site = readSiteContext(config, show);
  if (site.diagnostics.length > 0 || site.site === undefined) {
    io.stderr(`${site.diagnostics.map((d) => formatDiagnostic(d, { colour: paint })).join('\n\n')}\n`);
    return site.diagnostics.some((d) => d.code === 'file-unreadable') ? EXIT.usage : EXIT.invalid;
  }
  // A report's build goes to <site>/<id>/, beside the site's own folders: an id may not take their names.
  const taken = new Set(['nyckeltal', 'tillganglighet', 'index.html', 'catalog.rdf', 'catalog.jsonld']);
  for (const f of files) {
    const id = reportIdOf(f);
    if (id !== undefined && (taken.has(id) || /^\d{4}$/.test(id)))
      return fail(EXIT.invalid, `kommunrapport site: ${show(f)}: the report id "${id}" is the name of one of the site's own folders (a year, nyckeltal, tillganglighet).\nGive the report another id.`);
  }
  const plugins = await Promise.all(FIRST_PARTY.map((p) => p.load()));
  let summary: SiteSummary;
  try {
    summary = await buildSite({
      files,
      outDir: resolve(io.cwd, options.out ?? 'site'),
      site: site.site,
      config: { bytes: readFileSync(configFile) },
      plugins,
      options: config.config.options ?? {},
      optionsSource: { file: show(configFile) },
      version,
      env: { ...process.env },
      strict: options.strict === true,
      cwd: io.cwd,
      onReport: (file, rebuilt) => (options.quiet === true || options.json === true ? undefined : io.stderr(`${rebuilt ? 'building' : 'unchanged'} ${file}\n`)),
    });
  } catch (error) {
    if (error instanceof BuildError) return fail(isIoProblem(error.problem) ? EXIT.usage : EXIT.invalid, formatProblem(error.problem));
    throw error;
  }
  if (options.json === true) {
    io.stdout(`${JSON.stringify({
      ok: summary.ok,
      outDir: show(summary.outDir),
      rebuiltReports: summary.rebuiltReports,
      rebuiltPages: summary.rebuiltPages,
      files: summary.files,
      reports: summary.reports.map((r) => ({ file: r.file, id: r.id, dir: r.dir, rebuilt: r.rebuilt, diagnostics: r.result?.diagnostics ?? [], problems: r.result?.problems ?? [] })),
      catalogue: summary.catalogue,
      pages: summary.pages,
    }, null, 2)}\n`);
  } else {
    // As build prints several reports' findings: every finding, a hint once (see repeats.ts).
    const repeats = new RepeatedFindings({ format: { colour: paint } });
    for (const r of summary.reports) {
      const res = r.result;
      if (res === undefined) continue;
      for (const f of repeats.report(res.diagnostics.filter((d) => !res.ok || d.severity !== 'info'))) io.stderr(`${f}\n`);
      for (const p of res.problems) io.stderr(`${formatProblem(p)}\n`);
    }
    for (const d of summary.catalogue) io.stderr(`${formatDiagnostic(d, { colour: paint })}\n`);
    if (summary.ok && options.quiet !== true)
      io.stdout(`${colours.green('✓')} site ${show(summary.outDir)}/: ${summary.reports.length} report${summary.reports.length === 1 ? '' : 's'} (${summary.rebuiltReports} built), ${summary.pages.length} pages (${summary.rebuiltPages} written), ${summary.files} files\n`);
    if (!summary.ok) io.stderr(`${colours.red('✗')} the site was not built; the previous site, if any, is as it was.\n`);
  }
  return summary.ok ? EXIT.ok : EXIT.invalid;
}

/** Adds `site` to the program. */
export function register(program: Command, ctx: CommandContext): void {
  program
    .command('site')
    .description('build a static site of reports: every format, a start page, key-figure pages and the accessibility statement')
    .argument('<file...>', 'report files (YAML) or glob patterns, e.g. "rapporter/*/rapport.yaml"')
    .option('-o, --out <folder>', 'the site folder (replaced atomically)', 'site')
    .option('--config <file>', 'the config file with the site: block (default: kommunrapport.config.yaml in the current folder, else next to the first report)')
    .option('-q, --quiet', 'print only problems (every warning and error)')
    .option('-v, --verbose', 'also print the config file the site\'s settings come from')
    .option('--json', 'print a JSON summary: reports and pages, and which were built again')
    .option('--strict', 'treat warnings as errors, and require the accessibility statement\'s facts')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  kommunrapport site "rapporter/*/rapport.yaml" --out public',
        '  kommunrapport site examples/*/rapport.yaml --config examples/kommunrapport.config.yaml -o site',
        '',
        'Only reports whose file, config or tool version changed are built again.',
        'Exit codes: 0 built, 1 report or plugin errors, 2 usage or I/O problem (e.g. no site: block).',
      ].join('\n'),
    )
    .action(async (files: string[], options: SiteOptions) => {
      // The program's version (set by main before the commands are registered) is part of every report's hash.
      ctx.exit(await runSite(files, options, ctx, program.version() ?? '0'));
    });
}

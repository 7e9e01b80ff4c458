// Test helper: load a report from YAML and render it with the html plugin.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadReport, formatDiagnostic, type Report } from '@kommunrapport/model';
import { createRenderContext, documentTables, tableCsvFile, type SiblingFile } from '@kommunrapport/core';
import plugin, { type HtmlOptions } from '../src/index.js';

/** The repository root. */
export const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The Eskilstuna example report. */
export const eskilstuna = `${root}examples/eskilstuna-ks-2022-delar2/rapport.yaml`;
/** The model's minimal valid report. */
export const minimal = `${root}packages/model/test/fixtures/valid/minimal.yaml`;

/** Loads a report file; throws with the diagnostics when it does not decode. */
export function load(file: string): Report {
  const { report, diagnostics } = loadReport(readFileSync(file, 'utf8'), file);
  if (!report) throw new Error(diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return report;
}

/** What a build of all formats gives the html plugin as `ctx.siblings` (sizes made up, paths as the plugins write them). */
export const allSiblings: SiblingFile[] = [
  { plugin: 'open-data', path: 'open-data/datapackage.json', bytes: 4_210, mediaType: 'application/json' },
  { plugin: 'open-data', path: 'open-data/indicators.csv', bytes: 12_000, mediaType: 'text/csv; charset=utf-8' },
  { plugin: 'docx', path: 'rapport.docx', bytes: 48_730, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { plugin: 'text', path: 'rapport.md', bytes: 61_000, mediaType: 'text/markdown; charset=utf-8' },
  { plugin: 'pdf', path: 'rapport.pdf', bytes: 1_234_567, mediaType: 'application/pdf' },
  { plugin: 'text', path: 'rapport.txt', bytes: 60_001, mediaType: 'text/plain; charset=utf-8' },
];

/** The CSV of each table that the open data of a build writes for a report, as the build gives them to the html plugin (sizes made up). */
export const csvSiblings = (report: Report): SiblingFile[] =>
  documentTables(createRenderContext(report, {}).document).map((t, i) => ({ plugin: 'open-data', path: `open-data/${tableCsvFile(t.name)}`, bytes: 900 + i, mediaType: 'text/csv; charset=utf-8' }));

/** Renders a report (or report file) and returns the page and the messages of any findings it reported. */
export async function render(input: string | Report, options: unknown = {}, siblings: SiblingFile[] = []): Promise<{ html: string; warnings: string[]; report: Report }> {
  const report = typeof input === 'string' ? load(input) : input;
  const decoded = plugin.options.decode(options);
  if (decoded._tag === 'Left') throw new Error('bad options');
  const warnings: string[] = [];
  // Findings reported through ctx.report, as their messages.
  const ctx = createRenderContext<HtmlOptions>(report, decoded.right, { siblings, report: (code, data) => warnings.push((plugin.codes as Record<string, { message(d: unknown): string }>)[code]!.message(data)) });
  const artifacts = await plugin.render(report, ctx);
  const page = artifacts.find((a) => a.path === 'index.html');
  if (!page || typeof page.contents !== 'string') throw new Error('no index.html');
  return { html: page.contents, warnings, report };
}

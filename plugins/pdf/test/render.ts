// Renders reports with the plugin for the tests and writes the PDFs to test-artifacts/pdf/
// at the repository root, where a person can open them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReport, type Report } from '@kommunrapport/model';
import { createRenderContext, type RenderContext } from '@kommunrapport/core';
import plugin, { type PdfOptions } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root. */
export const ROOT = resolve(here, '../../..');
/** Where the tests write PDFs and page images. */
export const ARTIFACTS = join(ROOT, 'test-artifacts/pdf');
/** The full Eskilstuna example. */
export const EXAMPLE = join(ROOT, 'examples/eskilstuna-ks-2022-delar2/rapport.yaml');

/** Loads a report file, failing with its diagnostics when it does not load. */
export function load(file: string, text = readFileSync(file, 'utf8')): Report {
  const r = loadReport(text, file);
  if (!r.report) throw new Error(`${file} did not load: ${JSON.stringify(r.diagnostics.slice(0, 3))}`);
  return r.report;
}

/** Decodes plugin options (with defaults). */
export function options(input?: unknown): PdfOptions {
  const r = plugin.options.decode(input);
  if (r._tag === 'Left') throw new Error('options did not decode');
  return r.right;
}

/** The context of a render, with the findings it reports (through ctx.report) collected as `[code] message`. */
export function context(report: Report, opts: PdfOptions = options()): { ctx: RenderContext<PdfOptions>; warnings: string[] } {
  const warnings: string[] = [];
  const codes = plugin.codes as Record<string, { message(d: unknown): string }>;
  const ctx = createRenderContext(report, opts, { env: {}, report: (code, data) => warnings.push(`[${code}] ${codes[code]!.message(data)}`) });
  return { ctx, warnings };
}

/** Renders a report and writes it to test-artifacts/pdf/<name>.pdf; returns bytes and path. */
export async function renderTo(name: string, report: Report, opts?: PdfOptions): Promise<{ bytes: Uint8Array; file: string; warnings: string[] }> {
  const { ctx, warnings } = context(report, opts);
  const artifacts = await plugin.render(report, ctx);
  const pdf = artifacts.find((a) => a.path === 'rapport.pdf');
  if (!pdf || typeof pdf.contents === 'string') throw new Error('no rapport.pdf artifact');
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, pdf.contents);
  return { bytes: pdf.contents, file, warnings };
}

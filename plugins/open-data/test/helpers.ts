// Test helpers: load the Eskilstuna example and the small fixture, render the open data,
// and read the artifacts back as text or parsed CSV.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { loadReport, type Report } from '@kommunrapport/model';
import { createRenderContext, type Artifact } from '@kommunrapport/core';
import plugin, { OpenDataOptions } from '../src/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Path of the Eskilstuna example report. */
export const ESKILSTUNA = `${root}examples/eskilstuna-ks-2022-delar2/rapport.yaml`;
/** Path of the Solberga example (invented, another governance model). */
export const SOLBERGA = `${root}examples/solberga-son-2024-delar/rapport.yaml`;
/** Path of the small fixture of this package. */
export const MINIMAL = fileURLToPath(new URL('./fixtures/minimal.yaml', import.meta.url));

/** Loads a report from YAML text and fails on any error. */
export function loadText(text: string, file = 'test.yaml'): Report {
  const { report, diagnostics } = loadReport(text, file);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!report || errors.length > 0) throw new Error(`cannot load ${file}: ${JSON.stringify(errors.slice(0, 3))}`);
  return report;
}

/** Loads a report file. */
export const loadFile = (file: string): Report => loadText(readFileSync(file, 'utf8'), file);

/** Decodes options through the plugin's codec, as the core does. */
export function options(input: unknown = {}) {
  const r = OpenDataOptions.decode(input);
  if (r._tag === 'Left') throw new Error('bad options');
  return r.right;
}

/** Renders a report with the plugin, the way the build pipeline calls it. */
export async function render(report: Report, input: unknown = { baseUrl: 'https://data.example.se/0484/rapport/' }): Promise<Artifact[]> {
  const ctx = createRenderContext(report, options(input), { env: {} });
  return plugin.render(report, ctx);
}

/** The text of an artifact by path relative to `open-data/`. */
export function text(artifacts: readonly Artifact[], path: string): string {
  const a = artifacts.find((x) => x.path === `open-data/${path}`);
  if (!a) throw new Error(`no artifact open-data/${path}; have ${artifacts.map((x) => x.path).join(', ')}`);
  return typeof a.contents === 'string' ? a.contents : new TextDecoder().decode(a.contents);
}

/** Bytes of an artifact. */
export function bytes(artifacts: readonly Artifact[], path: string): Uint8Array {
  const a = artifacts.find((x) => x.path === `open-data/${path}`)!;
  return typeof a.contents === 'string' ? new TextEncoder().encode(a.contents) : a.contents;
}

/** A CSV artifact parsed into records keyed by the header. */
export function csv(artifacts: readonly Artifact[], name: string): Record<string, string>[] {
  return parse(text(artifacts, `${name}.csv`), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
}

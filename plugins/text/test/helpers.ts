// Shared test helpers: the reports under test, rendering through the plugin as the core
// would, and readers that take the rendered text apart (headings, abbreviations).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReport, formatDiagnostic, type Report } from '@kommunrapport/model';
import { buildDocument, createRenderContext, type DocumentModel, type RenderContext, type Artifact } from '@kommunrapport/core';
import plugin, { TextOptions } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root. */
export const ROOT = resolve(here, '../../..');
/** The full Eskilstuna example. */
export const EXAMPLE = resolve(ROOT, 'examples/eskilstuna-ks-2022-delar2/rapport.yaml');
/** An invented report in a second governance model: four-step scale, no trend, no completion. */
export const SOLBERGA = resolve(ROOT, 'examples/solberga-son-2024-delar/rapport.yaml');
/** The plugin's own small report: links, lists, abbreviations written several ways, a date. */
export const FIXTURE = resolve(here, 'fixtures/small/rapport.yaml');
/** Where tests leave files for people to inspect (ignored by git). */
export const ARTIFACTS = resolve(ROOT, 'test-artifacts/text');

/** The reports every rule is tested on. */
export const CASES: [string, string][] = [
  ['the Eskilstuna example', EXAMPLE],
  ['the Solberga example', SOLBERGA],
  ['the small fixture', FIXTURE],
];

/** Loads a report from YAML text; fails the test with the diagnostics when it does not load. */
export function loadText(text: string, file: string): Report {
  const { report, diagnostics } = loadReport(text, file);
  if (!report) throw new Error(`${file} does not load:\n${diagnostics.map((d) => formatDiagnostic(d)).join('\n')}`);
  return report;
}

/** Loads a report file. */
export const loadFile = (file: string): Report => loadText(readFileSync(file, 'utf8'), file);

/** Decodes raw options with the plugin's codec, as the core does; throws when they do not decode. */
export function options(raw: unknown = {}): TextOptions {
  const r = TextOptions.decode(raw);
  if (r._tag === 'Left') throw new Error(`options do not decode: ${JSON.stringify(raw)}`);
  return r.right;
}

/** What one render gives a test. */
export interface Rendered {
  report: Report;
  ctx: RenderContext<TextOptions>;
  doc: DocumentModel;
  artifacts: Artifact[];
  txt: string;
  md?: string;
}

/** Renders a report through the plugin with raw options. */
export async function render(report: Report, raw: unknown = {}): Promise<Rendered> {
  const ctx = createRenderContext(report, options(raw), { env: {} });
  const artifacts = await plugin.render(report, ctx);
  const get = (path: string) => artifacts.find((a) => a.path === path)?.contents as string | undefined;
  const md = get('rapport.md');
  return { report, ctx, doc: ctx.document, artifacts, txt: get('rapport.txt')!, ...(md !== undefined ? { md } : {}) };
}

/** A heading found in the text: its number, its depth (number of parts), its title and line index. */
export interface FoundHeading {
  number: string;
  depth: number;
  title: string;
  line: number;
}

/** Every line that follows two blank lines: the headings of the plain text. */
export function headings(txt: string): FoundHeading[] {
  const lines = txt.split('\n');
  const out: FoundHeading[] = [];
  lines.forEach((line, i) => {
    if (i >= 2 && lines[i - 1] === '' && lines[i - 2] === '' && line !== '') {
      const m = /^(\d+(?:\.\d+)*) (.+)$/.exec(line);
      out.push({ number: m?.[1] ?? '', depth: m ? m[1]!.split('.').length : 0, title: m?.[2] ?? line, line: i });
    }
  });
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A text with every explained abbreviation reduced to the abbreviation: "Name (ABBR)" →
 * "ABBR", "ABBR:s (Name)" → "ABBR:s", "ABBR (gloss)" → "ABBR", "Names (ABBR)" → "Names".
 * Applied to the document's strings and to the rendered text alike, so they compare equal
 * whichever occurrence the renderer chose to write out.
 */
export function unexpand(text: string, report: Report): string {
  let out = text;
  for (const { abbreviation: a, name } of report.organisations.bodies) {
    const A = escapeRe(a);
    const N = escapeRe(name);
    const first = escapeRe(/^[\p{L}\p{N}]+/u.exec(name)?.[0] ?? name);
    out = out
      .replace(new RegExp(`${N} \\(${A}\\)`, 'giu'), a)
      .replace(new RegExp(`(${N}(?:s|'s|’s)) \\(${A}\\)`, 'giu'), '$1')
      .replace(new RegExp(`(?<![\\p{L}\\p{N}])${A}((?:[:\\-][\\p{L}\\p{N}]+)?) \\(${first}[^()]*\\)`, 'giu'), `${a}$1`);
  }
  return out;
}

/** Where an abbreviation stands in a text as a whole word, outside the report's case number ("KS/2022:17", "SON 2024/117"). */
export function occurrences(text: string, abbreviation: string, caseNumber?: string): number[] {
  if (caseNumber) text = text.split(caseNumber).join(' '.repeat(caseNumber.length));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(abbreviation)}(?![\\p{L}\\p{N}])(?!/\\d)`, 'gu');
  return [...text.matchAll(re)].map((m) => m.index);
}

/** Whether the abbreviation at `index` is explained right there: by its name before it or in parentheses after it. */
export function explainedAt(text: string, index: number, abbreviation: string, name: string): boolean {
  const before = text.slice(0, index).toLowerCase();
  const after = text.slice(index + abbreviation.length);
  if (after.startsWith(')') && [`${name} (`, `${name}s (`, `${name}'s (`, `${name}’s (`].some((n) => before.endsWith(n.toLowerCase()))) return true;
  const gloss = /^(?:[:\-][\p{L}\p{N}]+)? \(([^()]*)\)/u.exec(after);
  const first = (s: string) => (/^[\p{L}\p{N}]+/u.exec(s.trim())?.[0] ?? '').toLowerCase();
  return gloss !== null && first(gloss[1]!) === first(name);
}

/** Whether a file exists (for tools that may be missing). */
export const exists = (path: string): boolean => existsSync(path);

/** The raw options of the plain dialect: figures and symbols as written, no speech rewriting. */
export const PLAIN = Object.freeze({ dialect: 'plain' }) as { dialect: 'plain' };

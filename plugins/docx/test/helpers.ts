// Shared test helpers: the reports under test, rendering through the plugin as the core
// would, and readers that take a DOCX apart (its files, paragraphs with their styles,
// tables with their header rows, and its text).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { loadReport, formatDiagnostic, type Report } from '@kommunrapport/model';
import { buildDocument, createRenderContext, decodeOptions, type DocumentModel } from '@kommunrapport/core';
import plugin from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root. */
export const ROOT = resolve(here, '../../..');
/** The bundled examples every rule is tested on. */
export const EXAMPLES: [string, string][] = [
  ['the Eskilstuna example', resolve(ROOT, 'examples/eskilstuna-ks-2022-delar2/rapport.yaml')],
  ['the Solberga example', resolve(ROOT, 'examples/solberga-son-2024-delar/rapport.yaml')],
];

/** Loads a report; throws with the diagnostics when it does not load. */
export function load(file: string): Report {
  const { report, diagnostics } = loadReport(readFileSync(file, 'utf8'), file);
  if (!report) throw new Error(diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return report;
}

/** The document every writer serialises, built as the plugin builds it. */
export function documentOf(report: Report, env: Record<string, string | undefined> = {}): DocumentModel {
  const ctx = createRenderContext(report, {}, { env });
  return buildDocument(report, ctx.vocabulary, ctx.format);
}

/** Renders a report through the plugin as the core does: options decoded, context created. */
export async function renderReport(report: Report, options: unknown = {}, env: Record<string, string | undefined> = {}): Promise<Uint8Array> {
  const decoded = decodeOptions(plugin, options);
  if (!decoded.value) throw new Error(JSON.stringify(decoded.diagnostics));
  const [artifact] = await plugin.render(report, createRenderContext(report, decoded.value, { env }));
  return artifact!.contents as Uint8Array;
}

/** The files of a DOCX as text, by path, in zip order. */
export function docxFiles(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, data] of Object.entries(unzipSync(bytes))) out[path] = new TextDecoder().decode(data);
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML text with its entities and character references resolved. */
export const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => (e[0] === '#' ? String.fromCodePoint(Number(e[1] === 'x' ? `0${e.slice(1)}` : e.slice(1))) : ENTITIES[e]!));

/** The text of an XML fragment of WordprocessingML: its w:t runs, tabs and breaks. */
const runText = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\/>/g)].map((m) => (m[2] === 'tab' ? '\t' : m[2] === 'br' ? '\n' : unescapeXml(m[1]!))).join('');

/** A paragraph of the document body: its style id (or none), its text, and whether it stands in a table. */
export interface DocxParagraph {
  style?: string;
  text: string;
  inTable: boolean;
  xml: string;
}

/** Every paragraph of word/document.xml in reading order. */
export function paragraphs(documentXml: string): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  let depth = 0;
  for (const m of documentXml.matchAll(/<w:tbl>|<\/w:tbl>|<w:p>[\s\S]*?<\/w:p>|<w:p\s[^>]*>[\s\S]*?<\/w:p>/g)) {
    if (m[0] === '<w:tbl>') depth++;
    else if (m[0] === '</w:tbl>') depth--;
    else out.push({ style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[0])?.[1], text: runText(m[0]), inTable: depth > 0, xml: m[0] });
  }
  return out;
}

/** A table row: whether it is marked as a header row (w:tblHeader), and its cells' texts. */
export interface DocxRow {
  header: boolean;
  cells: string[];
}

/** Every table of word/document.xml with the paragraph just before it (its caption). */
export function tables(documentXml: string): { before: string; rows: DocxRow[] }[] {
  return [...documentXml.matchAll(/(<w:p>(?:(?!<w:p>)[\s\S])*?<\/w:p>)?<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => ({
    before: m[1] ?? '',
    rows: [...m[2]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => ({
      header: /<w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:tblHeader\/>/.test(r[1]!),
      cells: [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => [...c[1]!.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p\s[^>]*>[\s\S]*?<\/w:p>/g)].map((p) => runText(p[0])).join('\n')),
    })),
  }));
}

/**
 * The text of a DOCX as a reader gets it: one line per paragraph in reading order, the
 * cells of a table row joined by tabs on one line. For comparing the formats' text.
 */
export function docxText(bytes: Uint8Array): string {
  const xml = docxFiles(bytes)['word/document.xml']!;
  const lines: string[] = [];
  for (const m of xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p>[\s\S]*?<\/w:p>|<w:p\s[^>]*>[\s\S]*?<\/w:p>/g)) {
    if (m[0].startsWith('<w:tbl>')) for (const row of tables(m[0])[0]!.rows) lines.push(row.cells.map((c) => c.replace(/\n/g, ' ')).join('\t'));
    else lines.push(runText(m[0]));
  }
  return `${lines.join('\n')}\n`;
}

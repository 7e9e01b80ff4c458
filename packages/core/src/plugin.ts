// The plugin contract: a plugin names itself and its formats, declares its options as an
// io-ts codec and its own diagnostic codes, and renders a report to artifacts, reporting
// findings through the context. It never touches the file system: the
// core owns reading, ordering, timing, error isolation and writing.
import type * as t from 'io-ts';
import type { DiagnosticData, DiagnosticDefinition, Report, ReportPath, SiteSettings } from '@kommunrapport/model';
import type { Formatter } from './format.js';
import type { Vocabulary } from './vocabulary.js';
import type { DocumentModel } from './document/types.js';

/** One output file of a plugin, relative to the report's output folder. */
export interface Artifact {
  /** Relative POSIX path, e.g. `index.html` or `open-data/report.json`. No `..`, no leading `/`. */
  path: string;
  /** The file's contents: text is written as UTF-8. */
  contents: string | Uint8Array;
  /** The media type, e.g. `text/html; charset=utf-8`. */
  mediaType: string;
}

/**
 * A file another plugin of the same build wrote, for a plugin that links to it (the HTML
 * page's links to the report's PDF, text, DOCX and open data).
 */
export interface SiblingFile {
  /** The name of the plugin that made it, e.g. `pdf`. */
  plugin: string;
  /** Relative POSIX path in the report's output folder, e.g. `rapport.pdf`. */
  path: string;
  /** Its size in bytes, as written. */
  bytes: number;
  /** Its media type, e.g. `application/pdf`. */
  mediaType: string;
}

/** Messages from a plugin to the person running the build. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** A plugin's own diagnostic codes, in the one shape of the catalogue (title, severity, group, meaning, message function, hint). */
export type PluginCodes = Readonly<Record<string, DiagnosticDefinition>>;

/** The organisation's logo as read by the CLI (relative to the config file): its bytes, media type and text alternative. */
export interface LogoImage {
  bytes: Uint8Array;
  mediaType: 'image/png' | 'image/svg+xml' | 'image/jpeg';
  alt: string;
}

/**
 * The publishing organisation's settings (the config's `site:` block) with the logo read:
 * plugins use the colours and the logo alike, and open data names the publisher, without
 * touching the file system.
 */
export interface SiteContext {
  settings: SiteSettings;
  /** The logo's bytes, when the settings name one. */
  logo?: LogoImage;
}

/** What a plugin gets besides the report. */
export interface RenderContext<Options, Codes extends PluginCodes = PluginCodes> {
  /** The plugin's options, decoded and defaulted by its codec. */
  options: Options;
  /**
   * The report's semantic document, built once per report by the core and shared by every
   * plugin: what writers serialise. All meaning (numbering, words, abbreviations and their
   * first use, formatted figures, legends, chart labels) is decided there.
   */
  readonly document: DocumentModel;
  /** Numbers, amounts, percentages and dates in the report's language. */
  format: Formatter;
  /** Words, symbols and colours of the report's governance vocabulary, and abbreviations. */
  vocabulary: Vocabulary;
  /** The date of the document: the report's `date`, else SOURCE_DATE_EPOCH, else the period's end. Never the clock. */
  documentDate: Date;
  /** The publishing organisation's settings and logo, when the config has a `site:` block. */
  readonly site?: SiteContext;
  logger: Logger;
  /**
   * Reports a finding of one of the plugin's declared `codes`, with the data its message
   * function takes and, when it concerns a place in the report, the path there. The build
   * stamps the plugin's name on it; it reaches `--json`, and an error (or a warning under
   * `--strict`) fails the build. Reporting a code the plugin does not declare throws.
   */
  report<C extends keyof Codes & string>(code: C, data: DiagnosticData<Codes[C]>, path?: ReportPath): void;
  /** Reports progress of long work: `done` of `total` steps. */
  progress(done: number, total: number, label?: string): void;
  /**
   * The files the other plugins of the same build made, sorted by path: filled only for a
   * plugin that declares `linksToSiblings` (the build renders it after the others), empty
   * for every other plugin and outside a build.
   */
  siblings: readonly SiblingFile[];
}

/** A plugin: a name, the formats it makes, an options codec and a render function. */
export interface Plugin<Options = unknown, Codes extends PluginCodes = PluginCodes> {
  /** The plugin's name, used in messages, e.g. `html`. */
  name: string;
  /** The format names this plugin answers to with `--format`, e.g. `['html']`. */
  formats: readonly string[];
  /** Decodes the plugin's options; defaults come from the codec, e.g. with `withDefaults`. */
  options: t.Type<Options, unknown, unknown>;
  /** The plugin's own diagnostic codes (kebab case), reported with `ctx.report`; they join the one catalogue under the plugin's name. */
  codes?: Codes;
  /**
   * True when the plugin's output links to the files of the other plugins of the same
   * build (`ctx.siblings`): the build renders such plugins after the others. Default false.
   */
  linksToSiblings?: boolean;
  /** Renders the report to artifacts, serialising `context.document` (the report itself is there for exports of the data). May be async. Must not write files. */
  render(report: Report, context: RenderContext<Options, Codes>): Artifact[] | Promise<Artifact[]>;
}

/** Declares a plugin; the identity function, there for types and for a single place to document the contract. */
export function definePlugin<Options, Codes extends PluginCodes = PluginCodes>(plugin: Plugin<Options, Codes>): Plugin<Options, Codes> {
  return plugin;
}

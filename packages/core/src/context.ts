// Builds the render context a plugin receives: formatter, vocabulary, document date.
import type { Report } from '@kommunrapport/model';
import type { Logger, RenderContext, SiteContext } from './plugin.js';
import { createFormatter } from './format.js';
import { createVocabulary } from './vocabulary.js';
import { buildDocument } from './document/build.js';
import type { DocumentModel } from './document/types.js';
import type { ImageFiles } from './images.js';

/** The latest SOURCE_DATE_EPOCH accepted: 9999-12-31T23:59:59Z, the last second every output format can write as a date. */
export const MAX_SOURCE_DATE_EPOCH = 253_402_300_799;

/**
 * Checks a SOURCE_DATE_EPOCH value: whole seconds since 1970 (digits only), at most
 * {@link MAX_SOURCE_DATE_EPOCH}. Returns the seconds, or a message saying what is wrong.
 */
export function parseSourceDateEpoch(value: string): { seconds: number } | { problem: string } {
  if (!/^\d{1,12}$/.test(value)) return { problem: `SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 (digits only, e.g. 1700000000); found ${JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)}.` };
  const seconds = Number(value);
  if (seconds > MAX_SOURCE_DATE_EPOCH) return { problem: `SOURCE_DATE_EPOCH must be at most ${MAX_SOURCE_DATE_EPOCH} (9999-12-31); found ${value}.` };
  return { seconds };
}

/** The date of the document: the report's date, else a valid SOURCE_DATE_EPOCH (seconds), else the period's last day. */
export function documentDate(report: Report, env: Record<string, string | undefined> = process.env): Date {
  if (report.date) return new Date(`${report.date}T00:00:00Z`);
  const epoch = env.SOURCE_DATE_EPOCH === undefined ? undefined : parseSourceDateEpoch(env.SOURCE_DATE_EPOCH);
  if (epoch && 'seconds' in epoch) return new Date(epoch.seconds * 1000);
  return new Date(`${report.period.end}T00:00:00Z`);
}

const silent: Logger = { info: () => {}, warn: () => {} };

/**
 * The report's document as a build makes it (its vocabulary and its language's formats): for
 * code outside a build, which has no ctx.document. Give the image files of its text (core's
 * `loadImages`) for a document that shows its images; without them each stands as its text alternative.
 */
export function reportDocument(report: Report, images?: ImageFiles): DocumentModel {
  return buildDocument(report, createVocabulary(report), createFormatter(report.language, report.governance), images);
}

/** Creates the context for one plugin rendering one report. */
export function createRenderContext<O>(
  report: Report,
  options: O,
  extra: {
    logger?: Logger;
    progress?: RenderContext<O>['progress'];
    report?: RenderContext<O>['report'];
    env?: Record<string, string | undefined>;
    /** The report's document when already built (the pipeline builds it once per report and shares it). */
    document?: () => DocumentModel;
    /** The files of the other plugins of the build, for a plugin that links to them. */
    siblings?: RenderContext<O>['siblings'];
    /** The publishing organisation's settings and logo. */
    site?: SiteContext;
    /** The image files of the report's text (core's `loadImages`), for a document built here. */
    images?: ImageFiles;
  } = {},
): RenderContext<O> {
  const vocabulary = createVocabulary(report);
  const format = createFormatter(report.language, report.governance);
  let document: DocumentModel | undefined;
  // Built at first use, so a plugin that only exports data (open data) costs nothing.
  const build = extra.document ?? (() => (document ??= buildDocument(report, vocabulary, format, extra.images)));
  return {
    options,
    get document() {
      return build();
    },
    format,
    vocabulary,
    documentDate: documentDate(report, extra.env),
    ...(extra.site ? { site: extra.site } : {}),
    logger: extra.logger ?? silent,
    report: extra.report ?? (() => {}),
    progress: extra.progress ?? (() => {}),
    siblings: extra.siblings ?? [],
  };
}

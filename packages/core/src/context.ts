// Builds the render context a plugin receives: formatter, vocabulary, document date.
import type { Report } from '@kommunrapport/model';
import type { Logger, RenderContext } from './plugin.js';
import { createFormatter } from './format.js';
import { createVocabulary } from './vocabulary.js';
import { buildDocument } from './document/build.js';
import type { DocumentModel } from './document/types.js';

/** The date of the document: the report's date, else SOURCE_DATE_EPOCH (seconds), else the period's last day. */
export function documentDate(report: Report, env: Record<string, string | undefined> = process.env): Date {
  if (report.date) return new Date(`${report.date}T00:00:00Z`);
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${report.period.end}T00:00:00Z`);
}

const silent: Logger = { info: () => {}, warn: () => {} };

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
  } = {},
): RenderContext<O> {
  const vocabulary = createVocabulary(report);
  const format = createFormatter(report.language, report.governance);
  let document: DocumentModel | undefined;
  // Built at first use, so a plugin that only exports data (open data) costs nothing.
  const build = extra.document ?? (() => (document ??= buildDocument(report, vocabulary, format)));
  return {
    options,
    get document() {
      return build();
    },
    format,
    vocabulary,
    documentDate: documentDate(report, extra.env),
    logger: extra.logger ?? silent,
    report: extra.report ?? (() => {}),
    progress: extra.progress ?? (() => {}),
  };
}

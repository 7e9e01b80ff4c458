// The HTML plugin: serialises the core's document (ctx.document) as one self-contained,
// accessible page, index.html.
import { definePlugin, type Artifact, type RenderContext } from '@kommunrapport/core';
import type { Report } from '@kommunrapport/model';
import { HtmlOptions } from './options.js';
import { renderPage } from './page.js';
import { readableColour } from './badge.js';

/** Warns about vocabulary colours too light for text; those symbols are drawn in the text colour instead. */
function checkColours(ctx: RenderContext<HtmlOptions>): void {
  for (const scale of ['assessment', 'trend', 'commitmentStatus', 'completion'] as const) {
    for (const step of ctx.vocabulary.steps(scale)) {
      if (!readableColour(step.colour))
        ctx.logger.warn(
          `governance.${scale} "${step.key}": colour ${step.colour} has less than 4.5:1 contrast on the page; its symbol is drawn in the text colour. Hint: choose a darker colour.`,
        );
    }
  }
}

/** Renders a report to `index.html`. */
export function renderHtml(report: Report, ctx: RenderContext<HtmlOptions>): Artifact[] {
  checkColours(ctx);
  const document = ctx.document;
  const title = `${document.title} – ${report.body.name}, ${report.municipality.name}, ${report.period.label}`;
  const html = renderPage({ document, vocabulary: ctx.vocabulary, title, options: ctx.options });
  return [{ path: 'index.html', contents: html, mediaType: 'text/html; charset=utf-8' }];
}

/** The `html` plugin. */
const plugin = definePlugin<HtmlOptions>({ name: 'html', formats: ['html'], options: HtmlOptions, render: renderHtml });
export default plugin;

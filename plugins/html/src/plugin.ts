// The HTML plugin: serialises the core's document (ctx.document) as one self-contained,
// accessible page, index.html, linking to the files the other plugins of the build made
// (so the build renders it after them: linksToSiblings): the other formats, and beside each
// table the CSV of that table.
import { definePlugin, siteColours, type Artifact, type PluginCodes, type RenderContext } from '@kommunrapport/core';
import type { Report } from '@kommunrapport/model';
import { HtmlOptions } from './options.js';
import { renderPage } from './page.js';
import { readableColour } from './badge.js';
import { formatLinks, tableCsvLinks } from './formats.js';

/** The html plugin's own diagnostic codes, reported through ctx.report. Names are permanent. */
const HTML_CODES = {
  'low-contrast': {
    title: 'Vocabulary colour too light for text',
    severity: 'warning',
    group: 'html',
    meaning: 'A step of the governance vocabulary has a colour with less than 4.5:1 contrast against the page (WCAG 2.1, 1.4.3); its symbol is drawn in the text colour instead, so the page stays readable but loses the colour.',
    message: (d: { scale: string; key: string; colour: string }) =>
      `governance.${d.scale} "${d.key}": colour ${d.colour} has less than 4.5:1 contrast on the page; its symbol is drawn in the text colour.`,
    hint: 'Choose a darker colour for the step in governance (at least 4.5:1 against white).',
  },
} as const satisfies PluginCodes;

/** Reports vocabulary colours too light for text; those symbols are drawn in the text colour instead. */
function checkColours(ctx: RenderContext<HtmlOptions, typeof HTML_CODES>): void {
  for (const scale of ['assessment', 'trend', 'commitmentStatus', 'completion'] as const) {
    // The colour's own path: its line when the report writes the scale, else governance's (a preset's).
    ctx.vocabulary.steps(scale).forEach((step, i) => {
      if (!readableColour(step.colour)) ctx.report('low-contrast', { scale, key: step.key, colour: step.colour }, ['governance', scale, i, 'colour']);
    });
  }
}

/** Renders a report to `index.html`. */
export function renderHtml(report: Report, ctx: RenderContext<HtmlOptions, typeof HTML_CODES>): Artifact[] {
  checkColours(ctx);
  const document = ctx.document;
  const title = `${document.title} – ${document.owner}, ${report.period.label}`;
  const formats = formatLinks(ctx.siblings, ctx.vocabulary, ctx.format);
  const site = ctx.site ? { ...siteColours(ctx.site.settings), ...(ctx.site.logo ? { logo: ctx.site.logo } : {}) } : undefined;
  const tableCsv = tableCsvLinks(document, ctx.siblings, ctx.vocabulary, ctx.format);
  const html = renderPage({ document, vocabulary: ctx.vocabulary, title, options: ctx.options, formats, tableCsv, ...(site ? { site } : {}) });
  return [{ path: 'index.html', contents: html, mediaType: 'text/html; charset=utf-8' }];
}

/** The `html` plugin. */
const plugin = definePlugin<HtmlOptions, typeof HTML_CODES>({ name: 'html', formats: ['html'], linksToSiblings: true, options: HtmlOptions, codes: HTML_CODES, render: renderHtml });
export default plugin;

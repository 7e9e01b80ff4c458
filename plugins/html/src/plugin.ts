// The HTML plugin: serialises the core's document (ctx.document) as one self-contained,
// accessible page, index.html, linking to the files the other plugins of the build made
// (so the build renders it after them: linksToSiblings): the other formats, and beside each
// table the CSV of that table.
import { definePlugin, siteColours, type Artifact, type RenderContext } from '@kommunrapport/core';
import type { Report } from '@kommunrapport/model';
import { HtmlOptions } from './options.js';
import { renderPage } from './page.js';
import { formatLinks, tableCsvLinks } from './formats.js';

/** Renders a report to `index.html`. */
export function renderHtml(report: Report, ctx: RenderContext<HtmlOptions>): Artifact[] {
  const document = ctx.document;
  const title = `${document.title} – ${document.owner}, ${report.period.label}`;
  const formats = formatLinks(ctx.siblings, ctx.vocabulary, ctx.format);
  const site = ctx.site ? { ...siteColours(ctx.site.settings), ...(ctx.site.logo ? { logo: ctx.site.logo } : {}) } : undefined;
  const tableCsv = tableCsvLinks(document, ctx.siblings, ctx.vocabulary, ctx.format);
  const html = renderPage({ document, vocabulary: ctx.vocabulary, title, options: ctx.options, formats, tableCsv, ...(site ? { site } : {}) });
  return [{ path: 'index.html', contents: html, mediaType: 'text/html; charset=utf-8' }];
}

/** The `html` plugin. */
const plugin = definePlugin<HtmlOptions>({ name: 'html', formats: ['html'], linksToSiblings: true, options: HtmlOptions, render: renderHtml });
export default plugin;

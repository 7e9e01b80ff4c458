// The text plugin: the report as accessible plain text (rapport.txt) and, on request, the
// same content as clean Markdown (rapport.md), both serialised from the core's document (ctx.document).
import { definePlugin, type Artifact } from '@kommunrapport/core';
import { TextOptions } from './options.js';
import { renderText } from './render.js';
import { markdownDialect, plainDialect } from './dialect.js';

/** The plain text file's name. */
export const TEXT_FILE = 'rapport.txt';
/** The Markdown file's name (written when the `markdown` option is true). */
export const MARKDOWN_FILE = 'rapport.md';

/** The `text` format: `rapport.txt` (UTF-8, NFC, LF; for speech unless `dialect: plain`) and optionally `rapport.md`. */
const textPlugin = definePlugin<TextOptions>({
  name: 'text',
  formats: ['text'],
  options: TextOptions,
  render(_report, ctx) {
    const doc = ctx.document;
    const input = { vocabulary: ctx.vocabulary, format: ctx.format, documentDate: ctx.documentDate, options: ctx.options };
    const artifacts: Artifact[] = [
      { path: TEXT_FILE, contents: renderText(doc, { ...input, progress: ctx.progress, speech: ctx.options.dialect === 'speech' }, plainDialect), mediaType: plainDialect.mediaType },
    ];
    if (ctx.options.markdown) artifacts.push({ path: MARKDOWN_FILE, contents: renderText(doc, input, markdownDialect), mediaType: markdownDialect.mediaType });
    return artifacts;
  },
});

export default textPlugin;

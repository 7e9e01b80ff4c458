// The Markdown and HTML parsers of rich text, loaded at first use: most report text is plain
// and never needs them, and loading them was half the start-up time of this package.
// Internal to the model (rich-text.ts parses with them, links.ts reads links as written).
import { createRequire } from 'node:module';
import type * as MarkdownParser from 'mdast-util-from-markdown';
import type * as HtmlParser from 'hast-util-from-html';
import type * as HtmlSanitizer from 'hast-util-sanitize';
import type * as Mdast from 'mdast';
import type * as Hast from 'hast';

const load = createRequire(import.meta.url);
let markdownParser: typeof MarkdownParser | undefined;
let htmlParser: typeof HtmlParser | undefined;
let htmlSanitizer: typeof HtmlSanitizer | undefined;

/** A Markdown text as its syntax tree. */
export const fromMarkdown = (source: string): Mdast.Root => (markdownParser ??= load('mdast-util-from-markdown') as typeof MarkdownParser).fromMarkdown(source);
/** An HTML text as its syntax tree, as written (nothing sanitised). */
export const fromHtml = (source: string, options: HtmlParser.Options): Hast.Root => (htmlParser ??= load('hast-util-from-html') as typeof HtmlParser).fromHtml(source, options);
/** An HTML tree with only what is safe to publish. */
export const sanitize = (tree: Hast.Root): Hast.Nodes => (htmlSanitizer ??= load('hast-util-sanitize') as typeof HtmlSanitizer).sanitize(tree);

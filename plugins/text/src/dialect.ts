// The two ways the text plugin writes the same content: plain text (rapport.txt) and
// clean Markdown (rapport.md). Everything that differs between them is here; what is
// said, and in what order, is decided once in render.ts.

import { labelSeparator } from '@kommunrapport/core';

/** How headings, emphasis, links, list items and labelled lines are marked. */
export interface Dialect {
  /** The file's media type. */
  readonly mediaType: string;
  /** The document title line. */
  title(text: string): string;
  /** A heading: `level` is the document model's level (2 = top), `number` e.g. `1.2`. */
  heading(level: number, number: string, text: string): string;
  /** Report text made safe to show (Markdown escapes its markup characters). */
  escape(text: string): string;
  emphasis(text: string): string;
  strong(text: string): string;
  /** A link: `text` is already escaped, `url` is the raw address. */
  link(text: string, plainText: string, url: string): string;
  /** A list item after `indent` (spaces of the enclosing items); `ordinal` for ordered lists. */
  listItem(text: string, indent: string, ordinal?: number): string;
  /** A labelled line, "term: value" (core's labelSeparator: no colon after a label that ends a sentence), such as a cover fact or a table row. */
  labelled(label: string, value: string, emphasis?: boolean): string;
  /** Whether labelled lines are a list of their own, set apart from a lead line by a blank line. */
  readonly labelledAsList: boolean;
  /** Makes a wrapped continuation line safe (Markdown: a line must not start a new block). */
  continuation(line: string): string;
}

/** Where a link goes, written for reading: the e-mail address without `mailto:`. */
export const displayAddress = (url: string): string => url.replace(/^mailto:/i, '');

/** The marker of a list item: "-" or "1.". Nested items are indented by its width plus one. */
export const listMarker = (ordinal?: number): string => (ordinal === undefined ? '-' : `${ordinal}.`);

/** Plain text: headings are numbered lines, links "text (address)", no markup at all. */
export const plainDialect: Dialect = {
  mediaType: 'text/plain; charset=utf-8',
  title: (text) => text,
  heading: (_level, number, text) => `${number} ${text}`,
  escape: (text) => text,
  emphasis: (text) => text,
  strong: (text) => text,
  link: (text, plainText, url) => {
    const address = displayAddress(url);
    return plainText === address || plainText === url ? address : `${text} (${address})`;
  },
  listItem: (text, indent, ordinal) => `${indent}${listMarker(ordinal)} ${text}`,
  labelled: (label, value) => `${label}${labelSeparator(label)}${value}`,
  labelledAsList: false,
  continuation: (line) => line,
};

/** Wraps markers around text, keeping its outer spaces outside the markers. */
const around = (mark: string, text: string) => {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : text;
};

/** Clean Markdown: ATX headings with the same numbers, lists for labelled lines, inline links. */
export const markdownDialect: Dialect = {
  mediaType: 'text/markdown; charset=utf-8',
  title: (text) => `# ${text}`,
  heading: (level, number, text) => `${'#'.repeat(Math.min(Math.max(level, 2), 6))} ${number} ${text}`,
  escape: (text) => text.replace(/[\\`*_[\]<>]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&'),
  emphasis: (text) => around('*', text),
  strong: (text) => around('**', text),
  link: (text, _plainText, url) => `[${text}](${/[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url})`,
  listItem: (text, indent, ordinal) => `${indent}${listMarker(ordinal)} ${text}`,
  labelled: (label, value, emphasis) => `- ${emphasis ? `**${label}**` : label}${labelSeparator(label)}${value}`,
  labelledAsList: true,
  continuation: (line) =>
    line
      .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
      .replace(/^([-+*=])(?=\s|$)/, '\\$1')
      .replace(/^(#{1,6})(?=\s|$)/, '\\$1'),
};

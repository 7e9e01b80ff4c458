// Links a published report cannot hold. A link in rich text whose address is not https://,
// http:// or mailto: (a file such as "bilaga.pdf", an anchor, "javascript:", nothing) is kept
// by no format: rich-text.ts writes its words only, from Markdown (`[bilagan](bilaga.pdf)`)
// and from a legacy HTML fragment (`{ html: '<a href="bilaga.pdf">bilagan</a>' }`) alike.
// The author is told where, as a warning found on the text as written (before decoding, so
// paths and lines are the file's). Only rich text is read, where the report's codecs say it
// stands: a title, a label or an id is printed as written, so "[x](y)" in it is no link.
import type * as t from 'io-ts';
import type * as Hast from 'hast';
import type * as Mdast from 'mdast';
import { formatPath, modelDiagnostic, type Diagnostic } from './diagnostics.js';
import { fromHtml, fromMarkdown } from './parsers.js';
import { Report } from './report.js';
import { RichText, SAFE_URL } from './rich-text.js';
import type { Locate } from './source.js';

/** The start of an autolink, "<scheme:". A text is parsed for links only when it has one or the "](" of an inline link. */
const AUTOLINK = /<[a-z][a-z\d+.-]*:/i;
/** An `<a` tag of HTML: only a fragment with one is parsed. */
const HTML_LINK = /<a[\s>]/i;

/** Where the findings are placed. */
export interface LinkOptions {
  file?: string;
  locate?: Locate;
}

type Path = (string | number)[];

/** A link of a text as written: its words, its address, the link as written and its line in the text (1-based). */
interface WrittenLink {
  text: string;
  address: string;
  found: string;
  line: number;
}

/** Where a parser says a node stands in its source (unist's position). */
interface NodePosition {
  start: { line: number; offset?: number | undefined };
  end: { offset?: number | undefined };
}

/** A link a parser found in `source`: the link as written there (`fallback` when the parser gave no offsets), at its line. */
function asWritten(source: string, position: NodePosition | undefined, text: string, address: string, fallback: string): WrittenLink {
  const start = position?.start.offset;
  const end = position?.end.offset;
  return { text, address, found: start !== undefined && end !== undefined ? source.slice(start, end) : fallback, line: position?.start.line ?? 1 };
}

/** The words of Markdown nodes. */
function markdownWords(nodes: readonly Mdast.RootContent[]): string {
  let out = '';
  for (const node of nodes) out += node.type === 'text' || node.type === 'inlineCode' ? node.value : 'children' in node ? markdownWords(node.children) : '';
  return out;
}

/**
 * The links of a Markdown text, read by the parser rich-text.ts reads it with: an address
 * with parentheses or in angle brackets is whole, and brackets in a code span are no link.
 */
function markdownLinks(source: string): WrittenLink[] {
  const out: WrittenLink[] = [];
  const visit = (nodes: readonly Mdast.RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'link') {
        const words = markdownWords(node.children);
        out.push(asWritten(source, node.position, words, node.url, `[${words}](${node.url})`));
      } else if ('children' in node) visit(node.children);
    }
  };
  visit(fromMarkdown(source).children);
  return out;
}

/** The words of HTML nodes, white space folded. */
function htmlWords(nodes: readonly Hast.RootContent[]): string {
  let out = '';
  for (const node of nodes) out += node.type === 'text' ? node.value : node.type === 'element' ? htmlWords(node.children) : '';
  return out;
}

/** The `<a href>` of an HTML fragment as written: before the sanitiser, which drops some addresses (javascript:) where rich-text.ts drops the link anyway. */
function htmlLinks(source: string): WrittenLink[] {
  const out: WrittenLink[] = [];
  const visit = (nodes: readonly Hast.RootContent[]): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const href = node.properties.href;
      if (node.tagName === 'a' && href !== undefined && href !== null) {
        out.push(asWritten(source, node.position, htmlWords(node.children).replace(/\s+/g, ' ').trim(), String(href), `<a href="${String(href)}">`));
      }
      visit(node.children);
    }
  };
  visit(fromHtml(source, { fragment: true }).children);
  return out;
}

/** Warns of each link of one rich text as written whose address no output can link to. */
function checkRichText(value: unknown, path: Path, options: LinkOptions, out: Diagnostic[]): void {
  let at: Path;
  let links: WrittenLink[];
  // Most texts hold no link: the quick tests keep the check cheap.
  if (typeof value === 'string') {
    if (!value.includes('](') && !(value.includes('<') && AUTOLINK.test(value))) return;
    [at, links] = [path, markdownLinks(value)];
  } else if (typeof value === 'object' && value !== null && typeof (value as { html?: unknown }).html === 'string') {
    const html = (value as { html: string }).html;
    if (!HTML_LINK.test(html)) return;
    [at, links] = [[...path, 'html'], htmlLinks(html)];
  } else return;
  for (const link of links) {
    if (SAFE_URL.test(link.address)) continue;
    out.push(modelDiagnostic('link-address', { text: link.text, address: link.address }, {
      path: formatPath(path),
      ...(options.file !== undefined ? { file: options.file } : {}),
      ...options.locate?.(at, { line: link.line }),
      expected: 'a link to https://, http:// or mailto:',
      found: link.found,
    }));
  }
}

// --- where rich text stands, by the codecs ------------------------------------------

/** The codecs a codec's value is made of, by io-ts's and the model's shapes (none for a codec of its own, such as a text's). */
function parts(codec: t.Mixed): t.Mixed[] {
  const c = codec as t.Mixed & Record<string, any>;
  switch (c._tag) {
    case 'StrictType':
      return [...Object.values(c.required as t.Props), ...Object.values(c.optional as t.Props)];
    case 'InterfaceType':
    case 'PartialType':
      return Object.values(c.props as t.Props);
    case 'ArrayType':
    case 'ReadonlyArrayType':
    case 'RecursiveType':
      return [c.type];
    case 'DictionaryType':
      return [c.codomain];
    case 'TupleType':
    case 'UnionType':
    case 'IntersectionType':
      return c.types;
    case 'TaggedUnionType':
      return Object.values(c.members as t.Props);
    case 'DefaultWhenAbsentType':
      return [c.inner];
    default:
      return [];
  }
}

const holds = new WeakMap<t.Mixed, boolean>();

/** Whether a codec's value can hold rich text anywhere; known once per codec, so the walk skips the rest (figures, indicators, the governance). */
function holdsRichText(codec: t.Mixed): boolean {
  if (codec === RichText) return true;
  const known = holds.get(codec);
  if (known !== undefined) return known;
  // Reached again through a recursion: assumed to hold it, which only walks a little more.
  holds.set(codec, true);
  const result = parts(codec).some(holdsRichText);
  holds.set(codec, result);
  return result;
}

const own = (props: t.Props | undefined, key: string): t.Mixed | undefined => (props !== undefined && Object.hasOwn(props, key) ? props[key] : undefined);
const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);

/** Calls `visit` with every value of `value` that `codec` decodes as rich text, in the file's order, with its path. */
function forEachRichText(codec: t.Mixed, value: unknown, path: Path, visit: (text: unknown, path: Path) => void): void {
  if (codec === RichText) return visit(value, [...path]);
  if (!holdsRichText(codec)) return;
  // Plain loops, not arrows made per call, as in walk.ts.
  const c = codec as t.Mixed & Record<string, any>;
  switch (c._tag) {
    case 'StrictType':
    case 'InterfaceType':
    case 'PartialType':
      if (!isRecord(value)) return;
      for (const key of Object.keys(value)) {
        const part = own(c.required ?? c.props, key) ?? own(c.optional, key);
        if (part) within(part, value[key], path, key, visit);
      }
      return;
    case 'ArrayType':
    case 'ReadonlyArrayType':
    case 'TupleType':
      if (!Array.isArray(value)) return;
      for (let i = 0; i < value.length; i++) {
        const part = c._tag === 'TupleType' ? (c.types as t.Mixed[])[i] : (c.type as t.Mixed);
        if (part) within(part, value[i], path, i, visit);
      }
      return;
    case 'DictionaryType':
      if (isRecord(value)) for (const key of Object.keys(value)) within(c.codomain, value[key], path, key, visit);
      return;
    case 'TaggedUnionType': {
      const member = isRecord(value) && typeof value[c.tag] === 'string' ? own(c.members, value[c.tag] as string) : undefined;
      if (member) forEachRichText(member, value, path, visit);
      return;
    }
    case 'UnionType': {
      // The member the value decodes with, as io-ts takes it: the first that does.
      const member = (c.types as t.Mixed[]).find((m) => m.decode(value)._tag === 'Right');
      if (member) forEachRichText(member, value, path, visit);
      return;
    }
    default:
      // A recursion, an intersection, a default: the same value, by each codec it is made of.
      for (const part of parts(c)) forEachRichText(part, value, path, visit);
  }
}

/** {@link forEachRichText} one key or index down. */
function within(codec: t.Mixed, value: unknown, path: Path, key: string | number, visit: (text: unknown, path: Path) => void): void {
  path.push(key);
  forEachRichText(codec, value, path, visit);
  path.pop();
}

/** Every link in the rich text of a parsed report (one that decodes as a report) whose address no output can link to, in the file's order. */
export function findUnlinkableLinks(value: unknown, options: LinkOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  forEachRichText(Report, value, [], (text, path) => checkRichText(text, path, options, out));
  return out;
}

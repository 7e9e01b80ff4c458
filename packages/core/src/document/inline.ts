// Source wording is sacred: the one rule for abbreviations, in one place. Author text
// becomes inline nodes whose text, read back, is exactly what the author wrote; the
// registry's abbreviations in it become abbreviation nodes, and the one node a writer
// explains ("Kommunledningskontoret (KLK)") is flagged `first`. An abbreviation is
// explained only at its first use in reading order, only where the author has not
// explained it already, and never inside identifiers, case numbers, headings or titles of
// documents.
import { inlineText, type Block, type Inline as ModelInline, type RichText } from '@kommunrapport/model';
import type { Vocabulary } from '../vocabulary.js';
import type { AbbreviationNode, Inline, Phrase, TextBlock } from './types.js';

/** A suffix joined to an abbreviation: "KLK:s", "KS-nivå". */
const SUFFIX = /^[:\-\u2010\u2011][\p{L}\p{N}]+/u;
/** An identifier that starts with an abbreviation: "KS/2022:17", "SON 2024/117", "KS 2022:3". */
const IDENTIFIER = /^(?:[/:]\d|[ \u00a0]?\d+[/:]\d)/u;
/** An identifier that ends with the abbreviation: "2022/KS". */
const IDENTIFIER_BEFORE = /\d[/:]$/u;
/** A parenthesis right after the abbreviation: "EEM (Eskilstuna Energi & Miljö AB)". */
const GLOSS = /^[ \u00a0]\(([^()]*)\)/u;

const firstWord = (s: string) => (/^[\p{L}\p{N}]+/u.exec(s.trim())?.[0] ?? '').toLowerCase();

/** How the text of a source is to be treated. */
export type TextRole = 'running' | 'title' | 'identifier';

/** Turns source text into inline nodes, deciding each abbreviation's first use in reading order. */
export interface Phraser {
  /** Running text: abbreviations marked, the first unexplained use flagged. */
  running(text: string): Phrase;
  /** A heading or the title of a document: abbreviations marked, never explained, not counted as a use. */
  title(text: string): Phrase;
  /** An identifier such as a case number: plain text only. */
  identifier(text: string): Phrase;
  /** A list of abbreviations ("KS, SBN") as written in a responsible-bodies list: each one a use. */
  names(abbreviations: readonly string[], separator: string): Phrase;
  /** Rich text of the model as document blocks. */
  rich(blocks: RichText): TextBlock[];
  /** Starts a top-level section: the next use of each abbreviation is its first in the section. */
  section(): void;
}

/** Creates the phraser of one document; call it in reading order. */
export function createPhraser(vocabulary: Vocabulary): Phraser {
  const introduced = new Set<string>();
  let inSection = new Set<string>();
  const phrase = (text: string, role: TextRole): Phrase => {
    if (text === '') return [];
    if (role === 'identifier') return [{ type: 'text', value: text }];
    const segments = vocabulary.segments(text);
    const out: Inline[] = [];
    let before = '';
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      if ('text' in seg) {
        out.push({ type: 'text', value: seg.text });
        before += seg.text;
        continue;
      }
      const next = segments[i + 1];
      const after = next !== undefined && 'text' in next ? next.text : '';
      if (IDENTIFIER.test(after) || IDENTIFIER_BEFORE.test(before)) {
        // Part of a case number or other identifier: the author's letters, not an abbreviation.
        out.push({ type: 'text', value: seg.abbreviation });
        before += seg.abbreviation;
        continue;
      }
      const suffix = SUFFIX.exec(after)?.[0] ?? '';
      const node: AbbreviationNode = { type: 'abbreviation', text: seg.abbreviation + suffix, abbreviation: seg.abbreviation, expansion: seg.name, first: false };
      if (suffix) segments[i + 1] = { text: after.slice(suffix.length) };
      const rest = after.slice(suffix.length);
      const lower = before.toLowerCase();
      const name = seg.name.toLowerCase();
      // Explained by the author: "Mälardalens universitet (MDU)", "Kommunledningskontorets (KLK)",
      // "EEM (Eskilstuna Energi & Miljö AB)".
      const closes = !suffix && rest.startsWith(')');
      const namedBefore = closes && [`${name} (`, `${name}s (`, `${name}'s (`, `${name}’s (`].some((n) => lower.endsWith(n));
      const gloss = GLOSS.exec(rest);
      const namedAfter = gloss !== null && firstWord(gloss[1]!) === firstWord(seg.name);
      if (role === 'running' && !introduced.has(seg.abbreviation)) {
        introduced.add(seg.abbreviation);
        node.first = !(namedBefore || namedAfter);
      }
      if (role === 'running' && !inSection.has(seg.abbreviation)) {
        inSection.add(seg.abbreviation);
        if (!(namedBefore || namedAfter)) node.firstInSection = true;
      }
      out.push(node);
      before += node.text;
    }
    return merge(out);
  };
  const inline = (nodes: readonly ModelInline[]): Inline[] =>
    merge(
      nodes.flatMap((n): Inline[] => {
        switch (n.type) {
          case 'text':
            return phrase(n.value, 'running');
          case 'emphasis':
            return [{ type: 'emphasis', children: inline(n.children) }];
          case 'strong':
            return [{ type: 'strong', children: inline(n.children) }];
          case 'link':
            return [{ type: 'link', url: n.url, children: inline(n.children) }];
          case 'foreign':
            return [{ type: 'foreign', language: n.language, children: inline(n.children) }];
        }
      }),
    );
  // A table inside a list item (only a block tree can put one there; Markdown tables stand
  // at the top and become table blocks of the section) becomes one paragraph of its plain
  // text: cells between " | ", rows between " / ".
  // An image there (again only a block tree can put one there) becomes a paragraph of its text alternative.
  const block = (b: Block): TextBlock =>
    b.type === 'paragraph'
      ? { type: 'paragraph', children: inline(b.children) }
      : b.type === 'list'
        ? { type: 'list', ordered: b.ordered, items: b.items.map((item) => item.map(block)) }
        : b.type === 'image'
          ? { type: 'paragraph', children: inline([{ type: 'text', value: b.alt }]) }
          : { type: 'paragraph', children: inline([b.header, ...b.rows].flatMap((r, i) => [...(i > 0 ? [{ type: 'text' as const, value: ' / ' }] : []), { type: 'text' as const, value: r.map(inlineText).join(' | ') }])) };
  return {
    running: (text) => phrase(text, 'running'),
    title: (text) => phrase(text, 'title'),
    identifier: (text) => phrase(text, 'identifier'),
    names: (abbreviations, separator) => merge(abbreviations.flatMap((a, i): Inline[] => [...(i > 0 ? [{ type: 'text' as const, value: separator }] : []), ...phrase(a, 'running')])),
    rich: (blocks) => blocks.map(block),
    section: () => {
      inSection = new Set();
    },
  };
}

/** Joins neighbouring text nodes. */
function merge(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (n.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + n.value };
    else if (n.type !== 'text' || n.value !== '') out.push(n);
  }
  return out;
}

/**
 * What a writer adds around an abbreviation it explains: `Kommunledningskontoret (` and `)`
 * around "KLK", or nothing and ` (Kommunledningskontoret)` after a suffixed "KLK:s". Empty
 * strings when the node is not its first use. The node's own text is never changed.
 */
export function abbreviationExplanation(node: AbbreviationNode): { before: string; after: string } {
  if (!node.first) return { before: '', after: '' };
  return node.text === node.abbreviation ? { before: `${node.expansion} (`, after: ')' } : { before: '', after: ` (${node.expansion})` };
}

/** The genitive of a name, as Swedish writes it: `-s`, nothing after s, x or z, `:s` after a capital. */
const genitive = (name: string) => (/[sxz]$/iu.test(name) ? name : /\p{Lu}$/u.test(name) ? `${name}:s` : `${name}s`);

/**
 * What speech says for an abbreviation: at its first use in a top-level section (and at its
 * first use) what it stands for with the abbreviation after it, "Kommunledningskontoret
 * (KLK)", a genitive "KLK:s" as "Kommunledningskontorets (KLK)"; elsewhere as written (the
 * formatter's `speechText` then makes "KLK:s" a word the engine reads, "KLK's").
 */
export function speechAbbreviation(node: AbbreviationNode): string {
  if (!node.first && !node.firstInSection) return node.text;
  if (node.text === node.abbreviation) return `${node.expansion} (${node.abbreviation})`;
  if (node.text === `${node.abbreviation}:s`) return `${genitive(node.expansion)} (${node.abbreviation})`;
  return `${node.text} (${node.expansion})`;
}

/**
 * Inline content as plain text. With `explain` (the default), first uses of abbreviations
 * are explained as every writer explains them; without, the result is the source text
 * exactly. With `speech`, abbreviations are said as {@link speechAbbreviation} says them.
 */
export function phraseText(nodes: readonly Inline[], options: { explain?: boolean; speech?: boolean } = {}): string {
  const explain = options.explain !== false;
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
          return n.value;
        case 'abbreviation': {
          if (!explain) return n.text;
          if (options.speech) return speechAbbreviation(n);
          const e = abbreviationExplanation(n);
          return `${e.before}${n.text}${e.after}`;
        }
        default:
          return phraseText(n.children, options);
      }
    })
    .join('');
}

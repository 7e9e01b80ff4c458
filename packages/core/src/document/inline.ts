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
  return new DocumentPhraser(vocabulary);
}

// A class, and loops rather than arrows passed to map/flatMap: a batch builds one phraser per
// report, and V8 drops the optimised code of closures made per report or per call at each
// full collection, so the next report would compile them again.
class DocumentPhraser implements Phraser {
  private readonly introduced = new Set<string>();
  private inSection = new Set<string>();

  constructor(private readonly vocabulary: Vocabulary) {}

  running(text: string): Phrase {
    return this.phrase(text, 'running');
  }

  title(text: string): Phrase {
    return this.phrase(text, 'title');
  }

  identifier(text: string): Phrase {
    return this.phrase(text, 'identifier');
  }

  names(abbreviations: readonly string[], separator: string): Phrase {
    const out: Inline[] = [];
    for (let i = 0; i < abbreviations.length; i++) {
      if (i > 0) out.push({ type: 'text', value: separator });
      out.push(...this.phrase(abbreviations[i]!, 'running'));
    }
    return merge(out);
  }

  rich(blocks: RichText): TextBlock[] {
    const out: TextBlock[] = [];
    for (const b of blocks) out.push(this.block(b));
    return out;
  }

  section(): void {
    this.inSection = new Set();
  }

  private phrase(text: string, role: TextRole): Phrase {
    if (text === '') return [];
    if (role === 'identifier') return [{ type: 'text', value: text }];
    const segments = this.vocabulary.segments(text);
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
      // Explained by the author: "Mälardalens universitet (MDU)", "Kommunledningskontorets (KLK)",
      // "EEM (Eskilstuna Energi & Miljö AB)".
      const closes = !suffix && rest.startsWith(')');
      const namedBefore = closes && namedJustBefore(before.toLowerCase(), seg.name.toLowerCase());
      const gloss = GLOSS.exec(rest);
      const namedAfter = gloss !== null && firstWord(gloss[1]!) === firstWord(seg.name);
      if (role === 'running' && !this.introduced.has(seg.abbreviation)) {
        this.introduced.add(seg.abbreviation);
        node.first = !(namedBefore || namedAfter);
      }
      if (role === 'running' && !this.inSection.has(seg.abbreviation)) {
        this.inSection.add(seg.abbreviation);
        if (!(namedBefore || namedAfter)) node.firstInSection = true;
      }
      out.push(node);
      before += node.text;
    }
    return merge(out);
  }

  private inline(nodes: readonly ModelInline[]): Inline[] {
    const out: Inline[] = [];
    for (const n of nodes) {
      switch (n.type) {
        case 'text':
          out.push(...this.phrase(n.value, 'running'));
          break;
        case 'emphasis':
          out.push({ type: 'emphasis', children: this.inline(n.children) });
          break;
        case 'strong':
          out.push({ type: 'strong', children: this.inline(n.children) });
          break;
        case 'link':
          out.push({ type: 'link', url: n.url, children: this.inline(n.children) });
          break;
        case 'foreign':
          out.push({ type: 'foreign', language: n.language, children: this.inline(n.children) });
          break;
      }
    }
    return merge(out);
  }

  // A table inside a list item (only a block tree can put one there; Markdown tables stand
  // at the top and become table blocks of the section) becomes one paragraph of its plain
  // text: cells between " | ", rows between " / ".
  // An image there (again only a block tree can put one there) becomes a paragraph of its text alternative.
  private block(b: Block): TextBlock {
    if (b.type === 'paragraph') return { type: 'paragraph', children: this.inline(b.children) };
    if (b.type === 'list') return { type: 'list', ordered: b.ordered, items: b.items.map((item) => this.rich(item)) };
    if (b.type === 'image') return { type: 'paragraph', children: this.inline([{ type: 'text', value: b.alt }]) };
    return { type: 'paragraph', children: this.inline([b.header, ...b.rows].flatMap((r, i) => [...(i > 0 ? [{ type: 'text' as const, value: ' / ' }] : []), { type: 'text' as const, value: r.map(inlineText).join(' | ') }])) };
  }
}

/** Whether the name of an abbreviation (lower case) ends the text before it, before " (". */
function namedJustBefore(lower: string, name: string): boolean {
  return lower.endsWith(`${name} (`) || lower.endsWith(`${name}s (`) || lower.endsWith(`${name}'s (`) || lower.endsWith(`${name}’s (`);
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

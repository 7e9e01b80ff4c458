// A complete small writer: every kind of block of the document (ctx.document) as plain
// text. It decides nothing: headings come numbered, words come from the vocabulary,
// figures come formatted, and `phraseText` explains each abbreviation exactly where the
// document says it is first used. Every writer of the project works this way.
import { phraseText, type DocBlock, type DocSection, type TableModel, type TextBlock } from '@kommunrapport/core';

/** A section: its numbered heading, then its blocks in order. */
export function section(s: DocSection): string[] {
  const marks = '#'.repeat(s.level);
  return [`${marks} ${s.number} ${phraseText(s.heading)}`, '', ...s.blocks.flatMap((b) => [...block(b), ''])];
}

/** One block. The switch is exhaustive: a new kind of block is a type error here. */
export function block(b: DocBlock): string[] {
  switch (b.kind) {
    case 'richText':
      return b.blocks.flatMap(text);
    case 'badges':
      // A symbol or a colour never stands alone: write the words that stand for it.
      return b.items.map((i) => `${i.term}: ${i.badge.textAlternative}`);
    case 'facts':
      return b.items.map((f) => `${f.term}: ${phraseText(f.content)}`);
    case 'list':
      return b.items.map((item) => `- ${phraseText(item)}`);
    case 'table':
      return table(b.table);
    case 'legend':
      // Symbol, short label and meaning: "● Uppnår: Processområdet bedöms uppnå resultatmålen".
      return [b.legend.caption, ...b.legend.entries.map((e) => `${e.symbol} ${e.label}${e.meaning ? `: ${e.meaning}` : ''}`)];
    case 'chart':
      // The text alternative: every value, or a pointer to the table right before it.
      return [b.chart.description];
    case 'image':
      // The text alternative, marked as an image ("Bild: Karta över området."); decoration says nothing.
      return b.image.decorative ? [] : [b.image.spoken];
    case 'section':
      return section(b.section);
  }
}

/** Paragraphs and lists of running text. */
function text(b: TextBlock): string[] {
  if (b.type === 'paragraph') return [phraseText(b.children)];
  return b.items.map((item) => `- ${item.flatMap(text).join(' ')}`);
}

/** A table read row by row: each cell with its column header, in its spoken form. */
export function table(tm: TableModel): string[] {
  const lines = [tm.caption];
  for (const row of tm.rows) {
    const cells = row.cells.map((cell, i) => `${tm.columns[i]?.label ?? ''}: ${cell.spoken}`);
    lines.push(`${row.header}. ${cells.join('; ')}.`);
  }
  return lines;
}

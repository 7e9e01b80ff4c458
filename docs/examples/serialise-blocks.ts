// Serialising every kind of block of the DocumentModel as plain text: rich text, status
// badges, facts, lists, tables read row by row with their headers, charts by their text
// alternative, and nested sections. Every word comes from the report or its vocabulary.
import { plainText } from '@kommunrapport/model';
import type { DocBlock, DocSection, RenderContext, TableModel } from '@kommunrapport/core';

/** A section: its heading, then its blocks in order. */
export function section(s: DocSection, ctx: RenderContext<unknown>): string[] {
  const marks = '#'.repeat(s.level);
  return [`${marks} ${s.title}`, '', ...s.blocks.flatMap((b) => [...block(b, ctx), ''])];
}

/** One block. The switch is exhaustive: a new kind of block is a type error here. */
export function block(b: DocBlock, ctx: RenderContext<unknown>): string[] {
  switch (b.kind) {
    case 'richText':
      return [expandFirst(plainText(b.blocks), ctx)];
    case 'badges':
      // A symbol or a colour never stands alone: write the words that stand for it.
      return b.items.map((i) => `${i.term}: ${i.badge.textAlternative}`);
    case 'facts':
      return b.items.map((f) => `${f.term}: ${expandFirst(f.value, ctx)}`);
    case 'list':
      return b.items.map((item) => `- ${item}`);
    case 'table':
      return table(b.table);
    case 'chart':
      // The description states every value of the chart in words.
      return [`${b.chart.title}. ${b.chart.description}`];
    case 'section':
      return section(b.section, ctx);
  }
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

/** Writes known abbreviations out with their full name: "KS (Kommunstyrelsen)". */
export function expandFirst(text: string, ctx: RenderContext<unknown>): string {
  return ctx.vocabulary
    .segments(text)
    .map((seg) => ('abbreviation' in seg ? `${seg.abbreviation} (${seg.name})` : seg.text))
    .join('');
}

// Sections of the document model in reading order: each a Sect with its heading (level
// from the model) and its blocks drawn by the matching renderer.
import { legendTable, type DocBlock, type DocSection, type TableModel } from '@kommunrapport/core';
import { chartKeepHeight, drawChart } from './chart.js';
import { drawImage, imageScale } from './image.js';
import type { StructElement } from './pdfkit-api.js';
import { child, type RenderState } from './state.js';
import { alignTables, drawTable, tableKeepHeight } from './table.js';
import { badgeRuns, drawBadges, drawFacts, drawHeading, drawRichText, drawStringList, firstLinesHeight, headingKeepHeight, inlineRuns } from './text-blocks.js';

/** Legend blocks as tables, made once: the heading before one measures the same table that is drawn. */
const LEGEND_TABLES = new WeakMap<object, TableModel>();
function legendOf(block: Extract<DocBlock, { kind: 'legend' }>): TableModel {
  let table = LEGEND_TABLES.get(block);
  if (!table) LEGEND_TABLES.set(block, (table = legendTable(block.legend)));
  return table;
}

/**
 * The height of the start of `block` that a heading before it keeps on its page: two
 * lines of text, a table's caption, header and first rows, a chart whole, a subsection's
 * heading with the start of its own first block.
 */
function keepHeight(state: RenderState, block: DocBlock | undefined): number {
  const lh = state.writer.lineHeight(state.size);
  if (!block) return 0;
  switch (block.kind) {
    case 'richText': {
      const first = block.blocks[0];
      if (first?.type === 'paragraph') return firstLinesHeight(state, inlineRuns(first.children));
      return lh * 2;
    }
    case 'badges': {
      const item = block.items[0];
      return item ? firstLinesHeight(state, [{ text: `${item.term}: `, font: 'bold' }, ...badgeRuns(item.badge)]) : 0;
    }
    case 'facts':
    case 'list':
      return lh * 2;
    case 'table':
      return tableKeepHeight(state, block.table);
    case 'legend':
      return tableKeepHeight(state, legendOf(block));
    case 'chart':
      return chartKeepHeight(state, block.chart);
    case 'image':
      // The whole image, as drawn (at most half a page).
      return state.size * 0.3 + imageScale(state, block.image) * block.image.height;
    case 'section':
      return headingKeepHeight(state, block.section.level, block.section.title, keepHeight(state, block.section.blocks[0]));
  }
}

/** Draws a section and everything in it. */
export function drawSection(state: RenderState, parent: StructElement, section: DocSection): void {
  const sect = child(state, parent, 'Sect');
  // Consecutive legends share their column widths.
  let run: TableModel[] = [];
  for (const block of [...section.blocks, undefined]) {
    if (block?.kind === 'legend') run.push(legendOf(block));
    else {
      alignTables(state, run);
      run = [];
    }
  }
  drawHeading(state, sect, section.level, section.title, section.id, keepHeight(state, section.blocks[0]), section.role === 'note');
  for (const block of section.blocks) drawBlock(state, sect, block);
  sect.end();
}

function drawBlock(state: RenderState, parent: StructElement, block: DocBlock): void {
  switch (block.kind) {
    case 'richText':
      drawRichText(state, parent, block.blocks);
      return;
    case 'badges':
      drawBadges(state, parent, block.items);
      return;
    case 'facts':
      drawFacts(state, parent, block.items);
      return;
    case 'list':
      drawStringList(state, parent, block.items);
      return;
    case 'table':
      drawTable(state, parent, block.table);
      return;
    case 'legend':
      drawTable(state, parent, legendOf(block));
      return;
    case 'chart':
      drawChart(state, parent, block.chart);
      return;
    case 'image':
      drawImage(state, parent, block.image);
      return;
    case 'section':
      drawSection(state, parent, block.section);
      return;
  }
}

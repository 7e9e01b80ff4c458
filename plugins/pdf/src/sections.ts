// Sections of the document model in reading order: each a Sect with its heading (level
// from the model) and its blocks drawn by the matching renderer.
import { legendTable, type DocBlock, type DocSection } from '@kommunrapport/core';
import { drawChart } from './chart.js';
import type { StructElement } from './pdfkit-api.js';
import { child, type RenderState } from './state.js';
import { drawTable } from './table.js';
import { drawBadges, drawFacts, drawHeading, drawRichText, drawStringList } from './text-blocks.js';

/** Draws a section and everything in it. */
export function drawSection(state: RenderState, parent: StructElement, section: DocSection): void {
  const sect = child(state, parent, 'Sect');
  drawHeading(state, sect, section.level, section.title, section.id, section.role === 'note');
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
      drawTable(state, parent, legendTable(block.legend));
      return;
    case 'chart':
      drawChart(state, parent, block.chart);
      return;
    case 'section':
      drawSection(state, parent, block.section);
      return;
  }
}

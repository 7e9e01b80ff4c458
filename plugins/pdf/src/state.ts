// What the block renderers share while one document is written: the writer, sizes, the
// render context, the bookmarks and headings seen so far, and the structure ids in use.
import type { RenderContext } from '@kommunrapport/core';
import type { PdfOptions } from './options.js';
import type { OutlineItem, PdfDoc, StructElement } from './pdfkit-api.js';
import type { Writer } from './writer.js';

/** A heading as placed: for the table of contents. */
export interface PlacedHeading {
  level: number;
  title: string;
  /** Zero-based page index. */
  page: number;
  /** Named destination of the heading. */
  destination: string;
}

/** Shared state of one render. */
export interface RenderState {
  doc: PdfDoc;
  writer: Writer;
  ctx: RenderContext<PdfOptions>;
  size: number;
  headings: PlacedHeading[];
  /** Outline items by heading level, for nesting bookmarks. */
  outline: (OutlineItem | undefined)[];
  /** Structure element ids → elements, for the IDTree. */
  ids: Map<string, StructElement>;
  /** Colours of the cover band and level 1–2 headings (primary) and of the cover's rule (accent): the site's where they pass the contrast check. */
  brand: { primary: string; accent: string };
}

/** The PDF's own colours, used where the site gives none (or one that fails the contrast check). */
export const DEFAULT_BRAND = { primary: '#0b3d6b', accent: '#b35900' } as const;

/** Gives `el` a structure id unique in the document (ASCII, derived from `wanted`) and records it. */
export function assignId(state: RenderState, el: StructElement, wanted: string): string {
  const base = wanted.normalize('NFKD').replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '') || 'id';
  let id = base;
  for (let n = 2; state.ids.has(id); n++) id = `${base}-${n}`;
  state.ids.set(id, el);
  el.dictionary.data.ID = new String(id);
  return id;
}

/** Creates a structure element and adds it to `parent` at once, so it is attached in order. */
export function child(state: RenderState, parent: StructElement, type: string, options?: Parameters<PdfDoc['struct']>[1]): StructElement {
  const el = state.doc.struct(type, options);
  parent.add(el);
  return el;
}

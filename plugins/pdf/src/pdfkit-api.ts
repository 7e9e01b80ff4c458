// The part of pdfkit 0.20's document API this renderer uses, typed as pdfkit implements it
// (the community typings lack structure attributes, PDF/UA and a few internals used here).
import PDFDocument from 'pdfkit';
import type { Font } from 'fontkit';

/** A structure element under construction. */
export interface StructElement {
  add(child: StructElement | MarkedContent): StructElement;
  end(): void;
  readonly dictionary: { data: Record<string, unknown> };
}

/** A marked-content sequence on a page, to be added to a structure element. */
export interface MarkedContent {
  readonly refs: unknown[];
}

/** Options of a structure element. */
export interface StructOptions {
  title?: string;
  lang?: string;
  alt?: string;
  actual?: string;
  expanded?: string;
  /** [left, top, right, bottom] from the page's top-left corner. */
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
  scope?: 'Column' | 'Row' | 'Both';
}

/** An outline (bookmark) item. */
export interface OutlineItem {
  addItem(title: string, options?: { pageNumber?: number; expanded?: boolean; fit?: boolean; top?: number; left?: number; zoom?: number }): OutlineItem;
}

/** The pdfkit document as this renderer uses it. */
export interface PdfDoc {
  page: { width: number; height: number };
  outline: OutlineItem;
  /** The trailer's file identifier (pdfkit internal). */
  _id: Uint8Array;
  /** Writes the Info-derived XMP entries (pdfkit internal, replaced to escape XML). */
  _addInfo: () => void;
  _root: { data: Record<string, unknown> };
  /** The current font (pdfkit internal); its `layoutCache` holds laid-out words. */
  _font: { layoutCache?: Record<string, unknown>; widthOfString(text: string, size: number): number };
  info: Record<string, unknown>;
  addPage(options?: object): PdfDoc;
  switchToPage(n: number): unknown;
  bufferedPageRange(): { start: number; count: number };
  registerFont(name: string, src: Font): PdfDoc;
  font(name: string): PdfDoc;
  fontSize(size: number): PdfDoc;
  fillColor(colour: string): PdfDoc;
  strokeColor(colour: string): PdfDoc;
  lineWidth(w: number): PdfDoc;
  dash(length: number, options?: { space: number }): PdfDoc;
  undash(): PdfDoc;
  text(text: string, x: number, y: number, options?: object): PdfDoc;
  moveTo(x: number, y: number): PdfDoc;
  lineTo(x: number, y: number): PdfDoc;
  rect(x: number, y: number, w: number, h: number): PdfDoc;
  circle(x: number, y: number, r: number): PdfDoc;
  polygon(...points: [number, number][]): PdfDoc;
  fill(colour?: string): PdfDoc;
  stroke(colour?: string): PdfDoc;
  save(): PdfDoc;
  restore(): PdfDoc;
  struct(type: string, options?: StructOptions): StructElement;
  /** Draws a PNG or JPEG image (bytes) fitted into a box. */
  image(src: Buffer, x: number, y: number, options?: { fit?: [number, number]; width?: number; height?: number }): PdfDoc;
  addStructure(el: StructElement): PdfDoc;
  getStructTreeRoot(): { data: Record<string, unknown> };
  markStructureContent(type: string, options?: object): MarkedContent;
  markContent(tag: string, options?: object): PdfDoc;
  endMarkedContent(): PdfDoc;
  link(x: number, y: number, w: number, h: number, url: string, options?: object): PdfDoc;
  annotate(x: number, y: number, w: number, h: number, options: object): PdfDoc;
  addNamedDestination(name: string, ...args: unknown[]): void;
  appendXML(xml: string, newline?: boolean): void;
  on(event: 'data', listener: (chunk: Uint8Array) => void): PdfDoc;
  on(event: 'end', listener: () => void): PdfDoc;
  end(): void;
}

/** Creates a pdfkit document. */
export function createPdfDoc(options: object): PdfDoc {
  return new PDFDocument(options as PDFKit.PDFDocumentOptions) as unknown as PdfDoc;
}

// Faster output for a pdfkit document. pdfkit serialises every object as a handful of small
// strings, copies each into bytes one character at a time and pushes each through a Node
// stream, and a PDF/UA file has thousands of objects (its structure elements). Here the
// strings are collected and turned into bytes in large pieces, giving the same bytes;
// streams are compressed at a faster level than pdfkit's, and an embedded font subset that
// an earlier document of the process already compressed is not compressed again.
import { deflateSync } from 'node:zlib';

/** The part of pdfkit's PDFReference (internal) this module replaces and uses. */
export interface ReferenceInternals {
  document: FastDocument;
  data: Record<string, unknown>;
  compress: boolean;
  uncompressedLength: number;
  buffer: (Uint8Array | string)[];
  write(chunk: Uint8Array | string): void;
  finalize(): void;
}

/** The part of pdfkit's PDFDocument (internal) this module replaces and uses. */
export interface DocumentInternals {
  _offset: number;
  _write(data: Uint8Array | string): void;
  ref(data?: Record<string, unknown>): ReferenceInternals;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
}

/** A document whose output this module collects: the parts written so far, and the level streams are compressed at. */
interface FastDocument extends DocumentInternals {
  _fastParts: (Uint8Array | string)[];
  _fastLevel: number;
}

/**
 * The default compression level of streams: 3, not zlib's 6 (pdfkit's). Rendering 40 of the
 * generated bench reports, alternating levels in one process, took 49 ms instead of 57 ms
 * of CPU per report, and the files were 282 kB instead of 269 kB on average.
 */
export const DEFAULT_LEVEL = 3;

/** Compressed bytes by the (cached, shared) bytes they were made from. */
const deflated = new WeakMap<Uint8Array, Map<number, Uint8Array>>();

/** Joins strings (as pdfkit's `fromBinaryString` does: one byte per character) and byte arrays into one byte array. */
function toBytes(parts: readonly (Uint8Array | string)[]): Uint8Array {
  if (parts.length === 1 && typeof parts[0] !== 'string') return parts[0]!;
  const pieces: Uint8Array[] = [];
  let text: string[] = [];
  const flushText = () => {
    if (text.length > 0) pieces.push(Buffer.from(text.join(''), 'latin1'));
    text = [];
  };
  for (const part of parts) {
    if (typeof part === 'string') text.push(part);
    else {
      flushText();
      pieces.push(part);
    }
  }
  flushText();
  return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
}

/** Compresses a stream's bytes, reusing the result for the same byte array at the same level. */
function compress(bytes: Uint8Array, level: number, shared: boolean): Uint8Array {
  if (!shared) return deflateSync(bytes, { level });
  let byLevel = deflated.get(bytes);
  if (!byLevel) {
    byLevel = new Map();
    deflated.set(bytes, byLevel);
  }
  let out = byLevel.get(level);
  if (!out) {
    out = deflateSync(bytes, { level });
    byLevel.set(level, out);
  }
  return out;
}

// The replaced methods below are module-level functions working on `this`, not closures made
// per document or per object: V8 keeps the optimised code of a function that lives for the
// whole process, whereas a batch would compile per-document closures again every few reports.

/** As pdfkit's reference write, but keeping strings as strings until the reference is finalised. */
function writeReference(this: ReferenceInternals, chunk: Uint8Array | string): void {
  // As pdfkit's write: strings get a line end; Length counts bytes; a compressed stream says so.
  const part = typeof chunk === 'string' ? `${chunk}\n` : chunk;
  this.uncompressedLength += part.length;
  this.buffer.push(part);
  this.data.Length = ((this.data.Length as number | undefined) ?? 0) + part.length;
  if (this.compress) this.data.Filter = 'FlateDecode';
}

/** Turns a reference's written parts into bytes (compressed at the document's level), then finalises it as pdfkit does. */
function finalizeReference(this: ReferenceInternals): void {
  if (this.buffer.length > 0) {
    // One byte array written whole (a font subset) may be one an earlier document wrote too.
    const shared = this.buffer.length === 1 && typeof this.buffer[0] !== 'string';
    const bytes = toBytes(this.buffer);
    this.buffer = [this.compress ? compress(bytes, this.document._fastLevel, shared) : bytes];
    // Already compressed: pdfkit's finalize then only writes the bytes and their length.
    this.compress = false;
  }
  // pdfkit's own finalize: the prototype's, which the instance's property set here shadows.
  (Object.getPrototypeOf(this) as ReferenceInternals).finalize.call(this);
}

/** As pdfkit's document ref, making the new reference a fast one. */
function makeReference(this: FastDocument, data?: Record<string, unknown>): ReferenceInternals {
  const ref = (Object.getPrototypeOf(this) as DocumentInternals).ref.call(this, data);
  ref.write = writeReference;
  ref.finalize = finalizeReference;
  return ref;
}

/** As pdfkit's document write, but collecting the output in memory instead of pushing it through the stream. */
function writeDocument(this: FastDocument, data: Uint8Array | string): void {
  const part = typeof data === 'string' ? `${data}\n` : data;
  this._fastParts.push(part);
  this._offset += part.length;
}

/**
 * Makes `doc` collect its output in memory instead of pushing each piece through its stream,
 * compressing streams at `level`, and resolves with the whole file when the document has
 * ended. Call right after creating the document: the header pdfkit has already written
 * comes through the stream first. At level 6 the bytes are pdfkit's own.
 */
export function useFastOutput(doc: DocumentInternals, level = DEFAULT_LEVEL): Promise<Uint8Array> {
  const fast = doc as FastDocument;
  const streamed: (Uint8Array | string)[] = [];
  fast._fastParts = [];
  fast._fastLevel = level;
  fast.ref = makeReference;
  fast._write = writeDocument;
  return new Promise((resolve) => {
    doc.on('data', (chunk) => streamed.push(chunk));
    doc.on('end', () => resolve(toBytes(streamed.concat(fast._fastParts))));
  });
}

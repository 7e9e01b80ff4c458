// Faster output for a pdfkit document. pdfkit serialises every object as a handful of small
// strings, copies each into bytes one character at a time and pushes each through a Node
// stream, and a PDF/UA file has thousands of objects (its structure elements). Here the
// strings are collected and turned into bytes in large pieces, giving the same bytes;
// streams are compressed at a faster level than pdfkit's, and an embedded font subset that
// an earlier document of the process already compressed is not compressed again.
import { deflateSync } from 'node:zlib';

/** The part of pdfkit's PDFReference (internal) this module replaces and uses. */
export interface ReferenceInternals {
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

/** Makes `ref` keep written strings as strings until it is finalised, then write them as bytes. */
function useFastReference(ref: ReferenceInternals, level: number): void {
  const finalize = ref.finalize.bind(ref);
  ref.write = (chunk) => {
    // As pdfkit's write: strings get a line end; Length counts bytes; a compressed stream says so.
    const part = typeof chunk === 'string' ? `${chunk}\n` : chunk;
    ref.uncompressedLength += part.length;
    ref.buffer.push(part);
    ref.data.Length = ((ref.data.Length as number | undefined) ?? 0) + part.length;
    if (ref.compress) ref.data.Filter = 'FlateDecode';
  };
  ref.finalize = () => {
    if (ref.buffer.length > 0) {
      // One byte array written whole (a font subset) may be one an earlier document wrote too.
      const shared = ref.buffer.length === 1 && typeof ref.buffer[0] !== 'string';
      const bytes = toBytes(ref.buffer);
      ref.buffer = [ref.compress ? compress(bytes, level, shared) : bytes];
      // Already compressed: pdfkit's finalize then only writes the bytes and their length.
      ref.compress = false;
    }
    finalize();
  };
}

/**
 * Makes `doc` collect its output in memory instead of pushing each piece through its stream,
 * compressing streams at `level`, and resolves with the whole file when the document has
 * ended. Call right after creating the document: the header pdfkit has already written
 * comes through the stream first. At level 6 the bytes are pdfkit's own.
 */
export function useFastOutput(doc: DocumentInternals, level = DEFAULT_LEVEL): Promise<Uint8Array> {
  const streamed: Uint8Array[] = [];
  const parts: (Uint8Array | string)[] = [];
  const ref = doc.ref.bind(doc);
  doc.ref = (data) => {
    const r = ref(data);
    useFastReference(r, level);
    return r;
  };
  doc._write = (data) => {
    const part = typeof data === 'string' ? `${data}\n` : data;
    parts.push(part);
    doc._offset += part.length;
  };
  return new Promise((resolve) => {
    doc.on('data', (chunk) => streamed.push(chunk));
    doc.on('end', () => resolve(toBytes([...streamed, ...parts])));
  });
}

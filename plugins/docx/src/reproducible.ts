// Makes the bytes of a DOCX written by the docx library depend on its content and the
// document's date only. docx 9.15.2 (pinned in package.json) writes four things that
// change from run to run: the clock as `dcterms:created` and `dcterms:modified` in
// docProps/core.xml, the clock (in local time) as every zip entry's modification time,
// a random id for the relationship of every external hyperlink, and bookmark ids from a
// counter shared by every document of the process. This module rewrites those four and
// nothing else; test/reproducible.test.ts compares it with the library.
//
// The writer packs a document with `packDocx`: it takes the package's parts from the
// library before they are zipped (XML as text), so the parts are zipped once, instead of the
// library zipping them, this module unzipping and decoding them and zipping them again
// (that round trip was about a seventh of the writer's CPU). `reproducible` does the same
// to a zip the library has already written; both give the same bytes for the same document.
import { deflateRawSync } from 'node:zlib';
import { Packer, type Document } from 'docx';
import { Zip, ZipPassThrough, unzipSync } from 'fflate';

const RELS = 'word/_rels/document.xml.rels';
const DOCUMENT = 'word/document.xml';
const CORE = 'docProps/core.xml';
const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** A package's parts by path, in the order they are zipped: XML as text, pictures as bytes. */
type Parts = Map<string, string | Uint8Array | ArrayBuffer>;

/**
 * The parts of the package of `file`, exactly as `Packer.toBuffer(file)` zips them. They come
 * from the Packer's compiler, which docx 9.15.2 does not declare public (its `compile` is what
 * `Packer.pack` zips); test/reproducible.test.ts checks both ways give the same bytes.
 */
function compile(file: Document): Parts {
  const packer = Packer as unknown as { compiler: { compile(file: Document): Parts } };
  return packer.compiler.compile(file);
}

/** The rewritten parts: dates in core.xml, hyperlink relationship ids and bookmark ids (see the top of this file). */
function pin(parts: Parts, date: Date): Parts {
  const text = (path: string) => {
    const data = parts.get(path);
    return typeof data === 'string' ? data : new TextDecoder().decode(data);
  };

  const stamp = date.toISOString();
  parts.set(CORE, text(CORE).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`));

  let document = text(DOCUMENT);
  if (parts.has(RELS)) {
    let rels = text(RELS);
    let n = 0;
    for (const [element] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]+)"/.exec(element)?.[1];
      if (id === undefined || !element.includes(`Type="${HYPERLINK}"`)) continue;
      const stable = `rIdLink${++n}`;
      rels = rels.replace(`Id="${id}"`, `Id="${stable}"`);
      document = document.split(`r:id="${id}"`).join(`r:id="${stable}"`);
    }
    parts.set(RELS, rels);
  }

  // Bookmark ids come from one counter of the library, shared by every document made in the
  // process: number them in the order they appear (a start and its end share an id).
  const ids = new Map<string, number>();
  parts.set(
    DOCUMENT,
    document.replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g, (_m, a: string, id: string, b: string) => {
      if (!ids.has(id)) ids.set(id, ids.size + 1);
      return `${a}${ids.get(id)}${b}`;
    }),
  );
  return parts;
}

/**
 * A zip entry deflated at level 6 by Node's zlib, which is native: fflate's own deflate, in
 * JavaScript, took three to four times as long for a report's parts and made them about a
 * tenth larger. fflate still writes the zip (headers, CRC, central directory); this class is
 * the extension point its documentation gives for another compressor.
 */
class NativeDeflate extends ZipPassThrough {
  constructor(filename: string, mtime: Date) {
    super(filename);
    this.compression = 8;
    this.mtime = mtime;
  }

  override process(chunk: Uint8Array, final: boolean): void {
    this.ondata!(null, deflateRawSync(chunk, { level: 6 }), final);
  }
}

/** The parts zipped in their order, every entry dated by `date`. */
function zip(parts: Parts, date: Date): Uint8Array {
  const encoder = new TextEncoder();
  // fflate writes the DOS time of an entry from the local-time fields of `mtime`: a local
  // date with the UTC fields of the document's date gives the same bytes in every time zone.
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2099);
  const mtime = new Date(year, date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  const chunks: Uint8Array[] = [];
  const archive = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [path, data] of parts) {
    const entry = new NativeDeflate(path, mtime);
    archive.add(entry);
    entry.push(typeof data === 'string' ? encoder.encode(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data), true);
  }
  archive.end();
  return Buffer.concat(chunks);
}

/** The DOCX of `file`, dated `date`: what `reproducible(await Packer.toBuffer(file), date)` gives, zipped once. */
export function packDocx(file: Document, date: Date): Uint8Array {
  return zip(pin(compile(file), date), date);
}

/** The DOCX `zip` with its timestamps set to `date` and its hyperlink relationships numbered in order. */
export function reproducible(zipped: Uint8Array, date: Date): Uint8Array {
  return zip(pin(new Map(Object.entries(unzipSync(zipped))), date), date);
}

// A workbook's size read before it is opened: what its zip directory says its parts unpack
// to, and how many cells its sheets hold, counted while each sheet's XML is inflated piece by
// piece, so a workbook too large for a report is refused before a spreadsheet library makes
// an object of every cell (exceljs took over 2 GB, and was still loading after 11 minutes, for a sheet of 3.3 million cells).
import { createInflateRaw, inflateRawSync } from 'node:zlib';

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The size unpacked, as declared; 0xffffffff for a ZIP64 size. */
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

/** The entries of a zip's central directory, read from the directory alone; undefined when there is no readable one. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end of central directory record: 22 bytes, then a comment of up to 65 535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    if (at + 46 + nameLength > bytes.length) return undefined;
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/**
 * What a zip file's central directory says its entries unpack to in all (bytes), before
 * anything is inflated; Infinity for a ZIP64 size (a workbook never needs one); undefined
 * when there is no readable directory (exceljs then says why). The sizes are as declared:
 * JSZip refuses an entry whose data does not match its size.
 */
export function zipUnpackedSize(bytes: Uint8Array): number | undefined {
  const entries = zipEntries(bytes);
  if (!entries) return undefined;
  let total = 0;
  for (const e of entries) {
    if (e.size === 0xffffffff) return Infinity;
    total += e.size;
  }
  return total;
}

/** The packed bytes of an entry (after its local header), or undefined when they are not in the file. */
function packedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const at = entry.localOffset;
  if (at + 30 > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== 0x04034b50) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) return undefined;
  return bytes.subarray(start, start + entry.compressedSize);
}

/** The unpacked bytes of a small entry (at most `max` bytes), or undefined. */
function smallEntry(bytes: Uint8Array, entry: ZipEntry | undefined, max: number): string | undefined {
  if (!entry) return undefined;
  const packed = packedData(bytes, entry);
  if (!packed) return undefined;
  try {
    const data = entry.method === 0 ? packed : inflateRawSync(packed, { maxOutputLength: max });
    return new TextDecoder().decode(data);
  } catch {
    return undefined;
  }
}

const isNameByte = (b: number) => (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2d || b === 0x2e || b === 0x3a;

/** Counts the start tags named `local` (with or without a namespace prefix: `<c …>`, `<x:c>`) in XML that arrives in pieces. */
class TagCounter {
  count = 0;
  private carry: Uint8Array = new Uint8Array(0);
  constructor(private readonly local: string) {}

  add(piece: Uint8Array): void {
    const data = this.carry.length === 0 ? piece : Buffer.concat([this.carry, piece]);
    const name = this.local;
    let last = data.length;
    for (let i = data.indexOf(0x3c); i !== -1; i = data.indexOf(0x3c, i + 1)) {
      let j = i + 1;
      while (j < data.length && isNameByte(data[j]!)) j++;
      // A tag whose name runs to the end of the piece is finished in the next one.
      if (j === data.length) {
        last = i;
        break;
      }
      const b = data[j]!;
      if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x3e && b !== 0x2f) continue;
      const colon = data.lastIndexOf(0x3a, j - 1);
      const from = colon >= i + 1 ? colon + 1 : i + 1;
      if (j - from !== name.length) continue;
      let same = true;
      for (let k = 0; k < name.length && same; k++) same = data[from + k] === name.charCodeAt(k);
      if (same) this.count++;
    }
    // Only a tag cut at the end is carried (names are short; a longer run is no tag of interest).
    this.carry = last < data.length && data.length - last <= 64 ? data.slice(last) : new Uint8Array(0);
  }
}

/** Counts the tags named `local` in an entry while inflating it piece by piece. */
async function countTags(bytes: Uint8Array, entry: ZipEntry, local: string): Promise<number | undefined> {
  const packed = packedData(bytes, entry);
  if (!packed) return undefined;
  const counter = new TagCounter(local);
  if (entry.method === 0) {
    counter.add(packed);
    return counter.count;
  }
  if (entry.method !== 8) return undefined;
  const inflate = createInflateRaw();
  inflate.end(packed);
  try {
    for await (const piece of inflate as AsyncIterable<Buffer>) counter.add(piece);
  } catch {
    // Damaged data: exceljs says why when it opens the workbook.
    return undefined;
  }
  return counter.count;
}

/** How many cells each sheet of a workbook holds, and how many shared strings it has. */
export interface WorkbookCounts {
  /** Per worksheet: its name (when the workbook names it), its part and its cells. */
  sheets: { name?: string; part: string; cells: number }[];
  /** The entries of the shared-string table. */
  strings: number;
}

/**
 * Counts the cells (`<c>` elements) of every worksheet of an XLSX workbook and the entries of
 * its shared-string table, inflating each part piece by piece (memory stays at a piece; the
 * parts are at most MAX_WORKBOOK_UNPACKED_BYTES in all, checked before). Sheet names come from `xl/workbook.xml` and
 * its relationships. Undefined when the file is no zip or a part cannot be read (exceljs then
 * says why).
 */
export async function countWorkbookCells(bytes: Uint8Array): Promise<WorkbookCounts | undefined> {
  const entries = zipEntries(bytes);
  if (!entries) return undefined;
  const byName = new Map(entries.map((e) => [e.name, e]));
  // Sheet names: workbook.xml names each sheet with a relationship id, its .rels gives the part.
  const workbook = smallEntry(bytes, byName.get('xl/workbook.xml'), 4 * 1024 * 1024) ?? '';
  const rels = smallEntry(bytes, byName.get('xl/_rels/workbook.xml.rels'), 4 * 1024 * 1024) ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && part !== undefined) names.set(part, unescapeXml(name));
  }
  const sheets: WorkbookCounts['sheets'] = [];
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    const cells = await countTags(bytes, e, 'c');
    if (cells === undefined) return undefined;
    sheets.push({ ...(names.has(e.name) ? { name: names.get(e.name)! } : {}), part: e.name, cells });
  }
  const sst = byName.get('xl/sharedStrings.xml');
  const strings = sst ? await countTags(bytes, sst, 'si') : 0;
  if (strings === undefined) return undefined;
  return { sheets, strings };
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

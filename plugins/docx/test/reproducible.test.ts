// reproducible() against the docx library it patches (docx 9.15.2): the library's own
// output changes from run to run (clock in core.xml and zip entries, random hyperlink
// ids); after reproducible() it does not, and nothing else in the package has changed.
// packDocx(), which the writer uses, zips the library's parts once and gives the same bytes.
import { readFileSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Bookmark, Document, ExternalHyperlink, ImageRun, InternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { unzipSync } from 'fflate';
import { packDocx, reproducible, wordDocument, type DocxRenderInput } from '../src/index.js';
import { EXAMPLES, ROOT, docxFiles, documentOf, load, renderReport } from './helpers.js';

const make1 = () =>
  new Document({
    title: 'T',
    sections: [{ children: [new Paragraph({ children: [new ExternalHyperlink({ link: 'https://example.org/', children: [new TextRun('a')] }), new ExternalHyperlink({ link: 'https://example.org/b', children: [new TextRun('b')] })] })] }],
  });
const date = new Date('2022-08-31T00:00:00Z');

/** The DOS date and time of every zip entry, from its local file header. */
function entryTimes(zip: Uint8Array): number[] {
  const out: number[] = [];
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 30 <= zip.length; i++) if (view.getUint32(i, true) === 0x04034b50) out.push(view.getUint32(i + 10, true));
  return out;
}

const withBookmarks = () =>
  new Document({
    title: 'T',
    sections: [{ children: [
      new Paragraph({ children: [new Bookmark({ id: 'n_a', children: [new TextRun('A')] })] }),
      new Paragraph({ children: [new Bookmark({ id: 'n_b', children: [new TextRun('B')] }), new InternalHyperlink({ anchor: 'n_a', children: [new TextRun('to A')] })] }),
    ] }],
  });

describe('reproducible', () => {
  it('numbers bookmark ids in document order, so a document made later in the process has the same bytes', async () => {
    const a = await Packer.toBuffer(withBookmarks());
    const b = await Packer.toBuffer(withBookmarks());
    const idsOf = (zip: Uint8Array) => [...docxFiles(zip)['word/document.xml']!.matchAll(/<w:bookmark(Start|End)\b[^>]*?w:id="(\d+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    // The library counts on across documents.
    expect(idsOf(a)).not.toEqual(idsOf(b));
    expect(idsOf(reproducible(a, date))).toEqual(['Start 1', 'End 1', 'Start 2', 'End 2']);
    expect(Buffer.from(reproducible(a, date)).equals(Buffer.from(reproducible(b, date)))).toBe(true);
  });

  it("differs from the library's own output in two runs, and is the same in two runs", async () => {
    const a = await Packer.toBuffer(make1());
    const b = await Packer.toBuffer(make1());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(Buffer.from(reproducible(a, date)).equals(Buffer.from(reproducible(b, date)))).toBe(true);
  });

  it('changes only the dates in core.xml and the hyperlink ids, numbered in document order', async () => {
    const original = docxFiles(await Packer.toBuffer(make1()));
    const fixed = docxFiles(reproducible(await Packer.toBuffer(make1()), date));
    expect(Object.keys(fixed)).toEqual(Object.keys(original));
    const ids = [...original['word/document.xml']!.matchAll(/r:id="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(2);
    const undo = (s: string) => s.replace(/rIdLink1/g, ids[0]!).replace(/rIdLink2/g, ids[1]!);
    for (const path of Object.keys(original)) {
      if (path === 'docProps/core.xml') continue;
      expect(undo(fixed[path]!), path).toBe(original[path]);
    }
    expect(fixed['docProps/core.xml']!.replace(/2022-08-31T00:00:00.000Z/g, 'D')).toBe(original['docProps/core.xml']!.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'D'));
  });

  it('dates every zip entry by the document date, whatever the time zone', async () => {
    const library = await Packer.toBuffer(make1());
    const dos = ((2022 - 1980) << 25) | (8 << 21) | (31 << 16);
    const tz = process.env.TZ;
    try {
      for (const zone of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = zone;
        const times = entryTimes(reproducible(library, date));
        expect(times.length, zone).toBe(Object.keys(unzipSync(library)).length);
        expect(new Set(times), zone).toEqual(new Set([dos]));
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

/** A document with every kind of part the writer makes: lists (numbering), links, bookmarks, a picture, a caption. */
const everything = () =>
  new Document({
    title: 'T & <U>',
    numbering: { config: [{ reference: 'l', levels: [{ level: 0, format: 'bullet', text: '•' }] }] },
    sections: [{ children: [
      new Paragraph({ children: [new Bookmark({ id: 'n_a', children: [new TextRun('A')] })] }),
      new Paragraph({ numbering: { reference: 'l', level: 0, instance: 1 }, children: [new ExternalHyperlink({ link: 'https://example.org/?a=1&b=2', children: [new TextRun('å')] })] }),
      new Paragraph({ numbering: { reference: 'l', level: 0, instance: 2 }, children: [new InternalHyperlink({ anchor: 'n_a', children: [new TextRun('to A')] })] }),
      new Paragraph({ children: [new ImageRun({ type: 'png', data: readFileSync(`${ROOT}/packages/core/test/fixtures/images/bilder/karta.png`), transformation: { width: 10, height: 10 }, altText: { id: '1', name: 'k', title: 'Karta', description: 'Karta' } })] }),
      new Paragraph({ style: 'Caption', children: [new TextRun('\u{1F600} \ud800 lone')] }),
    ] }],
  });

describe('packDocx', () => {
  const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

  it("gives the bytes of reproducible() of the library's own zip, for every kind of part", async () => {
    for (const build of [everything, withBookmarks, make1]) expect(same(packDocx(build(), date), reproducible(await Packer.toBuffer(build()), date))).toBe(true);
  });

  it.each(EXAMPLES)('gives the same bytes for %s as reproducible() of the library\'s zip, with options and a logo', async (_name, file) => {
    const doc = documentOf(load(file));
    const logo = { mediaType: 'image/png' as const, bytes: new Uint8Array(readFileSync(`${ROOT}/packages/core/test/fixtures/images/bilder/karta.png`)), alt: 'Logo' };
    const inputs: DocxRenderInput[] = [
      { locale: 'sv-SE', date, options: { fontSize: 11 } },
      { locale: 'sv-SE', date, options: { fontSize: 14, font: 'Arial' }, brand: { primary: '#005A8C', logo } },
    ];
    for (const input of inputs) {
      const bytes = packDocx(wordDocument(doc, input), date);
      expect(same(bytes, reproducible(await Packer.toBuffer(wordDocument(doc, input)), date))).toBe(true);
      expect(same(bytes, packDocx(wordDocument(doc, input), date))).toBe(true);
    }
  });
});

/** Each entry of a zip's central directory: name, method, CRC-32, sizes, and its bytes as stored. */
function entries(zip: Uint8Array): { name: string; method: number; crc: number; size: number; stored: Uint8Array }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const out = [];
  for (let at = view.getUint32(end + 16, true), n = view.getUint16(end + 10, true); n > 0; n--) {
    const [method, crc, packed, size, nameLength, extra, comment, local] = [view.getUint16(at + 10, true), view.getUint32(at + 16, true), view.getUint32(at + 20, true), view.getUint32(at + 24, true), view.getUint16(at + 28, true), view.getUint16(at + 30, true), view.getUint16(at + 32, true), view.getUint32(at + 42, true)];
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.push({ name, method, crc, size, stored: zip.subarray(data, data + packed) });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

describe('the zip of a DOCX', () => {
  it.each(EXAMPLES)('%s: every part is deflated, and inflates (by Node\'s zlib) to the size and CRC-32 its entry records', async (_name, file) => {
    const zip = await renderReport(load(file));
    const list = entries(zip);
    expect(list.map((e) => e.name)).toEqual(Object.keys(unzipSync(zip)));
    for (const entry of list) {
      expect(entry.method, entry.name).toBe(8);
      const bytes = inflateRawSync(entry.stored);
      expect([bytes.length, crc32(bytes)], entry.name).toEqual([entry.size, entry.crc]);
    }
  });
});

// reproducible() against the docx library it patches (docx 9.15.2): the library's own
// output changes from run to run (clock in core.xml and zip entries, random hyperlink
// ids); after reproducible() it does not, and nothing else in the package has changed.
import { describe, expect, it } from 'vitest';
import { Bookmark, Document, ExternalHyperlink, InternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { unzipSync } from 'fflate';
import { reproducible } from '../src/index.js';
import { docxFiles } from './helpers.js';

const make = () =>
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
    const a = await Packer.toBuffer(make());
    const b = await Packer.toBuffer(make());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(Buffer.from(reproducible(a, date)).equals(Buffer.from(reproducible(b, date)))).toBe(true);
  });

  it('changes only the dates in core.xml and the hyperlink ids, numbered in document order', async () => {
    const original = docxFiles(await Packer.toBuffer(make()));
    const fixed = docxFiles(reproducible(await Packer.toBuffer(make()), date));
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
    const library = await Packer.toBuffer(make());
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

// The in-memory output gives exactly the bytes pdfkit's own stream gives at pdfkit's
// compression level, and the same objects and stream contents at the faster default level:
// the same tagged, compressed document with an embedded font subset, written both ways.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import { fontFolder } from '../src/fonts.js';
import { DEFAULT_LEVEL, useFastOutput, type DocumentInternals } from '../src/fast-output.js';

vi.mock('node:zlib', async (original) => {
  const real = await original<typeof import('node:zlib')>();
  return { ...real, deflateSync: vi.fn(real.deflateSync) };
});

const FONT = readFileSync(join(fontFolder(), 'DejaVuSans.ttf'));

/** A small tagged document: structure, marked content, text in an embedded font, a link, shapes. */
function draw(doc: any): void {
  doc.registerFont('regular', FONT);
  const root = doc.struct('Document');
  doc.addStructure(root);
  doc.addPage();
  for (const [i, text] of ['Näringsliv och arbete', 'Målet är uppfyllt ✓', '30 210 tkr'].entries()) {
    const p = doc.struct('P');
    root.add(p);
    p.add(doc.markStructureContent('P'));
    doc.font('regular').fontSize(10.5).fillColor('#1a1a1a').text(text, 62, 80 + 20 * i, { lineBreak: false });
    doc.endMarkedContent();
    p.end();
  }
  doc.markContent('Artifact', { type: 'Layout' });
  doc.rect(62, 200, 100, 2).fill('#005c9e');
  doc.endMarkedContent();
  doc.link(62, 220, 80, 12, 'https://www.eskilstuna.se/');
  root.end();
}

/** The document written through pdfkit's stream, or through useFastOutput at a level. */
async function write(fast: boolean, level?: number): Promise<Buffer> {
  const doc: any = new PDFDocument({ autoFirstPage: false, tagged: true, pdfVersion: '1.7', lang: 'sv-SE', info: { CreationDate: new Date(0) } });
  let done: Promise<Uint8Array>;
  if (fast) done = useFastOutput(doc as DocumentInternals, level);
  else {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    done = new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  }
  draw(doc);
  doc.end();
  return Buffer.from(await done);
}

/** The objects of an uncompressed-structure PDF: each dictionary and its (Flate) stream bytes. */
function objects(pdf: Buffer): { dictionary: string; stream?: Buffer }[] {
  const text = pdf.toString('latin1');
  const out: { dictionary: string; stream?: Buffer }[] = [];
  for (const m of text.matchAll(/\n(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) {
    const body = m[2]!;
    const at = body.indexOf('\nstream\n');
    if (at < 0 || !body.includes('/FlateDecode')) out.push({ dictionary: body });
    else {
      const start = m.index! + m[0].indexOf(body) + at + '\nstream\n'.length;
      const length = Number(/\/Length (\d+)/.exec(body.slice(0, at))![1]);
      out.push({ dictionary: body.slice(0, at), stream: pdf.subarray(start, start + length) });
    }
  }
  return out;
}

describe('pdf: the document is written in memory with the bytes pdfkit streams', () => {
  it("at pdfkit's level (6): the same file, byte for byte, with compressed content and an embedded font subset", async () => {
    const theirs = await write(false);
    const mine = await write(true, 6);
    expect(mine.toString('latin1')).toContain('/FlateDecode');
    expect(mine.toString('latin1')).toContain('/FontFile2');
    expect(mine.length).toBe(theirs.length);
    expect(mine.equals(theirs)).toBe(true);
  });

  it(`at the default level (${DEFAULT_LEVEL}): the same objects, and every stream inflates to the same bytes`, async () => {
    const theirs = objects(await write(false));
    const mine = objects(await write(true));
    expect(mine.map((o) => o.dictionary.replace(/\/Length \d+/, ''))).toEqual(theirs.map((o) => o.dictionary.replace(/\/Length \d+/, '')));
    expect(mine.filter((o) => o.stream).length).toBe(3); // page content, font file, ToUnicode map
    for (const [i, o] of mine.entries()) {
      if (!o.stream) continue;
      expect(zlib.inflateSync(o.stream).equals(zlib.inflateSync(theirs[i]!.stream!)), o.dictionary).toBe(true);
      expect(o.dictionary).toContain(`/Length ${o.stream.length}`);
    }
    // Compressed at another level than pdfkit's: the page content's bytes differ.
    expect(mine.some((o, i) => o.stream && !o.stream.equals(theirs[i]!.stream!))).toBe(true);
  });

  it('a font subset written again as the same bytes is compressed once; other streams every time', async () => {
    const deflate = vi.mocked(zlib.deflateSync);
    const subset = new Uint8Array(4096).map((_, i) => i % 251);
    const once = async () => {
      const doc: any = new PDFDocument({ autoFirstPage: false, info: { CreationDate: new Date(0) } });
      const done = useFastOutput(doc as DocumentInternals);
      doc.addPage();
      const shared = doc.ref({ Subtype: 'OpenType' });
      shared.end(subset);
      const own = doc.ref();
      own.write('BT ET');
      own.end();
      doc.end();
      return Buffer.from(await done).toString('latin1');
    };
    deflate.mockClear();
    const first = await once();
    const afterFirst = deflate.mock.calls.length;
    const second = await once();
    expect(second).toBe(first);
    // The second document compressed its page and its own stream, not the shared bytes.
    expect(deflate.mock.calls.filter(([bytes]) => bytes === subset)).toHaveLength(1);
    expect(deflate.mock.calls.length - afterFirst).toBe(afterFirst - 1);
  });
});

// Marked content opened by marked-content.ts gives the file pdfkit's own markStructureContent
// and markContent('Artifact') give: operators, MCIDs, the sequences pdfkit ends first, the
// structure tree and the parent tree, over a sequence with nesting and a page break.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { markArtifact, markStructureContent, type MarkingDoc } from '../src/marked-content.js';

type Open = (doc: any, tag: string) => unknown;

/** An uncompressed tagged PDF drawn with `structure` and `artifact` opening the sequences. */
async function pdf(structure: Open, artifact: (doc: any, type: string) => void): Promise<string> {
  const doc: any = new PDFDocument({ size: 'A4', margin: 0, compress: false, tagged: true, autoFirstPage: false, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  const root = doc.struct('Document');
  doc.addStructure(root);
  for (let page = 0; page < 3; page++) {
    doc.addPage();
    const p = doc.struct('P');
    root.add(p);
    for (let i = 0; i < 4; i++) {
      p.add(structure(doc, 'P') as never);
      doc.rect(10 * i, 10, 5, 5).fill();
      doc.endMarkedContent();
      artifact(doc, i % 2 ? 'Pagination' : 'Layout');
      doc.rect(10 * i, 20, 5, 5).fill();
      doc.endMarkedContent();
    }
    // A sequence opened inside a Span, and an artifact opened while a sequence is open (pdfkit ends it).
    doc.markContent('Span', { lang: 'en' });
    const h = doc.struct('H1');
    root.add(h);
    h.add(structure(doc, 'H1') as never);
    artifact(doc, 'Layout');
    doc.endMarkedContent();
    doc.endMarkedContent();
    // A sequence opened while another is open: pdfkit ends the open one first.
    h.add(structure(doc, 'H1') as never);
    h.add(structure(doc, 'H1') as never);
    doc.endMarkedContent();
    h.end();
    p.end();
  }
  root.end();
  doc.end();
  await done;
  return Buffer.concat(chunks).toString('latin1');
}

describe('pdf: marked content opened without pdfkit’s general path', () => {
  it('gives the bytes of markStructureContent and markContent(Artifact)', async () => {
    const theirs = await pdf(
      (doc, tag) => doc.markStructureContent(tag),
      (doc, type) => doc.markContent('Artifact', { type }),
    );
    const mine = await pdf(
      (doc, tag) => markStructureContent(doc as MarkingDoc, tag),
      (doc, type) => markArtifact(doc as MarkingDoc, type),
    );
    expect(mine).toBe(theirs);
    expect(mine).toContain('/P <<\n/MCID 3\n>> BDC');
    expect(mine).toContain('/Artifact <<\n/Type /Pagination\n>> BDC');
  });
});

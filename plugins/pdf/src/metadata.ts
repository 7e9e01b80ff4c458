// Document metadata: Info and XMP with the title XML-escaped (pdfkit writes XMP unescaped),
// fixed dates from the render context, PDF/UA identification, and a file identifier
// derived from a hash of the file's own bytes, so equal input gives equal bytes.
import { createHash } from 'node:crypto';
import type { PdfDoc } from './pdfkit-api.js';

/** The name written as Creator and Producer. */
export const PRODUCER = 'kommunrapport (PDFKit)';

/** Escapes text for XML content and drops characters XML 1.0 does not allow. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Fields of the Info dictionary and the XMP packet. */
export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  language: string;
  date: Date;
}

/** Info dictionary entries for pdfkit's `info` option. */
export function infoEntries(info: DocumentInfo): Record<string, string | Date> {
  return { Title: info.title, Author: info.author, Subject: info.subject, Creator: PRODUCER, Producer: PRODUCER, CreationDate: info.date, ModDate: info.date };
}

/** Replaces pdfkit's XMP writer on `doc` with one that escapes every value. */
export function useEscapedXmp(doc: PdfDoc, info: DocumentInfo): void {
  const date = `${info.date.toISOString().split('.')[0]}Z`;
  doc._addInfo = () => {
    doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>${date}</xmp:CreateDate>
            <xmp:ModifyDate>${date}</xmp:ModifyDate>
            <xmp:MetadataDate>${date}</xmp:MetadataDate>
            <xmp:CreatorTool>${escapeXml(PRODUCER)}</xmp:CreatorTool>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.title)}</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>${escapeXml(info.author)}</rdf:li></rdf:Seq></dc:creator>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.subject)}</rdf:li></rdf:Alt></dc:description>
            <dc:language><rdf:Bag><rdf:li>${escapeXml(info.language)}</rdf:li></rdf:Bag></dc:language>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>${escapeXml(PRODUCER)}</pdf:Producer>
        </rdf:Description>
        `);
  };
}

const PLACEHOLDER = new Uint8Array(16);
const PLACEHOLDER_HEX = '0'.repeat(32);

/** Makes pdfkit write a placeholder file identifier, replaced by {@link fixFileId}. */
export function usePlaceholderId(doc: PdfDoc): void {
  doc._id = PLACEHOLDER;
}

/** Replaces the placeholder /ID in the trailer with the first 16 bytes of the file's SHA-256. */
export function fixFileId(bytes: Uint8Array): Uint8Array {
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  const needle = `/ID [<${PLACEHOLDER_HEX}> <${PLACEHOLDER_HEX}>]`;
  const at = tail.lastIndexOf(needle);
  if (at < 0) throw new Error('pdf: the trailer has no placeholder /ID; pdfkit changed how it writes the trailer');
  const out = new Uint8Array(bytes);
  const start = bytes.length - tail.length + at;
  out.set(Buffer.from(`/ID [<${id}> <${id}>]`, 'latin1'), start);
  return out;
}

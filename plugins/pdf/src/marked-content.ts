// Opening marked content with the bytes and bookkeeping of pdfkit's markStructureContent and
// markContent('Artifact', { type }), for the two forms the writer opens for every piece of
// text it draws, without pdfkit's option copies and general dictionary serialisation.
import type { MarkedContent } from './pdfkit-api.js';

/** An open marked-content sequence on a page, as pdfkit records it. */
interface Marking {
  tag: string;
  options?: object;
  structContent?: MarkedContent;
}

/** The pdfkit internals used here (pdfkit 0.20). */
export interface MarkingDoc {
  page: { markings: Marking[]; structParentTreeKey: number; dictionary: unknown };
  getStructParentTree(): { get(key: number): unknown[] };
  addContent(data: string): unknown;
  endMarkedContent(): unknown;
  markStructureContent(tag: string): MarkedContent;
  markContent(tag: string, options?: object): unknown;
}

/** pdfkit's PDFStructureContent (not exported), taken from the first content pdfkit makes itself. */
type StructureContentClass = new (pageRef: unknown, mcid: number) => MarkedContent;
let StructureContent: StructureContentClass | undefined;

/** Ends the open markings pdfkit's markContent ends before an artifact or a numbered sequence: from the first artifact or structure content on. */
function endOpen(doc: MarkingDoc): void {
  let toClose = 0;
  for (const marking of doc.page.markings) if (toClose || marking.structContent || marking.tag === 'Artifact') toClose++;
  while (toClose--) doc.endMarkedContent();
}

/** As `doc.markStructureContent(tag)`: the next MCID of the page, the same operator and records. */
export function markStructureContent(doc: MarkingDoc, tag: string): MarkedContent {
  if (!StructureContent) {
    const content = doc.markStructureContent(tag);
    StructureContent = content.constructor as StructureContentClass;
    return content;
  }
  const parents = doc.getStructParentTree().get(doc.page.structParentTreeKey);
  const mcid = parents.length;
  parents.push(null);
  // pdfkit ends open markings only for an MCID that is not 0 (it tests the number's truth).
  if (mcid) endOpen(doc);
  const structContent = new StructureContent(doc.page.dictionary, mcid);
  doc.page.markings.push({ tag, options: { mcid }, structContent });
  doc.addContent(`/${tag} <<\n/MCID ${mcid}\n>> BDC`);
  return structContent;
}

/** As `doc.markContent('Artifact', { type })`. */
export function markArtifact(doc: MarkingDoc, type: string): void {
  endOpen(doc);
  doc.page.markings.push({ tag: 'Artifact', options: { type } });
  doc.addContent(`/Artifact <<\n/Type /${type}\n>> BDC`);
}

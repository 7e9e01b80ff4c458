// Makes the bytes of a DOCX written by the docx library depend on its content and the
// document's date only. docx 9.15.2 (pinned in package.json) writes four things that
// change from run to run: the clock as `dcterms:created` and `dcterms:modified` in
// docProps/core.xml, the clock (in local time) as every zip entry's modification time,
// a random id for the relationship of every external hyperlink, and bookmark ids from a
// counter shared by every document of the process. This module rewrites those four and
// nothing else; test/reproducible.test.ts compares it with the library.
import { unzipSync, zipSync } from 'fflate';

const RELS = 'word/_rels/document.xml.rels';
const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** The DOCX `zip` with its timestamps set to `date` and its hyperlink relationships numbered in order. */
export function reproducible(zip: Uint8Array, date: Date): Uint8Array {
  const files = unzipSync(zip);
  const text = (path: string) => new TextDecoder().decode(files[path]);
  const put = (path: string, xml: string) => void (files[path] = new TextEncoder().encode(xml));

  const stamp = date.toISOString();
  put('docProps/core.xml', text('docProps/core.xml').replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`));

  if (files[RELS]) {
    let rels = text(RELS);
    let document = text('word/document.xml');
    let n = 0;
    for (const [element] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]+)"/.exec(element)?.[1];
      if (id === undefined || !element.includes(`Type="${HYPERLINK}"`)) continue;
      const stable = `rIdLink${++n}`;
      rels = rels.replace(`Id="${id}"`, `Id="${stable}"`);
      document = document.split(`r:id="${id}"`).join(`r:id="${stable}"`);
    }
    put(RELS, rels);
    put('word/document.xml', document);
  }

  // Bookmark ids come from one counter of the library, shared by every document made in the
  // process: number them in the order they appear (a start and its end share an id).
  const body = text('word/document.xml');
  const ids = new Map<string, number>();
  put(
    'word/document.xml',
    body.replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g, (_m, a: string, id: string, b: string) => {
      if (!ids.has(id)) ids.set(id, ids.size + 1);
      return `${a}${ids.get(id)}${b}`;
    }),
  );

  // fflate writes the DOS time of an entry from the local-time fields of `mtime`: a local
  // date with the UTC fields of the document's date gives the same bytes in every time zone.
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2099);
  const mtime = new Date(year, date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  return zipSync(files, { mtime, level: 6 });
}

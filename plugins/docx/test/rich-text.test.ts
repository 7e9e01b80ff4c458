// Rich text, lists, facts and badges of a small hand-made document: emphasis and strong
// as run properties, links as hyperlinks to their address, lists as Word lists (bullets
// or decimal numbers, nested lists one level deeper, every list numbered from 1).
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentModel } from '@kommunrapport/core';
import { renderDocx } from '../src/index.js';
import { docxFiles, docxText, paragraphs } from './helpers.js';

const doc: DocumentModel = {
  title: 'Rapport',
  language: 'sv',
  description: 'Rapport.',
  owner: 'Kommunstyrelsen, Provkommun',
  cover: [{ term: 'Kommun', value: 'Solberga', content: [{ type: 'text', value: 'Solberga' }] }],
  sections: [
    {
      id: 's',
      level: 2,
      title: 'Avsnitt',
      number: '1',
      heading: [{ type: 'text', value: 'Avsnitt' }],
      role: 'text',
      blocks: [
        {
          kind: 'richText',
          blocks: [
            { type: 'paragraph', children: [{ type: 'text', value: 'Se ' }, { type: 'link', url: 'https://example.org/a?b=1&c=2', children: [{ type: 'text', value: 'sidan' }] }, { type: 'text', value: ' och ' }, { type: 'emphasis', children: [{ type: 'strong', children: [{ type: 'text', value: 'detta' }] }] }] },
            { type: 'list', ordered: true, items: [[{ type: 'paragraph', children: [{ type: 'text', value: 'ett' }] }, { type: 'list', ordered: false, items: [[{ type: 'paragraph', children: [{ type: 'text', value: 'inre' }] }]] }], [{ type: 'paragraph', children: [{ type: 'text', value: 'två' }] }]] },
            { type: 'paragraph', children: [{ type: 'link', url: 'mailto:info@example.org', children: [{ type: 'text', value: 'skriv' }] }] },
            { type: 'list', ordered: true, items: [[{ type: 'paragraph', children: [{ type: 'text', value: 'igen' }] }]] },
          ],
        },
        { kind: 'list', items: [[{ type: 'text', value: 'punkt' }]] },
        { kind: 'badges', items: [{ term: 'Bedömning', badge: { scale: 'assessment', key: 'partly', label: 'Delvis', textAlternative: 'delvis uppnått', symbol: '◐' } }] },
        { kind: 'facts', items: [{ term: 'Ansvariga', value: 'KS, SBN', content: [{ type: 'abbreviation', text: 'KS', abbreviation: 'KS', expansion: 'Kommunstyrelsen', first: true }, { type: 'text', value: ', SBN' }] }] },
      ],
    },
  ],
};

describe('rich text in the DOCX', () => {
  let files: Record<string, string>;
  let bytes: Uint8Array;
  beforeAll(async () => {
    files = docxFiles(bytes = await renderDocx(doc, { locale: 'sv-SE', date: new Date('2024-09-18T00:00:00Z'), options: { fontSize: 11 } }));
  });
  const para = (text: string) => paragraphs(files['word/document.xml']!).find((p) => p.text === text)!;
  /** The numbering definition (abstract number's format) and list instance (numId) of a list paragraph. */
  const list = (text: string) => {
    const xml = para(text).xml;
    const numId = /<w:numId w:val="(\d+)"\/>/.exec(xml)?.[1];
    const level = Number(/<w:ilvl w:val="(\d+)"\/>/.exec(xml)?.[1]);
    const abstract = new RegExp(`<w:num w:numId="${numId}"[^>]*><w:abstractNumId w:val="(\\d+)"/>`).exec(files['word/numbering.xml']!)?.[1];
    const definition = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstract}"[^>]*>([\\s\\S]*?)</w:abstractNum>`).exec(files['word/numbering.xml']!)?.[1] ?? '';
    const format = new RegExp(`<w:lvl w:ilvl="${level}"[^>]*>[\\s\\S]*?<w:numFmt w:val="([a-zA-Z]+)"/>`).exec(definition)?.[1];
    return { numId, level, format };
  };

  it('writes links as hyperlinks whose relationship targets the address, numbered in order', () => {
    const xml = para('Se sidan och detta').xml;
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="rIdLink1"[^>]*><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">sidan<\/w:t><\/w:r><\/w:hyperlink>/);
    const rels = files['word/_rels/document.xml.rels']!;
    expect(rels).toMatch(/<Relationship Id="rIdLink1" Type="[^"]+\/hyperlink" Target="https:\/\/example.org\/a\?b=1&amp;c=2" TargetMode="External"\/>/);
    expect(rels).toMatch(/<Relationship Id="rIdLink2" Type="[^"]+\/hyperlink" Target="mailto:info@example.org" TargetMode="External"\/>/);
  });

  it('writes emphasis and strong as italic and bold runs', () => {
    expect(para('Se sidan och detta').xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">detta<\/w:t><\/w:r>/);
  });

  it('writes lists as Word lists: decimal or bullet, nested one level deeper, each list numbered on its own', () => {
    expect(list('ett')).toMatchObject({ level: 0, format: 'decimal' });
    expect(list('två')).toEqual(list('ett'));
    expect(list('inre')).toMatchObject({ level: 1, format: 'bullet' });
    expect(list('igen')).toMatchObject({ level: 0, format: 'decimal' });
    expect(list('igen').numId).not.toBe(list('ett').numId);
    expect(list('punkt')).toMatchObject({ level: 0, format: 'bullet' });
    // A second list of the same definition starts again at 1 instead of going on from the first.
    expect(files['word/numbering.xml']).toMatch(new RegExp(`<w:num w:numId="${list('igen').numId}"><w:abstractNumId w:val="\\d+"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`));
  });

  it('writes badges with their symbol and label, and facts, as "term: value"', () => {
    expect(para('Bedömning: ◐ Delvis')).toBeDefined();
    expect(para('Ansvariga: Kommunstyrelsen (KS), SBN')).toBeDefined();
    expect(para('Kommun: Solberga')).toBeDefined();
  });

  it('reads back as text, one line per paragraph, by docxText', () => {
    expect(docxText(bytes)).toBe(['Rapport', 'Kommun: Solberga', 'Avsnitt', 'Se sidan och detta', 'ett', 'inre', 'två', 'skriv', 'igen', 'punkt', 'Bedömning: ◐ Delvis', 'Ansvariga: Kommunstyrelsen (KS), SBN', ''].join('\n'));
  });
});

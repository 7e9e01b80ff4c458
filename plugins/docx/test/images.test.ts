// Images of the author's text in Word: an inline picture with its alt text (title and
// description), its caption in the Caption style; decoration marked as Word does it.
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { renderWith } from '@kommunrapport/core/testing';
import plugin from '../src/index.js';
import { ROOT } from './helpers.js';

const FOLDER = `${ROOT}/packages/core/test/fixtures/images/`;

describe('images in DOCX', async () => {
  const rendered = await renderWith(plugin, { file: `${FOLDER}rapport.yaml` });
  const docx = rendered.files.find((f) => f.path.endsWith('.docx'))!;
  const zip = unzipSync(docx.contents);
  const xml = strFromU8(zip['word/document.xml']!);

  it('embeds both files as they are, each a picture with a unique id', () => {
    expect(rendered.messages).toBe('');
    const media = Object.entries(zip).filter(([name]) => name.startsWith('word/media/'));
    expect(media.map(([, bytes]) => Buffer.from(bytes).toString('base64')).sort()).toEqual([readFileSync(`${FOLDER}bilder/karta.png`), readFileSync(`${FOLDER}linje.jpg`)].map((b) => b.toString('base64')).sort());
    const ids = [...xml.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['2', '3']);
  });

  it('gives the picture its alt text and the caption below it; the decorative one is marked decorative', () => {
    expect(xml).toMatch(/<wp:docPr id="2" name="image-1" descr="Karta över industriområdet Kjula, där tre nya företag etablerat sig" title="Karta över industriområdet Kjula, där tre nya företag etablerat sig"/);
    expect(xml).toMatch(/<w:pStyle w:val="Caption"\/><\/w:pPr><w:r><w:t xml:space="preserve">Kjula logistikområde 2022<\/w:t>/);
    const decorative = xml.slice(xml.indexOf('<wp:docPr id="3"'), xml.indexOf('</wp:docPr>', xml.indexOf('<wp:docPr id="3"')));
    expect(decorative).toMatch(/decorative/);
  });

  it('is the same bytes every build', async () => {
    const again = await renderWith(plugin, { file: `${FOLDER}rapport.yaml` });
    expect(Buffer.from(again.files.find((f) => f.path.endsWith('.docx'))!.contents).equals(Buffer.from(docx.contents))).toBe(true);
  });
});

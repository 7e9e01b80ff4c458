// Images of the report's text: read once from the report's folder, judged by their first
// bytes, refused with a diagnostic naming file, line and path; the document carries them.
import { copyFileSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadReport, type Report } from '@kommunrapport/model';
import { buildDocument, buildReport, createFormatter, createVocabulary, definePlugin, findImages, loadImages, sniffImage, type DocBlock, type DocSection, type ImageUse } from '../src/index.js';
import { fixtures, tempDir } from './helpers.js';

const folder = join(fixtures, 'images');
const file = join(folder, 'rapport.yaml');
const PATH = 'sections[1].areas[0].goals[0].body';

/** A copy of the fixture folder whose report text is changed, for a refusal. */
function variant(change: (text: string) => string, setup: (dir: string) => void = () => {}): { dir: string; file: string; text: string } {
  const dir = join(tempDir('kr-images-'), 'rapport');
  cpSync(folder, dir, { recursive: true });
  const text = change(readFileSync(file, 'utf8'));
  writeFileSync(join(dir, 'rapport.yaml'), text);
  setup(dir);
  return { dir, file: join(dir, 'rapport.yaml'), text };
}
const load = (f: string, text = readFileSync(f, 'utf8'), limits: { maxBytes?: number; maxPixels?: number } = {}) => {
  const loaded = loadReport(text, f);
  if (!loaded.report) throw new Error(JSON.stringify(loaded.diagnostics));
  return { report: loaded.report, ...loadImages(loaded.report, f, { display: 'rapport.yaml', text, ...(loaded.locate ? { locate: loaded.locate } : {}), ...limits }) };
};
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const imagesOf = (sections: readonly DocSection[]): Extract<DocBlock, { kind: 'image' }>['image'][] =>
  sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'image' ? [b.image] : b.kind === 'section' ? imagesOf([b.section]) : [])));

describe('images of the report text', () => {
  it('reads each image from the report folder, judged PNG or JPEG with its size in pixels', () => {
    const { images, diagnostics } = load(file);
    expect(diagnostics).toEqual([]);
    expect([...images.values()].map((i) => [i.src, i.mediaType, i.width, i.height])).toEqual([
      ['bilder/karta.png', 'image/png', 120, 60],
      ['linje.jpg', 'image/jpeg', 200, 4],
    ]);
    expect(images.get('bilder/karta.png')!.bytes).toEqual(new Uint8Array(readFileSync(join(folder, 'bilder/karta.png'))));
  });

  it('the document holds each image where it stands: bytes, alt text, caption, what text says, decoration marked', () => {
    const { report, images } = load(file);
    const doc = buildDocument(report, createVocabulary(report), createFormatter(report.language, report.governance), images);
    const [karta, linje] = imagesOf(doc.sections);
    expect(karta).toMatchObject({ id: 'image-1', src: 'bilder/karta.png', alt: 'Karta över industriområdet Kjula, där tre nya företag etablerat sig', decorative: false, caption: 'Kjula logistikområde 2022', mediaType: 'image/png', width: 120, height: 60 });
    expect(karta!.spoken).toBe('Bild: Karta över industriområdet Kjula, där tre nya företag etablerat sig. Kjula logistikområde 2022');
    expect(linje).toMatchObject({ id: 'image-2', alt: '', decorative: true, spoken: '', mediaType: 'image/jpeg' });
    // The text around the images stays in its order: paragraph, image, image, paragraph.
    const every = (s: DocSection): DocSection[] => [s, ...s.blocks.flatMap((b) => (b.kind === 'section' ? every(b.section) : []))];
    const goal = doc.sections.flatMap(every).find((s) => s.blocks.some((b) => b.kind === 'image'))!;
    expect(goal.blocks.map((b) => b.kind).filter((k) => ['richText', 'image'].includes(k))).toEqual(['richText', 'image', 'image', 'richText']);
    // Without the files (code outside a build), each image stands as its text alternative; decoration says nothing.
    const bare = buildDocument(report, createVocabulary(report), createFormatter(report.language, report.governance));
    expect(imagesOf(bare.sections)).toEqual([]);
    expect(JSON.stringify(bare.sections)).toContain('Bild: Karta över industriområdet Kjula, där tre nya företag etablerat sig. Kjula logistikområde 2022');
  });

  it('judges a file by its first bytes, not its name', () => {
    expect(sniffImage(new Uint8Array(readFileSync(join(folder, 'linje.jpg'))))).toEqual({ mediaType: 'image/jpeg', width: 200, height: 4 });
    expect(sniffImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ found: 'an SVG file' });
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toEqual({ found: 'a PNG file with a damaged header' });
    const png = new Uint8Array(readFileSync(join(folder, 'bilder/karta.png')));
    expect(sniffImage(png)).toEqual({ mediaType: 'image/png', width: 120, height: 60 });
    // Every cut through the chunks is found, however short, and the whole file is not.
    for (let end = 33; end < png.length; end++) expect(sniffImage(png.subarray(0, end))).toEqual({ found: 'a PNG file cut short (it ends before its last chunk)' });
    // A PNG named .jpg is read as the PNG it is.
    const v = variant((t) => t.replace('](linje.jpg)', '](bild.jpg)'), (dir) => copyFileSync(join(dir, 'bilder/karta.png'), join(dir, 'bild.jpg')));
    expect(load(v.file).images.get('bild.jpg')?.mediaType).toBe('image/png');
  });

  const refusals: [string, (t: string) => string, (dir: string) => void, string, RegExp, object?][] = [
    ['a missing file', (t) => t.replace('](linje.jpg)', '](saknas.jpg)'), () => {}, 'image-unreadable', /no such file/],
    ['a GIF', (t) => t.replace('](linje.jpg)', '](animering.gif)'), () => {}, 'image-format', /a GIF file, not PNG or JPEG/],
    ['a text file named .png', (t) => t.replace('](linje.jpg)', '](text.png)'), (dir) => writeFileSync(join(dir, 'text.png'), 'inte en bild'), 'image-format', /a file of an unknown kind/],
    ['a folder', (t) => t.replace('](linje.jpg)', '](bilder)'), () => {}, 'image-unreadable', /is a folder/],
    ['a link out of the folder', (t) => t.replace('](linje.jpg)', '](ute.jpg)'), (dir) => symlinkSync(join(folder, 'linje.jpg'), join(dir, 'ute.jpg')), 'image-unreadable', /leads out of the report's folder/],
    ['a PNG cut short (a copy that stopped)', (t) => t, (dir) => writeFileSync(join(dir, 'bilder/karta.png'), readFileSync(join(folder, 'bilder/karta.png')).subarray(0, 100)), 'image-format', /is a PNG file cut short \(it ends before its last chunk\); no format can show it\./],
    ['a PNG without its last chunk', (t) => t, (dir) => writeFileSync(join(dir, 'bilder/karta.png'), readFileSync(join(folder, 'bilder/karta.png')).subarray(0, -12)), 'image-format', /a PNG file cut short/],
    ['too many bytes', (t) => t.replace('![](linje.jpg){decorative}', ''), () => {}, 'image-too-large', /is \d+ bytes, more than the 300 bytes/, { maxBytes: 300 }],
    ['too many pixels', (t) => t.replace('![](linje.jpg){decorative}', ''), () => {}, 'image-too-large', /120 × 60 pixels, more than the 100 pixels/, { maxPixels: 100 }],
  ];
  for (const [name, change, setup, code, message, limits] of refusals) {
    it(`refuses ${name} with ${code}, naming file, line, path and a fix`, () => {
      const v = variant(change, setup);
      const { diagnostics, images } = load(v.file, v.text, limits as object);
      expect(diagnostics.map((d) => [d.code, d.file, d.path]), JSON.stringify(diagnostics)).toEqual([[code, 'rapport.yaml', PATH]]);
      const d = diagnostics[0]!;
      expect(d.message).toMatch(message);
      expect(d.line).toBe(lineOf(v.text, `](${d.found!.split(':')[0]}`));
      expect(d.hint).toBeTruthy();
      // The other image is still read; the refused one is left out.
      expect(images.size).toBe(limits ? 0 : 1);
    });
  }

  it('a build refuses a report whose image cannot be read and writes nothing; a good one reaches the plugins', async () => {
    const seen: string[] = [];
    const spy = definePlugin({ name: 'spy', formats: ['spy'], options: { decode: (u: unknown) => ({ _tag: 'Right', right: u }) } as never, render: (_r, ctx) => {
      seen.push(...imagesOf(ctx.document.sections).map((i) => `${i.id} ${i.mediaType} ${i.bytes.length}`));
      return [{ path: 'spy.txt', contents: 'ok', mediaType: 'text/plain' }];
    } });
    const bad = variant((t) => t.replace('](linje.jpg)', '](saknas.jpg)'));
    const out = tempDir();
    const failed = await buildReport({ file: bad.file, plugins: [spy], outDir: out });
    expect(failed.ok).toBe(false);
    expect(failed.diagnostics.map((d) => d.code)).toEqual(['image-unreadable']);
    expect(failed.problems.map((p) => p.code)).toEqual(['report-invalid']);
    expect(seen).toEqual([]);
    const good = await buildReport({ file, plugins: [spy], outDir: out });
    expect(good.problems).toEqual([]);
    expect(seen).toEqual([`image-1 image/png ${readFileSync(join(folder, 'bilder/karta.png')).length}`, `image-2 image/jpeg ${readFileSync(join(folder, 'linje.jpg')).length}`]);
  });
});

describe('findImages', () => {
  /** The walk as first written: a new path for every value of the report. */
  function findImagesCopying(report: unknown): ImageUse[] {
    const out: ImageUse[] = [];
    const isImage = (n: any) => typeof n === 'object' && n !== null && n.type === 'image' && typeof n.src === 'string' && typeof n.alt === 'string';
    const visit = (value: unknown, path: (string | number)[]): void => {
      if (Array.isArray(value)) value.forEach((item, i) => (isImage(item) ? out.push({ image: item, path }) : visit(item, [...path, i])));
      else if (typeof value === 'object' && value !== null) for (const [key, v] of Object.entries(value)) visit(v, [...path, key]);
    };
    visit(report, []);
    return out;
  }
  const image = fc.record({ type: fc.constant('image'), src: fc.constantFrom('a.png', 'b.jpg'), alt: fc.string({ maxLength: 3 }) });
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), image, tie('list'), tie('map')),
    list: fc.array(tie('node'), { maxLength: 4 }),
    map: fc.dictionary(fc.constantFrom('body', 'sections', 'text', 'type', 'x', '0'), tie('node'), { maxKeys: 4 }),
  })).map;

  it('finds the images, each with the path of its text, as walking with a new path for every value did', () => {
    fc.assert(fc.property(tree, (value) => {
      expect(findImages(value as unknown as Report)).toEqual(findImagesCopying(value));
    }), { numRuns: 2000 });
    const norrvik = loadReport(readFileSync(new URL('../../../examples/norrvik-bun-2024-malmodell/rapport.yaml', import.meta.url), 'utf8')).report!;
    expect(findImages(norrvik).length).toBeGreaterThan(0);
    expect(findImages(norrvik)).toEqual(findImagesCopying(norrvik));
  });
});

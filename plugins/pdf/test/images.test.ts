// Images of the author's text in the PDF: a tagged Figure with the alt text as /Alt and a
// BBox, the image drawn inside it; a decorative image is drawn as an artifact, outside the tree.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderWith } from '@kommunrapport/core/testing';
import plugin from '../src/index.js';
import { ROOT } from './render.js';
import { QpdfFile, flatten } from './qpdf-json.js';
import { requireTools, run } from './tools.js';

describe('images in PDF', async () => {
  requireTools(['qpdf', 'pdftotext']);
  const rendered = await renderWith(plugin, { file: join(ROOT, 'packages/core/test/fixtures/images/rapport.yaml') });
  const pdf = rendered.files.find((f) => f.path.endsWith('.pdf'))!;
  const file = join(mkdtempSync(join(tmpdir(), 'kr-pdf-images-')), 'rapport.pdf');
  writeFileSync(file, pdf.contents);
  const q = new QpdfFile(file);
  const all = flatten(q.structTree());

  it('tags the image as a Figure with its alt text and where it stands; the decorative one is no Figure', () => {
    expect(rendered.messages).toBe('');
    const figures = all.filter((n) => n.type === 'Figure');
    expect(figures.map((f) => String(f.dict['/Alt']).replace(/^u:|^b:/, ''))).toEqual(['Karta över industriområdet Kjula, där tre nya företag etablerat sig']);
    const attributes = q.dict(figures[0]!.dict['/A']);
    expect(attributes['/BBox']).toHaveLength(4);
    expect(figures[0]!.mcids.length).toBeGreaterThan(0);
  });

  it('embeds both images, and shows the caption as text', () => {
    const images = Object.values(q.objects).filter((o) => o.stream?.dict['/Subtype'] === '/Image');
    const sizes = images.map((o) => `${o.stream!.dict['/Width']}×${o.stream!.dict['/Height']}`).sort();
    expect(sizes).toEqual(['120×60', '200×4']);
    expect(run('pdftotext', [file, '-']).replace(/\s+/g, ' ')).toContain('Arbetet pågår. Kjula logistikområde 2022 Mer text efter bilderna.');
  });

  it('is the same bytes every build', async () => {
    const again = await renderWith(plugin, { file: join(ROOT, 'packages/core/test/fixtures/images/rapport.yaml') });
    expect(Buffer.from(again.files.find((f) => f.path.endsWith('.pdf'))!.contents).equals(Buffer.from(pdf.contents))).toBe(true);
  });
});

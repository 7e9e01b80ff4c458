// Images of the author's text in open data: the report's JSON keeps each image block as the
// report wrote it (file name, alt text, caption, decorative), valid against the published
// schema; the image files themselves are not part of the data package.
import { describe, expect, it } from 'vitest';
import { renderWith } from '@kommunrapport/core/testing';
import plugin from '../src/index.js';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('images in open data', async () => {
  const rendered = await renderWith(plugin, { file: `${root}packages/core/test/fixtures/images/rapport.yaml`, options: { baseUrl: 'https://data.example.se/0999/rapport/' } });

  it('keeps the image blocks in the report JSON and lists no image file', () => {
    // (The fixture has no contact e-mail, which open data warns about.)
    expect(rendered.ok, rendered.messages).toBe(true);
    const json = rendered.files.find((f) => f.path.endsWith('.json') && /"type": ?"image"/.test(rendered.text(f.path)));
    expect(json, rendered.files.map((f) => f.path).join(', ')).toBeDefined();
    const text = rendered.text(json!.path);
    const report = JSON.parse(text);
    const body = report.sections[1].areas[0].goals[0].body;
    expect(body.filter((b: { type: string }) => b.type === 'image')).toEqual([
      { type: 'image', src: 'bilder/karta.png', alt: 'Karta över industriområdet Kjula, där tre nya företag etablerat sig', caption: 'Kjula logistikområde 2022' },
      { type: 'image', src: 'linje.jpg', alt: '', decorative: true },
    ]);
    expect(rendered.files.filter((f) => /\.(png|jpe?g)$/i.test(f.path))).toEqual([]);
  });
});

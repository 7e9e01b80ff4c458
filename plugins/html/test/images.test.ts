// Images of the author's text in HTML: a figure with the image embedded as a data URL (the
// page stays one file), its alt text, its size and caption; decoration has alt="".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderWith } from '@kommunrapport/core/testing';
import plugin from '../src/index.js';
import { root } from './render.js';

const FOLDER = `${root}packages/core/test/fixtures/images/`;
const base64 = (file: string) => readFileSync(`${FOLDER}${file}`).toString('base64');

describe('images in HTML', async () => {
  const first = await renderWith(plugin, { file: `${FOLDER}rapport.yaml` });
  const html = first.text('index.html');

  it('embeds the image in a figure with its alt text, size in pixels and caption', () => {
    expect(first.messages).toBe('');
    expect(html).toContain(
      `<figure class="image" id="image-1"><img src="data:image/png;base64,${base64('bilder/karta.png')}" alt="Karta över industriområdet Kjula, där tre nya företag etablerat sig" width="120" height="60"><figcaption>Kjula logistikområde 2022</figcaption></figure>`,
    );
  });

  it('marks a decorative image as decoration: empty alt, no figure', () => {
    expect(html).toContain(`<div class="image"><img src="data:image/jpeg;base64,${base64('linje.jpg')}" alt="" width="200" height="4" role="presentation"></div>`);
  });

  it('writes the page alone, the same bytes every build', async () => {
    expect(first.files.map((f) => f.path)).toEqual(['index.html']);
    expect((await renderWith(plugin, { file: `${FOLDER}rapport.yaml` })).text('index.html')).toBe(html);
  });
});

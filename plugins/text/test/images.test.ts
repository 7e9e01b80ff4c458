// Images of the author's text in plain text and Markdown: the text alternative, marked as an
// image ("Bild: …"), with its caption; a decorative image says nothing.
import { describe, expect, it } from 'vitest';
import { renderWith } from '@kommunrapport/core/testing';
import plugin from '../src/index.js';
import { ROOT } from './helpers.js';

describe('images in text', async () => {
  const rendered = await renderWith(plugin, { file: `${ROOT}/packages/core/test/fixtures/images/rapport.yaml` });

  it('says the alt text marked as an image, in reading order, and leaves decoration out', () => {
    expect(rendered.messages).toBe('');
    for (const path of rendered.files.map((f) => f.path)) {
      const text = rendered.text(path).replace(/\s+/g, ' ');
      expect(text, path).toContain('Arbetet pågår. Bild: Karta över industriområdet Kjula, där tre nya företag etablerat sig. Kjula logistikområde 2022 Mer text efter bilderna.');
      expect(text, path).not.toContain('linje');
    }
  });
});

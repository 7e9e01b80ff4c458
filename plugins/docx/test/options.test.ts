// The options codec: defaults, the font and size reaching Word's default run properties,
// and bad or unknown options reported with the plugin named.
import { describe, expect, it } from 'vitest';
import { decodeOptions } from '@kommunrapport/core';
import plugin, { DocxOptions } from '../src/index.js';
import { EXAMPLES, docxFiles, load, renderReport } from './helpers.js';

const defaults = (bytes: Uint8Array) => /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(docxFiles(bytes)['word/styles.xml']!)![0];

describe('docx options', () => {
  it('fill in defaults: 11 pt and no font (Word uses its theme font)', () => {
    expect(DocxOptions.decode(undefined)).toEqual({ _tag: 'Right', right: { fontSize: 11 } });
    expect(DocxOptions.decode({ font: 'Arial', fontSize: 14.5 })).toEqual({ _tag: 'Right', right: { font: 'Arial', fontSize: 14.5 } });
  });

  it('set the font and size of all text', async () => {
    const report = load(EXAMPLES[1]![1]);
    expect(defaults(await renderReport(report))).toMatch(/<w:sz w:val="22"\/>/);
    expect(defaults(await renderReport(report))).not.toContain('<w:rFonts');
    const large = defaults(await renderReport(report, { font: 'Arial', fontSize: 14 }));
    expect(large).toMatch(/<w:rFonts w:ascii="Arial" w:cs="Arial" w:eastAsia="Arial" w:hAnsi="Arial"\/>/);
    expect(large).toMatch(/<w:sz w:val="28"\/>/);
  });

  it('scale the title, headings and captions with the body size, so headings stay larger in large print', async () => {
    const report = load(EXAMPLES[1]![1]);
    const sizes = async (fontSize: number) => {
      const styles = docxFiles(await renderReport(report, { fontSize }))['word/styles.xml']!;
      return Object.fromEntries(['Title', 'Heading1', 'Heading2', 'Heading3', 'Caption'].map((id) => [id, Number(new RegExp(`w:styleId="${id}">[\\s\\S]*?<w:sz w:val="(\\d+)"/>`).exec(styles)?.[1])]));
    };
    // At 11 pt the library's own sizes (in half-points); at 16 pt each in proportion.
    expect(await sizes(11)).toEqual({ Title: 56, Heading1: 32, Heading2: 26, Heading3: 24, Caption: 22 });
    expect(await sizes(16)).toEqual({ Title: 81, Heading1: 47, Heading2: 38, Heading3: 35, Caption: 32 });
  });

  it('reject bad and unknown options with the plugin and path named', () => {
    const bad = decodeOptions(plugin, { fontSize: 7, font: '', colour: 'red' });
    expect(bad.value).toBeUndefined();
    expect(bad.diagnostics.map((d) => [d.plugin, d.path]).sort()).toEqual([['docx', 'options.docx.colour'], ['docx', 'options.docx.font'], ['docx', 'options.docx.fontSize']]);
    expect(decodeOptions(plugin, { fontSize: 11.3 }).value).toBeUndefined();
  });
});

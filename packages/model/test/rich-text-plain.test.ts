// Plain text in rich-text fields skips the Markdown parser: the blocks must be exactly what
// the parser gives. Appending a thematic break after a blank line ("\n\n***") forces the
// parser and changes nothing else (the break is dropped), so each text is compared with itself.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/rich-text.js';

const viaParser = (s: string) => parseMarkdown(`${s}\n\n***`);

/** Every string value of a YAML file. */
function strings(file: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(parse(readFileSync(fileURLToPath(new URL(`../../../examples/${file}`, import.meta.url)), 'utf8')));
  return out;
}

describe('model: plain text without the Markdown parser', () => {
  it('every text of both examples gives the same blocks as through the parser', () => {
    const texts = [...strings('eskilstuna-ks-2022-delar2/rapport.yaml'), ...strings('solberga-son-2024-delar/rapport.yaml')];
    expect(texts.length).toBeGreaterThan(300);
    for (const s of texts) expect(parseMarkdown(s), s).toEqual(viaParser(s));
  });

  it('texts near Markdown (bullet items, list markers, numbers, headings, indents, blank lines, no-break spaces) give the same blocks', () => {
    const pieces = ['a', 'Ord', 'å', ' ', '  ', '    ', '\t', '\n', '\n\n', '\r\n', '1.', '2)', '10.', '-', '+', '#', '=', '--', '==', ':', ',', '.', ')', '(', '%', '\u00a0', '\u2013', '"', "'", '/', '?', '&', '&amp;', '&#', ';', 'x', '- ', '\n- ', '\n\n- ', '- - ', '* '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const s = parts.join('');
        expect(parseMarkdown(s)).toEqual(viaParser(s));
      }),
      { numRuns: 8000 },
    );
  });

  it('paragraphs split at blank lines, white space folded; Markdown still parsed', () => {
    expect(parseMarkdown('Första raden\nfortsätter här.\n\n  Andra  stycket ')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'Första raden fortsätter här.' }] },
      { type: 'paragraph', children: [{ type: 'text', value: 'Andra stycket' }] },
    ]);
    expect(parseMarkdown('Inledning\n- ett\nfortsätter\n\n- två\n\nSlut')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'Inledning' }] },
      { type: 'list', ordered: false, items: [[{ type: 'paragraph', children: [{ type: 'text', value: 'ett fortsätter' }] }], [{ type: 'paragraph', children: [{ type: 'text', value: 'två' }] }]] },
      { type: 'paragraph', children: [{ type: 'text', value: 'Slut' }] },
    ]);
    expect(parseMarkdown('1. ett\n2. två')[0]).toMatchObject({ type: 'list', ordered: true });
    expect(parseMarkdown('Ett *viktigt* ord')[0]).toMatchObject({ children: [{ value: 'Ett ' }, { type: 'emphasis' }, { value: ' ord' }] });
  });
});

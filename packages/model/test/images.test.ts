// Images in rich text: an image block with its text alternative, checked where it stands
// (alt text, a file in the report's folder, a paragraph of its own), errors with line and path.
import { describe, expect, it } from 'vitest';
import { loadReport, RichText, plainText, imageSourceProblem } from '../src/index.js';
import { minimalText } from './helpers.js';

const isRight = <A>(e: { _tag: string; right?: A }): e is { _tag: 'Right'; right: A } => e._tag === 'Right';
const withBody = (body: string) => minimalText.replace('            body: Arbetet pågår.\n', `            body: |-\n${body.split('\n').map((l) => (l === '' ? '' : `              ${l}`)).join('\n')}\n`);
const PATH = 'sections[1].areas[0].goals[0].body';
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('images in rich text', () => {
  it('an image as a paragraph of its own becomes an image block with alt text and caption; decorative ones have no alt', () => {
    const decoded = RichText.decode('Före.\n\n![Karta över Eskilstuna](bilder/karta.png "Figur 1. Området")\n\n![](linje.png){decorative}\n\nEfter.');
    expect(isRight(decoded) && decoded.right).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'Före.' }] },
      { type: 'image', src: 'bilder/karta.png', alt: 'Karta över Eskilstuna', caption: 'Figur 1. Området' },
      { type: 'image', src: 'linje.png', alt: '', decorative: true },
      { type: 'paragraph', children: [{ type: 'text', value: 'Efter.' }] },
    ]);
    if (!isRight(decoded)) return;
    expect(plainText(decoded.right)).toBe('Före.\n\nKarta över Eskilstuna Figur 1. Området\n\nEfter.');
    // The block tree (as open data writes it) decodes to itself; a tree image without alt does not.
    expect(RichText.decode(decoded.right)).toEqual(decoded);
    expect(RichText.is([{ type: 'image', src: 'a.png', alt: '' }])).toBe(false);
    expect(RichText.is([{ type: 'image', src: 'https://x.se/a.png', alt: 'A' }])).toBe(false);
  });

  it('a report with an image next to a table loads', () => {
    const { diagnostics, report } = loadReport(withBody('Text.\n\n![Karta](karta.png)\n\n| År | Antal |\n|---|---:|\n| 2022 | 1 |\n\n![Diagram](d.jpg)'), 'r.yaml');
    expect(diagnostics).toEqual([]);
    expect(report).toBeDefined();
  });

  it('an image without alt text is an error with its line, path, what was found and the decorative syntax in the hint', () => {
    const text = withBody('Text.\n\n![](karta.png)');
    const { diagnostics, report } = loadReport(text, 'r.yaml');
    expect(report).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line, d.path, d.found])).toEqual([['image-alt-missing', lineOf(text, '![](karta.png)'), PATH, '"![](karta.png)"']]);
    expect(diagnostics[0]!.hint).toMatch(/\{decorative\}/);
    // Decorative with words is refused as well: either it says something or it is decoration.
    expect(loadReport(withBody('![Karta](karta.png){decorative}'), 'r.yaml').diagnostics.map((d) => d.code)).toEqual(['image-alt-missing']);
  });

  it('URLs, absolute paths and paths out of the folder are refused; the line counts past a table before it', () => {
    const cases: [string, RegExp][] = [
      ['https://example.se/karta.png', /URL/],
      ['/etc/karta.png', /absolute/],
      ['C:\\bilder\\karta.png', /absolute/],
      ['../karta.png', /outside/],
      ['bilder/../../karta.png', /outside/],
      ['data:image/png;base64,AAAA', /URL/],
    ];
    for (const [src, problem] of cases) {
      const text = withBody(`| År | Antal |\n|---|---:|\n| 2022 | 1 |\n\n![Karta](<${src}>)`);
      const { diagnostics } = loadReport(text, 'r.yaml');
      expect(diagnostics.map((d) => [d.code, d.line, d.path]), src).toEqual([['image-source', lineOf(text, '![Karta]'), PATH]]);
      expect(diagnostics[0]!.message, src).toMatch(problem);
    }
    expect(imageSourceProblem('bilder/./karta.png')).toBeUndefined();
    expect(imageSourceProblem('bilder\\karta.png')?.hint).toMatch(/bilder\/karta\.png/);
  });

  it('an image inside text, a list or a table cell is an error, never dropped', () => {
    for (const [body, needle] of [
      ['Text.\n\nSe kartan ![Karta](karta.png) här.', 'Se kartan'],
      ['- punkt\n- ![Karta](karta.png)', '- ![Karta]'],
      ['| Bild | Text |\n|---|---|\n| ![Karta](karta.png) | a |', '| ![Karta]'],
    ] as const) {
      const text = withBody(body);
      const { diagnostics } = loadReport(text, 'r.yaml');
      expect(diagnostics.map((d) => [d.code, d.line, d.path]), body).toEqual([['image-placement', lineOf(text, needle), PATH]]);
    }
    // A one-line text is on its key's line.
    const one = minimalText.replace('            body: Arbetet pågår.\n', '            body: "Se kartan ![Karta](karta.png)"\n');
    expect(loadReport(one, 'r.yaml').diagnostics.map((d) => [d.code, d.line])).toEqual([['image-placement', lineOf(one, 'Se kartan')]]);
  });

  it('an <img> in an HTML fragment is an error instead of vanishing', () => {
    const text = minimalText.replace('            body: Arbetet pågår.\n', '            body: { html: "<p>Se <img src=\\"karta.png\\"></p>" }\n');
    const { diagnostics } = loadReport(text, 'r.yaml');
    expect(diagnostics.map((d) => [d.code, d.path, d.line])).toEqual([['rich-text-unsupported', PATH, lineOf(text, '<img')]]);
    expect(diagnostics[0]!.hint).toMatch(/!\[/);
  });
});

// The options: their codec (defaults, strict keys, bad values) and what each one does to
// the output: markdown, wrap, minus and symbols.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeOptions } from '@kommunrapport/core';
import plugin, { TextOptions, defaultTextOptions } from '../src/index.js';
import { EXAMPLE, FIXTURE, headings, loadFile, loadText, PLAIN, render } from './helpers.js';

const example = loadFile(EXAMPLE);
const fixture = loadFile(FIXTURE);

describe('the options codec', () => {
  it('fills in the defaults when nothing is given', () => {
    for (const raw of [undefined, null, {}]) expect(TextOptions.decode(raw)).toEqual({ _tag: 'Right', right: { dialect: 'speech', markdown: false, symbols: false, minus: 'sign' } });
    expect(defaultTextOptions).toEqual({ dialect: 'speech', markdown: false, symbols: false, minus: 'sign' });
    expect(plugin.options).toBe(TextOptions);
  });

  it('keeps given options', () => {
    expect(TextOptions.decode({ dialect: 'plain', markdown: true, symbols: true, minus: 'word', wrap: 40 })).toEqual({
      _tag: 'Right',
      right: { dialect: 'plain', markdown: true, symbols: true, minus: 'word', wrap: 40 },
    });
  });

  it.each([
    [{ wrapp: 40 }, 'wrapp'],
    [{ wrap: 5 }, 'wrap'],
    [{ wrap: 40.5 }, 'wrap'],
    [{ minus: 'ord' }, 'minus'],
    [{ dialect: 'braille' }, 'dialect'],
    [{ markdown: 'yes' }, 'markdown'],
  ])('rejects %j at the key %s', (raw, key) => {
    const r = TextOptions.decode(raw);
    expect(r._tag).toBe('Left');
    if (r._tag === 'Left') expect(r.left.map((e) => e.context.map((c) => c.key).filter(Boolean).at(-1))).toContain(key);
  });
});

describe('bad options', () => {
  it('become located diagnostics naming the plugin, with a hint', () => {
    const r = decodeOptions(plugin, { wrapp: 40, minus: 'ord', wrap: 5 }, { file: 'kommunrapport.config.yaml' });
    expect(r.value).toBeUndefined();
    const found = r.diagnostics.map((d) => [d.code, d.path, d.plugin, d.hint]);
    expect(found).toContainEqual(['unknown-key', 'options.text.wrapp', 'text', 'Rename "wrapp" to "wrap".']);
    expect(found).toContainEqual(['invalid-value', 'options.text.minus', 'text', 'Did you mean "word"?']);
    expect(found).toContainEqual(['invalid-value', 'options.text.wrap', 'text', 'Write an integer of at least 10 (characters per line).']);
    expect(found).toHaveLength(3);
  });
});

describe('markdown', () => {
  it('writes rapport.md beside rapport.txt only when asked', async () => {
    expect((await render(fixture, PLAIN)).artifacts.map((a) => a.path)).toEqual(['rapport.txt']);
    const r = await render(fixture, { dialect: 'plain', markdown: true });
    expect(r.artifacts.map((a) => [a.path, a.mediaType])).toEqual([
      ['rapport.txt', 'text/plain; charset=utf-8'],
      ['rapport.md', 'text/markdown; charset=utf-8'],
    ]);
    expect(r.txt).toBe((await render(fixture, PLAIN)).txt);
  });

  it('has the same headings as the text, as ATX headings of the document level', async () => {
    const r = await render(example, { dialect: 'plain', markdown: true });
    const md = r.md!;
    const fromMd = md.split('\n').flatMap((l) => {
      const m = /^(#{1,6}) (.*)$/.exec(l);
      return m ? [`${m[1]!.length} ${m[2]}`] : [];
    });
    const fromTxt = headings(r.txt).map((h) => `${Math.min(h.depth + 1, 6)} ${h.number} ${h.title}`);
    expect(fromMd).toEqual([`1 ${r.doc.title}`, ...fromTxt]);
    expect(md.normalize('NFC')).toBe(md);
    expect(md).not.toContain('\r');
    expect(md).not.toContain('|');
  });

  it('marks emphasis, links, lists and labelled lines as Markdown', async () => {
    const md = (await render(fixture, { dialect: 'plain', markdown: true })).md!;
    expect(md).toContain('Verksamheten går *i stort sett* enligt plan.');
    expect(md).toContain('arbete är **klart**.');
    expect(md).toContain('[kommunens webbplats](https://www.exempelstad.se/delar)');
    expect(md).toContain('[info@exempelstad.se](mailto:info@exempelstad.se)');
    expect(md).toContain('\n1. Första steget är klart.\n2. Andra steget pågår:\n   - delsteg a\n   - delsteg b\n');
    expect(md).toContain('\n- Kommun: Exempelstad\n');
    expect(md).toContain('\n- **Resultat**: Utfall jan–aug −4\u00a0000\u00a0tusen kronor;');
  });

  it('escapes report text that would read as Markdown', async () => {
    const text = readFileSync(FIXTURE, 'utf8').replace('title: Delårsrapport 2 2022', 'title: "Delårsrapport *2* [2022]"');
    const md = (await render(loadText(text, 'escape.yaml'), { dialect: 'plain', markdown: true })).md!;
    expect(md.split('\n')[0]).toBe('# Delårsrapport \\*2\\* \\[2022\\]');
  });
});

describe('wrap', () => {
  it('wraps at the width, only at spaces, never inside a word', async () => {
    const plain = (await render(example, PLAIN)).txt;
    const wrapped = (await render(example, { dialect: 'plain', wrap: 40 })).txt;
    expect(wrapped).not.toBe(plain);
    expect(wrapped.split(/[ \n]+/)).toEqual(plain.split(/[ \n]+/));
    const titles = new Set(headings(plain).map((h) => `${h.number} ${h.title}`));
    for (const line of wrapped.split('\n')) {
      if (titles.has(line)) continue;
      if ([...line].length > 40) expect(line, 'a longer line is one word').not.toContain(' ');
    }
  });

  it('keeps headings on one line and paragraphs unwrapped by default', async () => {
    const plain = (await render(fixture, PLAIN)).txt;
    expect(plain).toContain(
      '\nVerksamheten går i stort sett enligt plan. SBN och KS har samarbetat om detaljplaner; SBN:s arbete är klart. Prognosen är −5,8 mnkr, en förbättring med 0,2 mnkr.\n',
    );
    const wrapped = (await render(fixture, { dialect: 'plain', wrap: 20 })).txt;
    expect(wrapped).toContain('\n5.1.1.1 Företagsklimatet ska förbättras\n');
    expect(wrapped).toContain('\nVerksamheten går i\nstort sett enligt\nplan.');
  });
});

describe('minus', () => {
  it('writes U+2212 in figures by default, and the author’s own text as written', async () => {
    const r = await render(example, PLAIN);
    expect(r.txt).toContain('Personalkostnader: Utfall Aug 2021 \u221271,5\u00a0miljoner kronor; Utfall Aug 2022 \u221273,2\u00a0miljoner kronor;');
    // Source wording is sacred: no rewriting of the author's text after rendering.
    expect((await render(fixture, PLAIN)).txt).toContain('Resultatet är -0,6 mnkr');
  });

  it('writes the vocabulary’s word for speech: "minus 0,6"', async () => {
    const r = await render(example, { dialect: 'plain', minus: 'word' });
    expect(r.txt).toContain('Personalkostnader: Utfall Aug 2021 minus 71,5\u00a0miljoner kronor; Utfall Aug 2022 minus 73,2\u00a0miljoner kronor;');
    expect(r.txt).toContain('Budgetavvikelse Aug 2022 minus 0,6\u00a0miljoner kronor');
    // The figures' spoken form comes from the Formatter; the author's text stays as written.
    expect((await render(fixture, { dialect: 'plain', minus: 'word' })).txt).toContain('Resultatet är -0,6 mnkr');
  });

  it('takes the word from the vocabulary, not from the plugin', async () => {
    const text = readFileSync(FIXTURE, 'utf8').replace('governance: eskilstuna', 'governance:\n  preset: eskilstuna\n  terms:\n    minus: negativt');
    const txt = (await render(loadText(text, 'minus.yaml'), { dialect: 'plain', minus: 'word' })).txt;
    expect(txt).toMatch(/negativt \d/);
    expect(txt).not.toMatch(/minus \d/);
  });
});

describe('symbols', () => {
  it('puts no symbol in the text by default, only words', async () => {
    const txt = (await render(example, PLAIN)).txt;
    expect(txt).toContain('Bedömning: delvis uppnår resultatmålen. Trend: oförändrad jämfört med föregående år.');
    for (const s of ['●', '◐', '○', '↗', '→', '↘', '✓', '⚠', '◔', '◕']) expect(txt).not.toContain(s);
  });

  it('puts each symbol before its words when asked', async () => {
    const txt = (await render(example, { dialect: 'plain', symbols: true })).txt;
    expect(txt).toContain('Bedömning: ◐ delvis uppnår resultatmålen. Trend: → oförändrad jämfört med föregående år.');
    expect(txt).toContain('Demokrati: Bedömning ◐ delvis uppnår resultatmålen; Trend → oförändrad jämfört med föregående år.');
    expect(txt).toContain('\n● Uppnår: Processområdet bedöms uppnå resultatmålen.\n');
    expect(txt).toContain('Status: ⚠ försenat.');
  });
});

// The page as text, without a browser: determinism, heading levels, link and style
// guards, abbreviations at first use, colours, warnings and the plugin contract.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { toHtml } from 'hast-util-to-html';
import { createPhraser, createRenderContext, createVocabulary, type DocumentModel, type DocSection } from '@kommunrapport/core';
import { presets, type Report } from '@kommunrapport/model';
import plugin, { renderPage, contrastRatio, relativeLuminance, palette, MIN_CONTRAST, defaultOptions, readableColour } from '../src/index.js';
import { inlines } from '../src/rich-text.js';
import { render, load, eskilstuna, minimal, allSiblings } from './render.js';

const base = load(minimal);
const vocabulary = createVocabulary(base);

/** A hand-made section: its heading is its title, its number a placeholder. */
type Draft = Omit<DocSection, 'number' | 'heading' | 'blocks'> & { blocks: any[] };
const complete = (d: Draft): DocSection => ({
  ...d,
  number: '1',
  heading: [{ type: 'text', value: d.title }],
  blocks: d.blocks.map((b) => (b.kind === 'section' ? { kind: 'section', section: complete(b.section) } : b)),
});

/** Renders a hand-made document model. */
function page(sections: Draft[], options = defaultOptions): string {
  const document: DocumentModel = { title: 'T', language: 'sv', description: 'D', owner: 'O', cover: [], sections: sections.map(complete) };
  return renderPage({ document, vocabulary, title: 'T', options });
}

describe('plugin contract', () => {
  test('is named html, answers to the html format and writes index.html as UTF-8 HTML', async () => {
    expect(plugin.name).toBe('html');
    expect(plugin.formats).toEqual(['html']);
    const { html } = await render(minimal);
    expect(html.startsWith('<!doctype html><html lang="sv">')).toBe(true);
    expect(html).toContain('<title>Delårsrapport 2 2022 – Kommunstyrelsen, Exempelstad, januari–augusti 2022</title>');
  });

  test('the same input gives the same bytes', async () => {
    const a = await render(eskilstuna);
    const b = await render(eskilstuna);
    expect(a.html.length).toBeGreaterThan(50_000);
    expect(Buffer.from(a.html).equals(Buffer.from(b.html))).toBe(true);
  });
});

describe('meta description', () => {
  test("is the core's description of the report, the summary's own words cut at a sentence", async () => {
    const { html, report } = await render(eskilstuna);
    const description = createRenderContext(report, {}).document.description;
    expect(description).toBe('Kommunledningskontorets (KLK) verksamhet består både av ett samordnande uppdrag för kommunkoncernen och av utveckling och förvaltande uppdrag internt.');
    expect(html).toContain(`<meta name="description" content="${description}">`);
    // In <head>, after the title.
    expect(html.indexOf('<meta name="description"')).toBeGreaterThan(html.indexOf('<title>'));
    expect(html.indexOf('<meta name="description"')).toBeLessThan(html.indexOf('</head>'));
  });
});

describe('links to the other formats', () => {
  test('names only the formats the build made, in a fixed order, with relative links, media types and sizes', async () => {
    const { html } = await render(eskilstuna, {}, allSiblings);
    const block = /<nav id="other-formats" aria-labelledby="other-formats-heading">.*?<\/nav>/s.exec(html)?.[0];
    expect(block).toBe(
      '<nav id="other-formats" aria-labelledby="other-formats-heading"><h2 id="other-formats-heading">Rapporten i andra format</h2><ul>' +
        '<li><a href="rapport.pdf" type="application/pdf" data-format="pdf">PDF</a> <span class="size">(1,2\u00a0MB)</span></li>' +
        '<li><a href="rapport.txt" type="text/plain; charset=utf-8" data-format="text">Textversion</a> <span class="size">(61\u00a0kB)</span></li>' +
        '<li><a href="rapport.docx" type="application/vnd.openxmlformats-officedocument.wordprocessingml.document" data-format="docx">Word-dokument</a> <span class="size">(49\u00a0kB)</span></li>' +
        '<li><a href="open-data/datapackage.json" type="application/json" data-format="open-data">Öppna data</a> <span class="size">(5\u00a0kB)</span></li>' +
        '</ul></nav>',
    );
    // Inside the page's header, after the cover facts.
    expect(html.indexOf('<nav id="other-formats"')).toBeGreaterThan(html.indexOf('<dl class="facts">'));
    expect(html.indexOf('<nav id="other-formats"')).toBeLessThan(html.indexOf('</header>'));
  });

  test('lists only what was built, and no block at all when the page is the only output', async () => {
    const pdfOnly = (await render(minimal, {}, allSiblings.filter((f) => f.plugin === 'pdf'))).html;
    expect(pdfOnly).toContain('data-format="pdf"');
    for (const format of ['text', 'docx', 'open-data']) expect(pdfOnly).not.toContain(`data-format="${format}"`);
    const alone = (await render(minimal)).html;
    expect(alone).not.toContain('<nav id="other-formats"');
  });

  test('English reports get the English words; odd file names are URL-encoded', async () => {
    const text = readFileSync(minimal, 'utf8').replace('governance: eskilstuna', 'governance: generic-en').replace('language: sv', 'language: en');
    const { loadReport } = await import('@kommunrapport/model');
    const { html } = await render(loadReport(text).report!, {}, [{ plugin: 'x', path: 'data/min rapport#1.pdf', bytes: 999, mediaType: 'application/pdf' }]);
    expect(html).toContain('<h2 id="other-formats-heading">This report in other formats</h2>');
    expect(html).toContain('<a href="data/min%20rapport%231.pdf" type="application/pdf" data-format="pdf">PDF</a> <span class="size">(1\u00a0kB)</span>');
  });
});

describe('language', () => {
  test('an English report gets lang="en" and the English words of its vocabulary', async () => {
    const text = readFileSync(minimal, 'utf8').replace('governance: eskilstuna', 'governance: generic-en').replace('language: sv', 'language: en');
    const { loadReport } = await import('@kommunrapport/model');
    const { html } = await render(loadReport(text).report!);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<a class="skip" href="#main">Skip to content</a>');
    expect(html).toContain('<h2 id="toc">Contents</h2>');
    expect(html).not.toContain(presets.eskilstuna.terms.skipToContent);
    expect(html).not.toContain(presets.eskilstuna.terms.contents);
  });
});

describe('headings', () => {
  test('levels 2–6 use h2–h6; deeper levels stay h6 and state their level with aria-level', () => {
    let inner: Draft | undefined;
    for (let level = 8; level >= 2; level--) inner = { id: `s${level}`, level, title: `L${level}`, role: 'text', blocks: inner ? [{ kind: 'section', section: inner }] : [] };
    const html = page([inner!]);
    for (let level = 2; level <= 6; level++) expect(html).toContain(`<h${level} id="s${level}">L${level}</h${level}>`);
    expect(html).toContain('<h6 id="s7" aria-level="7">L7</h6>');
    expect(html).toContain('<h6 id="s8" aria-level="8">L8</h6>');
  });

  test('the table of contents lists sections down to tocDepth', () => {
    const child: Draft = { id: 'b', level: 3, title: 'Under', role: 'text', blocks: [] };
    const top: Draft = { id: 'a', level: 2, title: 'Över', role: 'text', blocks: [{ kind: 'section', section: child }] };
    expect(page([top])).toContain('<a href="#b">Under</a>');
    expect(page([top], { ...defaultOptions, tocDepth: 2 })).not.toContain('<a href="#b">');
  });

  test('repeated ids are made unique, so links and labels stay unambiguous', () => {
    const s = (title: string): Draft => ({ id: 'same', level: 2, title, role: 'text', blocks: [] });
    const html = page([s('Ett'), s('Två')]);
    expect(html).toContain('<h2 id="same">Ett</h2>');
    expect(html).toContain('<h2 id="same-2">Två</h2>');
  });
});

describe('links and styles', () => {
  test('only http(s) and mailto links become links; other targets keep their words', () => {
    const link = (url: string) => ({ type: 'link' as const, url, children: [{ type: 'text' as const, value: `till ${url.slice(0, 6)}` }] });
    const html = page([{ id: 'a', level: 2, title: 'A', role: 'text', blocks: [{ kind: 'richText', blocks: [{ type: 'paragraph', children: [link('javascript:alert(1)'), link('https://example.org/'), link('mailto:a@example.org'), link('data:text/html,x')] }] }] }]);
    expect(html).toContain('<a href="https://example.org/">till https:</a>');
    expect(html).toContain('<a href="mailto:a@example.org">till mailto</a>');
    expect(html).not.toMatch(/href="(javascript|data):/);
    expect(html).toContain('till javasc');
    expect(html).toContain('till data:t');
  });

  test('extra css is placed after the built-in styles and cannot end the style element', async () => {
    const { html } = await render(minimal, { css: 'h1{color:#000}</STYLE><script>alert(1)</script><!--' });
    const styles = html.match(/<style>[\s\S]*?<\/style>/g)!;
    expect(styles).toHaveLength(2);
    expect(styles[1]).toBe('<style>h1{color:#000}<\\/STYLE><script>alert(1)</script><\\!--</style>');
    expect(html).not.toMatch(/<\/style><script>/i);
  });
});

describe('options', () => {
  test('default to no extra css and contents down to level 4', () => {
    expect(plugin.options.decode(undefined)).toEqual({ _tag: 'Right', right: { css: '', tocDepth: 4 } });
    expect(plugin.options.decode({ tocDepth: 3 })).toEqual({ _tag: 'Right', right: { css: '', tocDepth: 3 } });
  });

  test('reject unknown keys and bad values with their path', () => {
    const bad = plugin.options.decode({ cs: 'x', tocDepth: 9 });
    expect(bad._tag).toBe('Left');
    // Both problems are found: the unknown key and the value out of range.
    if (bad._tag === 'Left') expect(bad.left.map((e) => e.context.map((c) => c.key).filter((k) => k !== '' && !/^\d+$/.test(k)).join('.'))).toEqual(['cs', 'tocDepth']);
    const depth = plugin.options.decode({ tocDepth: 9 });
    expect(depth._tag === 'Left' && depth.left[0]!.context.at(-1)!.key).toBe('tocDepth');
  });
});

describe('abbreviations', () => {
  const html = (nodes: ReturnType<typeof inlines>) => toHtml({ type: 'root', children: nodes });

  test('are written out at first use and only marked up after', () => {
    const p = createPhraser(vocabulary);
    expect(html(inlines(p.running('KS och SBN')))).toBe(
      'Kommunstyrelsen (<abbr title="Kommunstyrelsen">KS</abbr>) och Stadsbyggnadsnämnden (<abbr title="Stadsbyggnadsnämnden">SBN</abbr>)',
    );
    expect(html(inlines(p.running('SBN, KS')))).toBe('<abbr title="Stadsbyggnadsnämnden">SBN</abbr>, <abbr title="Kommunstyrelsen">KS</abbr>');
  });

  test('already written out by the author are not written out twice', () => {
    expect(html(inlines(createPhraser(vocabulary).running('Stadsbyggnadsnämnden (SBN) planerar.')))).toBe('Stadsbyggnadsnämnden (<abbr title="Stadsbyggnadsnämnden">SBN</abbr>) planerar.');
    expect(html(inlines(createPhraser(vocabulary).running('SBN (Stadsbyggnadsnämnden) planerar.')))).toBe('<abbr title="Stadsbyggnadsnämnden">SBN</abbr> (Stadsbyggnadsnämnden) planerar.');
  });

  test('in the Eskilstuna page each one is written out, never twice in a row', async () => {
    const { html: original, report } = await render(eskilstuna);
    // The author writes some names in lower case ("Sveriges kommuner och regioner (SKR)").
    const page = original.toLowerCase();
    const used = report.organisations.bodies.filter((b) => original.includes(`>${b.abbreviation}</abbr>`));
    expect(used.length).toBeGreaterThan(3);
    const esc = (x: string) => x.replace(/&/g, '&#x26;').toLowerCase();
    for (const b of used) {
      const abbr = `<abbr title="${esc(b.name)}">${b.abbreviation.toLowerCase()}</abbr>`;
      // By the page, or by the author in their own words after it ("EEM (Eskilstuna Energi & Miljö AB)").
      const gloss = new RegExp(`${abbr} \\(${b.name.split(' ')[0]!.toLowerCase()}`);
      expect(page.includes(`${esc(b.name)} (${abbr})`) || page.includes(`${esc(b.name)}s (${abbr})`) || gloss.test(page) || page.includes(`${abbr.replace('</abbr>', '')}:s</abbr> (${esc(b.name)})`), b.abbreviation).toBe(true);
      expect(page).not.toContain(`${esc(b.name)} (${abbr}) (${esc(b.name)})`);
    }
  });
});

describe('colours', () => {
  test('contrast is computed as WCAG 2.1 defines it', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 6);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 6);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(() => contrastRatio('red', '#ffffff')).toThrow(/#rrggbb/);
  });

  test.each(Object.entries(presets))('every colour of the %s vocabulary meets 4.5:1 as text on the page', (_name, g) => {
    for (const step of [...g.assessment, ...g.trend, ...g.commitmentStatus, ...g.completion]) {
      for (const bg of [palette.background, palette.shade]) expect(contrastRatio(step.colour, bg), `${step.key} ${step.colour} on ${bg}`).toBeGreaterThanOrEqual(MIN_CONTRAST.text);
    }
  });

  test('the page colours meet 4.5:1 for text and 3:1 for graphics', () => {
    for (const c of [palette.text, palette.muted, palette.link]) for (const bg of [palette.background, palette.shade]) expect(contrastRatio(c, bg)).toBeGreaterThanOrEqual(MIN_CONTRAST.text);
    for (const c of [palette.outcome, palette.target, palette.rule, palette.focus]) expect(contrastRatio(c, palette.background)).toBeGreaterThanOrEqual(MIN_CONTRAST.graphics);
  });

  test('a vocabulary colour too light for text is replaced by the text colour (the warning is core\'s, found before rendering)', async () => {
    const g = base.governance;
    const light: Report = { ...base, governance: { ...g, assessment: g.assessment.map((s) => (s.key === 'partly' ? { ...s, colour: '#ffdd00' } : s)) } };
    expect(readableColour('#ffdd00')).toBe(false);
    const { html, warnings } = await render(light);
    expect(warnings).toEqual([]);
    expect(html).toContain('<span class="sym" aria-hidden="true">◐</span>');
    expect(html).not.toContain('#ffdd00');
    expect((await render(minimal)).warnings).toEqual([]);
  });
});

describe('sources', () => {
  test('hold no word a reader sees: every word comes from the vocabulary or the report', () => {
    const words = new Set<string>();
    for (const g of Object.values(presets)) {
      for (const w of Object.values(g.terms)) if (w.length > 3) words.add(w);
      for (const s of [...g.assessment, ...g.trend, ...g.commitmentStatus, ...g.completion]) words.add(s.label);
      for (const l of Object.values(g.levels)) words.add(l.singular).add(l.plural);
    }
    const dir = new URL('../src/', import.meta.url);
    for (const file of readdirSync(dir)) {
      // Keys of the vocabulary's terms are names, not words a reader sees.
      const literals = readFileSync(new URL(file, dir), 'utf8').replace(/\.term\('\w+'/g, '').match(/'[^'\n]*'|"[^"\n]*"|`[^`]*`/g) ?? [];
      for (const lit of literals) expect(words.has(lit.slice(1, -1).trim()), `${file}: ${lit}`).toBe(false);
    }
  });
});

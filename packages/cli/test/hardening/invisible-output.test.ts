// Class: invisible and confusable characters, the output side. Validation flags bidi
// controls and zero-width characters (invisible-character); the build publishes the texts
// without them, so no output can show a text in another order than it is stored: the bytes
// of the HTML, the text, the DOCX's XML, the PDF's text, metadata and the open data (CSV,
// JSON, RDF) hold none of them, while the visible words around them are all there. A control
// character is refused before anything is written. Generated characters, places and texts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '@kommunrapport/core';
import { removeInvisible, withoutInvisible } from '@kommunrapport/model';
import html from '@kommunrapport/plugin-html';
import pdf from '@kommunrapport/plugin-pdf';
import text from '@kommunrapport/plugin-text';
import openData from '@kommunrapport/plugin-open-data';
import docx from '@kommunrapport/plugin-docx';
import { reportFixture } from '../cli-helpers.js';

const SEED = Number(process.env.HARDENING_SEED ?? 20221031);
/** Every bidi control and zero-width character the model flags. */
const INVISIBLE = ['\u061c', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff'];
const ANY_INVISIBLE = new RegExp(`[${INVISIBLE.join('')}]`, 'u');
/** Every control character the model refuses (C0 but tab and line ends, DEL, C1). */
const CONTROLS = [...Array.from({ length: 32 }, (_, i) => i).filter((i) => ![9, 10, 13].includes(i)), ...Array.from({ length: 33 }, (_, i) => 0x7f + i)].map((c) => String.fromCharCode(c));

const dir = mkdtempSync(join(tmpdir(), 'kr-invisible-'));
const figures = { builds: 0, characters: new Set<string>(), refused: 0 };
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(`hardening: invisible characters: ${figures.builds} builds of every format with ${figures.characters.size} distinct bidi/zero-width characters, none emitted; ${figures.refused} control characters refused before writing`);
});
beforeAll(() => {
  for (const tool of ['pdftotext', 'pdfinfo', 'unzip']) {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is needed: apt-get install -y poppler-utils unzip`);
    }
  }
});

/** The places a text goes in the minimal report: the title, a heading, a table cell, a row label, a goal's prose, the municipality. */
const PLACES: { name: string; put: (yaml: string, s: string) => string }[] = [
  { name: 'title', put: (y, s) => y.replace(/^title: .*$/m, `title: ${JSON.stringify(`Delårsrapport ${s}`)}`) },
  { name: 'heading', put: (y, s) => y.replace('title: Hållbar utveckling', `title: ${JSON.stringify(`Hållbar ${s}`)}`) },
  { name: 'row label', put: (y, s) => y.replace('label: Intäkter', `label: ${JSON.stringify(`Intäkter ${s}`)}`) },
  { name: 'column label', put: (y, s) => y.replace('label: Utfall jan–aug', `label: ${JSON.stringify(`Utfall ${s}`)}`) },
  { name: 'prose', put: (y, s) => y.replace('body: Arbetet pågår.', `body: ${JSON.stringify(`Arbetet ${s} pågår.`)}`) },
  { name: 'municipality', put: (y, s) => y.replace('name: Exempelstad', `name: ${JSON.stringify(`Exempelstad ${s}`)}`) },
];

/** A word with invisible characters inside it, e.g. "ab\u202ecd": what the reader sees is "abcd". */
const hostileWord = fc
  .array(fc.oneof(fc.constantFrom(...'abcdefåäö'.split('')), fc.constantFrom(...INVISIBLE)), { minLength: 4, maxLength: 14 })
  .map((a) => `x${a.join('')}z`)
  .filter((s) => ANY_INVISIBLE.test(s));

/** Every file under `root`, relative paths. */
const files = (root: string): string[] => readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

/** The text of every output a reader or program sees, by file: the files as UTF-8, the DOCX's XML, the PDF's text and metadata. */
function outputs(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of files(root)) {
    if (f.endsWith('.pdf')) {
      out.set(`${f} (text)`, execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }));
      // XMP's packet header carries a BOM by the XMP standard (begin="\ufeff"): the format's own, not text.
      const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', '-meta', f], { encoding: 'utf8' });
      out.set(`${f} (info)`, info.replace('<?xpacket begin="\ufeff"', '<?xpacket begin=""'));
    } else if (f.endsWith('.docx')) out.set(`${f} (xml)`, execFileSync('unzip', ['-p', f], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    else out.set(f, readFileSync(f, 'utf8'));
  }
  return out;
}

async function build(yaml: string, name: string) {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, yaml);
  const outDir = join(dir, `out-${name}`);
  const result = await buildReport({ file, plugins: [html, pdf, text, openData, docx], outDir, env: { SOURCE_DATE_EPOCH: '0' }, options: { 'open-data': { baseUrl: 'https://example.org/' } } });
  return { result, outDir };
}

describe('invisible characters in the outputs', () => {
  it('withoutInvisible removes every flagged character from every text and key, and keeps a clean value as it is', () => {
    fc.assert(
      fc.property(hostileWord, fc.string(), (word, other) => {
        const clean = removeInvisible(word);
        expect(ANY_INVISIBLE.test(clean)).toBe(false);
        expect(clean).toBe([...word].filter((c) => !INVISIBLE.includes(c)).join(''));
        const value = { a: [word, 1, { [word]: other }], b: null };
        expect(withoutInvisible(value)).toEqual({ a: [clean, 1, { [clean]: removeInvisible(other) }], b: null });
        const plain = { a: ['x', 1] };
        expect(withoutInvisible(plain)).toBe(plain);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('a report with bidi and zero-width characters in titles, headings, cells, labels and prose is built, and no output holds one', async () => {
    const base = readFileSync(reportFixture, 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.array(hostileWord, { minLength: PLACES.length, maxLength: PLACES.length }), async (words) => {
        let yaml = base;
        PLACES.forEach((p, i) => (yaml = p.put(yaml, words[i]!)));
        for (const w of words) for (const c of w) if (INVISIBLE.includes(c)) figures.characters.add(c);
        const { result, outDir } = await build(yaml, `b${figures.builds++}`);
        expect(result.ok, JSON.stringify(result.problems)).toBe(true);
        expect(result.diagnostics.some((d) => d.code === 'invisible-character' && d.severity === 'warning')).toBe(true);
        const texts = outputs(outDir);
        expect([...texts.keys()].filter((k) => /\.(html|txt|csv|json|rdf)$|\(text\)|\(xml\)/.test(k)).length).toBeGreaterThan(6);
        for (const [file, content] of texts) {
          const at = content.search(ANY_INVISIBLE);
          expect(at, `${file} holds U+${content.codePointAt(at)?.toString(16)} near ${JSON.stringify(content.slice(Math.max(0, at - 30), at + 10))}`).toBe(-1);
        }
        // The visible words are all published: the title in the HTML, the text, the PDF's metadata and the DOCX.
        const title = `Delårsrapport ${removeInvisible(words[0]!)}`;
        const find = (suffix: string) => [...texts].find(([k]) => k.endsWith(suffix))![1];
        expect(find('.html')).toContain(title);
        expect(find('.txt')).toContain(title);
        expect(find('(info)')).toContain(title);
        expect(find('(xml)')).toContain(title);
        expect(find('(text)').replace(/\s+/g, ' ')).toContain(removeInvisible(words[4]!));
        rmSync(outDir, { recursive: true, force: true });
      }),
      { seed: SEED, numRuns: 6 },
    );
  }, 240_000);

  it("a NUL or another control character in the HTML plugin's css option is refused with its path before anything is written", async () => {
    const css = fc.tuple(fc.string({ unit: fc.constantFrom(...'body{color:red}/*x*/ '.split('')), maxLength: 20 }), fc.constantFrom(...CONTROLS), fc.string({ maxLength: 5 }));
    await fc.assert(
      fc.asyncProperty(css, async ([before, control, after]) => {
        const file = join(dir, 'css.yaml');
        writeFileSync(file, readFileSync(reportFixture, 'utf8'));
        const outDir = join(dir, 'out-css');
        const result = await buildReport({ file, plugins: [html], outDir, env: { SOURCE_DATE_EPOCH: '0' }, options: { html: { css: `${before}${control}${after}` } } });
        expect(result.ok).toBe(false);
        expect(result.problems.map((p) => p.code)).toContain('plugin-options');
        const d = result.diagnostics.find((x) => x.path.endsWith('css'));
        expect(d, JSON.stringify(result.diagnostics)).toMatchObject({ severity: 'error', plugin: 'html' });
        expect(d!.expected).toContain('without control characters');
        expect(() => readdirSync(outDir)).toThrow();
      }),
      { seed: SEED, numRuns: 40 },
    );
    // The same stylesheet without the control character is published.
    const file = join(dir, 'css.yaml');
    const { ok } = await buildReport({ file, plugins: [html], outDir: join(dir, 'out-css-ok'), env: { SOURCE_DATE_EPOCH: '0' }, options: { html: { css: 'body{color:red}' } } });
    expect(ok).toBe(true);
    expect(readFileSync(join(dir, 'out-css-ok/0999-ks-2022-d2/index.html'), 'utf8')).toContain('<style>body{color:red}</style>');
  }, 120_000);

  it('every control character in a title, a heading or a cell is refused before anything is written', async () => {
    const base = readFileSync(reportFixture, 'utf8');
    for (const [i, c] of CONTROLS.entries()) {
      const place = PLACES[i % PLACES.length]!;
      const { result, outDir } = await build(place.put(base, `a${c}b`), `c${i}`);
      expect(result.ok).toBe(false);
      expect(result.diagnostics.find((d) => d.code === 'control-character')).toMatchObject({ severity: 'error' });
      expect(() => readdirSync(outDir)).toThrow();
      figures.refused++;
    }
  }, 120_000);
});

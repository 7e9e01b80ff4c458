// The two dialects of rapport.txt: speech (the default) gives figures, ranges, months, units
// and abbreviations in words and wraps at 80; plain keeps them as written. The words come
// from the core (Formatter.speechText); these tests show the plugin applies them everywhere.
import { describe, expect, it } from 'vitest';
import { textWidth } from '../src/index.js';
import { EXAMPLE, FIXTURE, PLAIN, SOLBERGA, headings, loadFile, render } from './helpers.js';

const example = loadFile(EXAMPLE);
const solberga = loadFile(SOLBERGA);
const fixture = loadFile(FIXTURE);
/** Non-breaking spaces as plain spaces, so expectations read as text. */
const plainSpaces = (s: string) => s.replace(/\u00a0/g, ' ');
/** The text in one line per paragraph, so phrases split by wrapping are found. */
const unwrapped = (s: string) => plainSpaces(s).replace(/\n(?!\n)/g, ' ');

describe('the speech dialect (default)', () => {
  it('is the default of rapport.txt', async () => {
    expect((await render(fixture)).txt).toBe((await render(fixture, { dialect: 'speech' })).txt);
    expect((await render(fixture)).txt).not.toBe((await render(fixture, PLAIN)).txt);
  });

  it('says amounts with their unit in words and the sign as a word: "minus 0 komma 6 miljoner kronor"', async () => {
    const { txt } = await render(fixture);
    expect(unwrapped(txt)).toContain('Resultatet är minus 0 komma 6 miljoner kronor');
    const esk = unwrapped((await render(example)).txt);
    expect(esk).toContain('Personalkostnader: Utfall augusti 2021 minus 71 komma 5 miljoner kronor;');
    expect(esk).toContain('uppgår till 266 tusen kronor.');
    expect(esk).not.toContain('\u2212');
    expect(esk).not.toMatch(/(?<![\p{L}])(mnkr|tkr)(?![\p{L}])/u);
    expect(esk).not.toMatch(/\d,\d/);
  });

  it('says ranges in words: "0 till 20 år", "januari till augusti"', async () => {
    const txt = unwrapped((await render(solberga)).txt);
    expect(txt).toContain('Barn och unga 0 till 20 år med insats');
    expect(txt).toContain('Utfall januari till augusti');
    expect(txt).not.toMatch(/\d\s?–\s?\d/);
  });

  it('writes month abbreviations in full: "Utfall augusti 2021", never "Aug"', async () => {
    const txt = unwrapped((await render(example)).txt);
    expect(txt).toContain('Utfall augusti 2021');
    expect(txt).toContain('Årsprognos augusti minus 115 komma 5 miljoner kronor');
    expect(txt).not.toMatch(/(?<![\p{L}])aug(?![\p{L}])/iu);
  });

  it('writes the language\'s abbreviations out: "d v s" → "det vill säga"', async () => {
    const txt = unwrapped((await render(example)).txt);
    expect(txt).toContain('uppgraderats till grönt, det vill säga att');
    expect(txt).not.toContain('d v s');
  });

  it('explains the registry\'s abbreviations at their first use in each top-level section, a genitive as the full name\'s', async () => {
    const txt = unwrapped((await render(example)).txt);
    // The author wrote "KLK:s rapportering" where the document flags its first use.
    expect(txt).toContain('ingår inte i Kommunledningskontorets (KLK) rapportering');
    expect(txt).not.toContain('KLK:s (Kommunledningskontoret)');
    // The plain dialect explains it as every other format does.
    expect(unwrapped((await render(example, PLAIN)).txt)).toContain('KLK:s (Kommunledningskontoret)');
  });

  it('says no unit twice', async () => {
    for (const report of [example, solberga, fixture]) {
      const txt = unwrapped((await render(report)).txt);
      for (const unit of Object.values(report.governance.units).map((u) => u.long).filter(Boolean))
        expect(txt).not.toContain(`${unit} ${unit}`);
    }
  });

  it('wraps lines at 80 characters on word boundaries, never inside a word or a number', async () => {
    for (const report of [example, solberga]) {
      const { txt } = await render(report);
      const heads = new Set(headings(txt).map((h) => h.line));
      const lines = txt.split('\n');
      const long = lines.filter((l, i) => !heads.has(i) && textWidth(l) > 80 && l.includes(' '));
      expect(long).toEqual([]);
      // Paragraphs of the plain dialect reach 1 650 characters; only headings stay on one line.
      expect(Math.max(...lines.filter((_, i) => !heads.has(i)).map((l) => textWidth(l)))).toBeLessThanOrEqual(80);
      // Same words as the unwrapped text: no word was cut.
      const oneLine = (await render(report, { wrap: 100000 })).txt;
      expect(txt.split(/\s+/u)).toEqual(oneLine.split(/\s+/u));
      // A figure never breaks: no line ends in a sign word or a digit with its decimals on the next line.
      lines.forEach((l, i) => {
        if (/(minus|plus)$/.test(l)) expect(lines[i + 1] ?? '').not.toMatch(/^\d/);
        if (/\d$/.test(l)) expect(lines[i + 1] ?? '').not.toMatch(/^komma/);
      });
    }
  });

  it('takes another width from the wrap option', async () => {
    const { txt } = await render(example, { wrap: 60 });
    const heads = new Set(headings(txt).map((h) => h.line));
    expect(txt.split('\n').filter((l, i) => !heads.has(i) && textWidth(l) > 60 && l.includes(' '))).toEqual([]);
  });

  it('leaves rapport.md as written', async () => {
    const r = await render(example, { markdown: true });
    expect(r.md).toContain('Aug 2021');
    expect(r.md).toContain('\u2212');
    expect(r.md).toBe((await render(example, { dialect: 'plain', markdown: true })).md);
  });
});

describe('the plain dialect', () => {
  it('keeps figures, ranges, months and units as written, one line per paragraph', async () => {
    const txt = (await render(solberga, PLAIN)).txt;
    expect(txt).toContain('0–20 år');
    expect(txt).toContain('Utfall jan–aug');
    const esk = (await render(example, PLAIN)).txt;
    expect(esk).toContain('Utfall Aug 2021 \u221271,5\u00a0miljoner kronor');
    expect(esk).toContain('d v s');
    expect(Math.max(...esk.split('\n').map((l) => textWidth(l)))).toBeGreaterThan(1000);
  });
});

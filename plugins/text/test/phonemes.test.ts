// What espeak-ng's Swedish voice says for rapport.txt of both examples, checked in its
// phonemes (`espeak-ng -v sv -q --ipa`): in the plain dialect it reads the minus sign with
// an English voice, the decimal comma as "punkt", spells "mnkr" and "tkr", says "Aug" as a
// word and drops the dash of "0–20 år"; in the speech dialect (the default) none of that.
// Headings are left out: their numbers ("7.1.2") are rightly read with "punkt".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { espeakAvailable, INSTALL_HINT, phonemes } from '../scripts/speech.mjs';
import { EXAMPLE, PLAIN, SOLBERGA, headings, loadFile, loadText, render } from './helpers.js';

/** The text without its heading lines. */
function body(txt: string): string {
  const heads = new Set(headings(txt).map((h) => h.line));
  return txt.split('\n').filter((_, i) => !heads.has(i)).join('\n');
}

/** The voice switches espeak-ng makes, as the phonemes said in the other voice. */
const switches = (ipa: string) => [...ipa.matchAll(/\((\w+)\)([^()]*)\(sv\)/gu)].map((m) => `(${m[1]})${m[2]!.trim()}`);
/** The phonemes as words. */
const words = (ipa: string) => ipa.split(/\s+/u);

const SPELLED_MNKR = 'ˌɛmˌɛnkˌoːˈɛr';
const SPELLED_TKR = 'tˌeːkˌoːˈɛr';
const PUNKT = 'pˈɵŋkt';
const AUG = 'ˈɔɡ';
const AUGUSTI = 'ˈɔɡɵstˌiː';
const MINUS_EN = '(en)mˈaɪnəs';
/** English words of the Eskilstuna example's own text ("Young Executive Network"): espeak-ng rightly says them in English. */
const ENGLISH_WORDS = ['(en)nˈɛtwɜːk'];

function needEspeak(): void {
  if (!espeakAvailable()) throw new Error(`espeak-ng is needed for this test and is not installed. Install it with: ${INSTALL_HINT}`);
}

/** The phonemes of one example in one dialect, made once: espeak-ng takes seconds on a whole report. */
const said = new Map<string, Promise<string>>();
function ipaOf(file: string, dialect: 'speech' | 'plain'): Promise<string> {
  const key = `${file}:${dialect}`;
  if (!said.has(key)) said.set(key, render(loadFile(file), dialect === 'plain' ? PLAIN : {}).then((r) => phonemes(body(r.txt))));
  return said.get(key)!;
}

describe('espeak-ng reads rapport.txt of both examples right', () => {
  it.each([
    ['Eskilstuna', EXAMPLE],
    ['Solberga', SOLBERGA],
  ])('%s: no English minus, no "punkt" for a decimal comma, units not spelled, months in full, ranges with "till"', async (_name, file) => {
    needEspeak();
    const speech = body((await render(loadFile(file))).txt);
    const ipa = await ipaOf(file, 'speech');
    expect(ipa.length).toBeGreaterThan(speech.length / 2);

    // No switch to an English voice but for the author's English words.
    expect(switches(ipa).filter((s) => !ENGLISH_WORDS.includes(s))).toEqual([]);
    expect(ipa).not.toContain(MINUS_EN);
    expect(ipa).toContain('mˈiːnʉs');
    // The decimal comma said "komma", never "punkt".
    expect(ipa).not.toContain(PUNKT);
    expect(ipa).toContain('kˈɔma');
    // Units said, not spelled.
    expect(ipa).not.toContain(SPELLED_MNKR);
    expect(ipa).not.toContain(SPELLED_TKR);
    expect(ipa).toMatch(/mˈɪljuːnər krˈuːnɔr|tˈʉsən krˈuːnɔr/u);
    // "augusti", never "Aug".
    expect(words(ipa)).not.toContain(AUG);
    expect(ipa).toContain(AUGUSTI);
    // Ranges with "till": "januari till augusti" in both.
    expect(ipa).toContain(`jˈanʉˌariː tɪl ${AUGUSTI}`);

    // The same checks fail on the plain dialect: the test sees what it claims to.
    const plain = await ipaOf(file, 'plain');
    expect(plain).toContain(MINUS_EN);
    expect(plain).toContain(PUNKT);
  });

  it('Eskilstuna: "mnkr", "tkr" and "d v s" said as words', async () => {
    needEspeak();
    const ipa = await ipaOf(EXAMPLE, 'speech');
    expect(ipa).toContain('tˈʉsən krˈuːnɔr');
    expect(ipa).toContain('deːt vɪl sˈɛja');
    expect(ipa).not.toContain('dˈeː vˈeː ˈɛs');
    const plain = await ipaOf(EXAMPLE, 'plain');
    expect(plain).toContain(SPELLED_MNKR);
    expect(plain).toContain(SPELLED_TKR);
    expect(plain).toContain('dˈeː vˈeː ˈɛs');
    expect(words(plain)).toContain(AUG);
  });

  it('Eskilstuna: "KLK:s" said as one word ("KLK\'s"), not "K L K" and a separate "s"', async () => {
    needEspeak();
    const KLK_S_WORD = 'kˌoːˌɛlkˈoːs';
    const KLK_S_SPELLED = 'kˌoːˌɛlkˈoː ˈɛs';
    const ipa = await ipaOf(EXAMPLE, 'speech');
    expect(ipa).toContain(KLK_S_WORD);
    expect(ipa).not.toContain(KLK_S_SPELLED);
    // The plain dialect keeps "KLK:s", which espeak-ng says with a separate "s".
    expect(await ipaOf(EXAMPLE, 'plain')).toContain(KLK_S_SPELLED);
    // "KLK" alone is said letter by letter, as people say it.
    expect(phonemes('Det gäller KLK.')).toContain('kˌoːˌɛlkˈoː');
  });

  it('Eskilstuna: a registry abbreviation is said in full at its first use in each top-level section that uses it', async () => {
    needEspeak();
    const txt = (await render(loadFile(EXAMPLE))).txt;
    const lines = txt.split('\n');
    const tops = headings(txt).filter((h) => h.depth === 1);
    let sections = 0;
    tops.forEach((h, i) => {
      const text = body(lines.slice(h.line, tops[i + 1]?.line ?? lines.length).join('\n')).replace(/\s+/g, ' ');
      const at = text.search(/(?<![\p{L}/])KLK(?![\p{L}])/u);
      if (at < 0) return;
      sections++;
      // Said in full right there: "Kommunledningskontoret (KLK)", "Kommunledningskontorets (KLK)".
      expect(text.slice(0, at), h.title).toMatch(/Kommunledningskontorets? \($/u);
    });
    expect(sections).toBeGreaterThan(3);
    // espeak-ng says the full name at least once per such section.
    const name = phonemes('Kommunledningskontoret').trim().replace(/t$/u, '');
    const ipa = await ipaOf(EXAMPLE, 'speech');
    expect(ipa.split(name).length - 1).toBeGreaterThanOrEqual(sections);
    // The plain dialect explains it once only, at its first use.
    const plain = (await render(loadFile(EXAMPLE), PLAIN)).txt;
    expect(plain.split('Kommunledningskontoret (KLK)').length - 1).toBeLessThan(sections);
  });

  it('a genitive at the first use in a section is said as the genitive of the full name', async () => {
    needEspeak();
    const file = EXAMPLE.replace('eskilstuna-ks-2022-delar2/rapport.yaml', 'generated-genitive.yaml');
    const yaml = readFileSync(EXAMPLE, 'utf8');
    // The summary starts with "KLK:s" where the author wrote "Kommunledningskontorets (KLK)".
    const text = yaml.replace('Kommunledningskontorets (KLK) verksamhet', 'KLK:s verksamhet');
    expect(text).not.toBe(yaml);
    const txt = (await render(loadText(text, file))).txt;
    expect(txt).toContain('Kommunledningskontorets (KLK) verksamhet');
    expect(phonemes('Kommunledningskontorets (KLK) verksamhet')).toContain('kɔmˈʉnleːdnˌɪŋskɔntˈuːrəts');
  });

  it('Solberga: "0–20 år" said "0 till 20 år"', async () => {
    needEspeak();
    expect(await ipaOf(SOLBERGA, 'speech')).toContain('nˈɔl tɪl ɕˈʉɡɔ ˈoːr');
    expect(await ipaOf(SOLBERGA, 'plain')).toContain('nˈɔl ɕˈʉɡɔ ˈoːr');
  });
});

// Whose report it is, decided once: a nämnd, bolag or the kommun is named with its kommun; a
// kommunalförbund by itself, its member kommuner and its seat, in the vocabulary's words of
// the report's language, and the description of a report without text of its own says the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReport, presets, type Report } from '@kommunrapport/model';
import { buildDocument, createFormatter, createVocabulary, ownerFacts, reportKommuner, reportOwner, reportPublisher } from '../src/index.js';

const PATH = 'examples/ekdala-kf-2024-delar2/rapport.yaml';
const TEXT = readFileSync(new URL(`../../../${PATH}`, import.meta.url), 'utf8');
const MEMBERS = 'members:\n  - { name: Ekdala, code: "0599" }\n  - { name: Norrvik, code: "0598" }\nbody:';
const load = (text: string): Report => {
  const loaded = loadReport(text, PATH);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.report!;
};
const forbund = load(TEXT.replace('level: kommun\n', 'level: forbund\n').replace(/^body:/mu, MEMBERS));

describe('whose report it is', () => {
  it('a kommun-level report: the kommun, then the body under its level\'s word', () => {
    const r = load(TEXT);
    expect(ownerFacts(r, createVocabulary(r))).toEqual([{ term: 'Kommun', value: 'Ekdala' }, { term: 'Fullmäktige', value: 'Kommunfullmäktige' }]);
    expect(reportOwner(r)).toBe('Kommunfullmäktige, Ekdala');
    expect(reportPublisher(r)).toBe('Ekdala');
    expect(reportKommuner(r)).toEqual([{ name: 'Ekdala', code: '0599' }]);
  });

  it('a kommunalförbund: the förbund, its members and its seat, in Swedish and English', () => {
    expect(ownerFacts(forbund, createVocabulary(forbund))).toEqual([
      { term: 'Kommunalförbund', value: 'Kommunfullmäktige' },
      { term: 'Medlemskommuner', value: 'Ekdala och Norrvik' },
      { term: 'Säte', value: 'Ekdala' },
    ]);
    const en = { ...forbund, language: 'en' as const, governance: presets['generic-en'] };
    expect(ownerFacts(en, createVocabulary(en)).map((f) => f.term)).toEqual(['Association of municipalities', 'Member municipalities', 'Seat']);
    expect(reportOwner(forbund)).toBe('Kommunfullmäktige');
    expect(reportPublisher(forbund)).toBe('Kommunfullmäktige');
    expect(reportKommuner(forbund).map((k) => k.code)).toEqual(['0599', '0598']);
  });

  it('a kommunalförbund without members: its seat, and the seat is the only kommun it covers', () => {
    const r = load(TEXT.replace('level: kommun\n', 'level: forbund\n'));
    expect(ownerFacts(r, createVocabulary(r)).map((f) => f.term)).toEqual(['Kommunalförbund', 'Säte']);
    expect(reportKommuner(r)).toEqual([{ name: 'Ekdala', code: '0599' }]);
  });

  it("the document's cover, owner and description without the author's text say the same", () => {
    const bare = { ...forbund, summary: [], decision: undefined } as Report;
    const doc = buildDocument(bare, createVocabulary(bare), createFormatter('sv', bare.governance));
    expect(doc.cover.slice(0, 3).map((f) => `${f.term}: ${f.value}`)).toEqual(['Kommunalförbund: Kommunfullmäktige', 'Medlemskommuner: Ekdala och Norrvik', 'Säte: Ekdala']);
    expect(doc.owner).toBe('Kommunfullmäktige');
    expect(doc.description).toContain('Kommunalförbund: Kommunfullmäktige. Medlemskommuner: Ekdala och Norrvik.');
    expect(doc.description).not.toContain('Kommun:');
  });
});

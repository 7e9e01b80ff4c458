// Source wording is sacred: the one abbreviation rule of the document (inline.ts), shown on
// the cases of issue 14 in both bundled examples, and as a property over random text.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { loadReport, type Report } from '@kommunrapport/model';
import {
  abbreviationExplanation, buildDocument, createFormatter, createPhraser, createVocabulary, phraseText, walkSections,
  type AbbreviationNode, type DocumentModel, type Inline,
} from '../src/index.js';

function load(path: string): Report {
  const loaded = loadReport(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'), path);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.report!;
}
const eskilstunaReport = load('examples/eskilstuna-ks-2022-delar2/rapport.yaml');
const solbergaReport = load('examples/solberga-son-2024-delar/rapport.yaml');
const build = (r: Report): DocumentModel => buildDocument(r, createVocabulary(r), createFormatter(r.language, r.governance));
const eskilstuna = build(eskilstunaReport);
const solberga = build(solbergaReport);

/** Every paragraph and list item of a document, as inline nodes, in reading order (cover and facts included). */
function phrases(doc: DocumentModel): Inline[][] {
  const out: Inline[][] = doc.cover.map((f) => f.content);
  for (const s of walkSections(doc.sections)) {
    out.push(s.heading);
    for (const b of s.blocks) {
      if (b.kind === 'facts') out.push(...b.items.map((f) => f.content));
      if (b.kind === 'list') out.push(...b.items);
      if (b.kind === 'richText') {
        const visit = (blocks: typeof b.blocks): void => {
          for (const x of blocks) if (x.type === 'paragraph') out.push(x.children); else x.items.forEach(visit);
        };
        visit(b.blocks);
      }
    }
  }
  return out;
}
const explained = (doc: DocumentModel) => phrases(doc).map((p) => phraseText(p));
const abbreviations = (nodes: readonly Inline[]): AbbreviationNode[] =>
  nodes.flatMap((n) => (n.type === 'abbreviation' ? [n] : 'children' in n ? abbreviations(n.children) : []));

describe('the wording rule on the Eskilstuna example', () => {
  const text = explained(eskilstuna);
  const all = text.join('\n');

  test('an author who explained an abbreviation is not explained to again: SKR, EEM, KLK', () => {
    expect(all).toContain('med stöd av Sveriges kommuner och regioner (SKR).');
    expect(all).not.toMatch(/Sveriges Kommuner och Regioner \(Sveriges/i);
    expect(all).toContain('överlämnat till EEM (Eskilstuna Energi & Miljö AB).');
    expect(all).not.toContain('Eskilstuna Energi och Miljö AB (EEM) (Eskilstuna Energi & Miljö AB)');
    expect(all).toContain('Kommunledningskontorets (KLK) verksamhet');
  });

  test('the author\'s own explanation is kept even after the first use: "Mälardalens universitet (MDU)" stays whole', () => {
    expect(all).toContain('som den 1 januari 2022 blev Mälardalens universitet (MDU).');
  });

  test('the case number KSKF/2022:251 is an identifier, never expanded', () => {
    const caseNumber = eskilstuna.cover.find((f) => f.value === 'KSKF/2022:251')!;
    expect(caseNumber.content).toEqual([{ type: 'text', value: 'KSKF/2022:251' }]);
  });

  test('each abbreviation is explained at most once, never in a heading, and reading the text without explanations gives the source', () => {
    const firsts = phrases(eskilstuna).flatMap((p) => abbreviations(p).filter((a) => a.first).map((a) => a.abbreviation));
    expect(firsts.length).toBeGreaterThan(5);
    expect(new Set(firsts).size).toBe(firsts.length);
    for (const s of walkSections(eskilstuna.sections)) {
      expect(abbreviations(s.heading).every((a) => !a.first)).toBe(true);
      expect(phraseText(s.heading)).toBe(s.title);
    }
    for (const f of eskilstuna.cover) expect(phraseText(f.content, { explain: false })).toBe(f.value);
  });
});

describe('the wording rule on the Solberga example', () => {
  test('the case number "SON 2024/117" is shown as written, never as "Social- och omsorgsnämnden (SON) 2024/117"', () => {
    const fact = solberga.cover.find((f) => f.value === 'SON 2024/117')!;
    expect(phraseText(fact.content)).toBe('SON 2024/117');
    expect(explained(solberga).join('\n')).not.toContain('Social- och omsorgsnämnden (SON) 2024/117');
  });

  test('abbreviations in running text are explained once each, at their first use', () => {
    const firsts = phrases(solberga).flatMap((p) => abbreviations(p).filter((a) => a.first).map((a) => a.abbreviation));
    expect(firsts).toEqual(expect.arrayContaining(['SOF', 'BUN']));
    expect(new Set(firsts).size).toBe(firsts.length);
    // Used several times, flagged once.
    const uses = phrases(solberga).flatMap(abbreviations).filter((a) => a.abbreviation === 'SOF');
    expect(uses.length).toBeGreaterThan(1);
    expect(uses.filter((a) => a.first)).toHaveLength(1);
  });
});

describe('the phraser', () => {
  const vocabulary = createVocabulary(eskilstunaReport);

  test('explains the first use, keeps a suffixed word whole, and leaves identifiers, titles and later uses alone', () => {
    const p = createPhraser(vocabulary);
    expect(phraseText(p.title('KS delårsrapport'))).toBe('KS delårsrapport');
    expect(phraseText(p.running('KS/2022:17 och SBN 2022/4 beslutades.'))).toBe('KS/2022:17 och SBN 2022/4 beslutades.');
    expect(phraseText(p.running('KS:s plan och SBN.'))).toBe('KS:s (Kommunstyrelsen) plan och Stadsbyggnadsnämnden (SBN).');
    expect(phraseText(p.running('KS och SBN igen.'))).toBe('KS och SBN igen.');
    expect(phraseText(p.running('Kommunstyrelsen (KS) skriver igen.'))).toBe('Kommunstyrelsen (KS) skriver igen.');
  });

  test('a writer adds "Name (" and ")" around a plain first use, or " (Name)" after a suffixed one', () => {
    const [node] = abbreviations(createPhraser(vocabulary).running('SBN'));
    expect(abbreviationExplanation(node!)).toEqual({ before: 'Stadsbyggnadsnämnden (', after: ')' });
    const [suffixed] = abbreviations(createPhraser(vocabulary).running('SBN:s'));
    expect(abbreviationExplanation(suffixed!)).toEqual({ before: '', after: ' (Stadsbyggnadsnämnden)' });
  });
});

/** Removes, in reading order, the explanation a writer added at each first use; nothing else. */
function removeExplanations(written: string, nodes: readonly Inline[]): string {
  let out = written;
  let cursor = 0;
  for (const a of abbreviations(nodes)) {
    if (!a.first) continue;
    const e = abbreviationExplanation(a);
    const explainedForm = `${e.before}${a.text}${e.after}`;
    const at = out.indexOf(explainedForm, cursor);
    expect(at, `${explainedForm} in ${out}`).toBeGreaterThanOrEqual(0);
    out = out.slice(0, at) + a.text + out.slice(at + explainedForm.length);
    cursor = at + a.text.length;
  }
  return out;
}

describe('property: the author\'s text survives every writer', () => {
  const vocabulary = createVocabulary(eskilstunaReport);
  const token = fc.oneof(
    fc.constantFrom(
      'KS', 'SBN', 'KLK', 'KLK:s', 'SBN-nivå', 'MDU', 'EEM', 'SKR', 'SBNX', 'xKS', 'Stadsbyggnadsnämnden (SBN)', 'SBN (Stadsbyggnadsnämnden i Exempelstad)',
      'Kommunstyrelsens (KS)', 'Mälardalens universitet (MDU)', 'EEM (Eskilstuna Energi & Miljö AB)', 'KS/2022:17', 'SON 2024/117', 'KSKF/2022:251',
      '(', ')', ',', '.', ' ', '\u00a0', 'och', 'åäö',
    ),
    fc.string({ maxLength: 6 }),
  );
  const text = fc.array(fc.tuple(token, fc.constantFrom(' ', '', '\u00a0')), { maxLength: 25 }).map((parts) => parts.map(([t, s]) => t + s).join(''));

  test('removing the explanations a writer added gives back the author\'s text exactly', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (texts) => {
        const p = createPhraser(vocabulary);
        const seen = new Set<string>();
        for (const t of texts) {
          const nodes = p.running(t);
          expect(phraseText(nodes, { explain: false })).toBe(t);
          expect(removeExplanations(phraseText(nodes), nodes)).toBe(t);
          for (const a of abbreviations(nodes)) {
            if (!a.first) continue;
            // Explained at most once in the whole document.
            expect(seen.has(a.abbreviation)).toBe(false);
            seen.add(a.abbreviation);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

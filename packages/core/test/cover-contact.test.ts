// The report's contact ("where readers can ask about the report") is on the cover of every
// output, after the date, in the vocabulary's word; a report without one has no such fact.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { loadReport, type Report } from '@kommunrapport/model';
import { buildDocument, createFormatter, createVocabulary, phraseText } from '../src/index.js';

const load = (path: string): Report => {
  const loaded = loadReport(readFileSync(new URL(path, import.meta.url), 'utf8'), path);
  expect(loaded.diagnostics).toEqual([]);
  return loaded.report!;
};
const cover = (r: Report) => buildDocument(r, createVocabulary(r), createFormatter(r.language, r.governance)).cover;

test('a bolag\'s contact: name, e-mail and phone as written, last on the cover', () => {
  const facts = cover(load('./fixtures/fjallby-ab-2025-ar/rapport.yaml'));
  expect(facts.map((f) => f.term)).toEqual(['Kommun', 'Bolag', 'Förvaltning', 'Period', 'Diarienummer', 'Datum', 'Kontakt']);
  const contact = facts.at(-1)!;
  expect(contact.value).toBe('Fjällby Energi och Vatten AB, ekonomichefen, ekonomi@fjallby-energi.example, 0980-123 45');
  expect(phraseText(contact.content)).toBe(contact.value);
});

test('a report without a contact has none on its cover', () => {
  expect(cover(load('../../../examples/solberga-son-2024-delar/rapport.yaml')).map((f) => f.term)).not.toContain('Kontakt');
});

// The key to the assessment scale is named after the areas only where only areas are judged
// (Eskilstuna's processområden, as in its source); a report that judges goals, indicators or
// points of internal control names it after the assessment ("Bedömning"), not after a level
// whose name would tell readers the scale is for areas alone. Each meaning in a key is a
// sentence with one full stop, as writers print it (a table cell, a line of text, speech).
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { loadReport, type Report } from '@kommunrapport/model';
import { buildDocument, createFormatter, createVocabulary, walkSections } from '../src/index.js';

const load = (path: string): Report => {
  const loaded = loadReport(readFileSync(new URL(path, import.meta.url), 'utf8'), path);
  expect(loaded.diagnostics).toEqual([]);
  return loaded.report!;
};
const legendCaptions = (r: Report) =>
  [...walkSections(buildDocument(r, createVocabulary(r), createFormatter(r.language, r.governance)).sections)].flatMap((s) =>
    s.blocks.flatMap((b) => (b.kind === 'legend' ? [b.legend.caption] : [])),
  );

test('a bolag that judges its effektmål and its internal control: "Bedömning", not its areas\' name', () => {
  expect(legendCaptions(load('./fixtures/fjallby-ab-2025-ar/rapport.yaml'))).toEqual(['Bedömning', 'Aktiviteter', 'Färdiggrad', 'Trend']);
});

test('a report that judges only its areas: the areas\' name, as the Eskilstuna source has it', () => {
  expect(legendCaptions(load('../../../examples/eskilstuna-ks-2022-delar2/rapport.yaml'))[0]).toBe('Processområden');
});

test.each([
  ['the Eskilstuna example (preset eskilstuna)', '../../../examples/eskilstuna-ks-2022-delar2/rapport.yaml'],
  ['the Norrvik example (preset generic)', '../../../examples/norrvik-bun-2024-malmodell/rapport.yaml'],
])('%s: every meaning in the keys to symbols, the trend\'s included, ends with one full stop', (_what, path) => {
  const r = load(path);
  const keys = [...walkSections(buildDocument(r, createVocabulary(r), createFormatter(r.language, r.governance)).sections)].flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'legend' ? [b.legend] : [])));
  expect(keys.map((k) => k.id)).toContain('legend-trend');
  const meanings = keys.flatMap((k) => k.entries.flatMap((e) => (e.meaning !== undefined ? [e.meaning] : [])));
  expect(meanings.length).toBeGreaterThan(0);
  for (const meaning of meanings) expect(meaning).toMatch(/[^.]\.$/);
});

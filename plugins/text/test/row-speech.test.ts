// A table row read for speech: each value in the same sentence as its column, whether it is a
// figure or words ("Värde saknas", a reason the author gives). The Fjällby report's column
// "Prognos i okt." ends in an abbreviation's full stop, which the speech form keeps before a
// capital letter as the end of a sentence: espeak-ng then read "Prognos i oktober" and "Värde
// saknas" as two sentences, where a figure in the same column read in one.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { espeakAvailable, INSTALL_HINT, phonemes } from '../scripts/speech.mjs';
import { ROOT, loadFile, render } from './helpers.js';

const FJALLBY = resolve(ROOT, 'packages/core/test/fixtures/fjallby-ab-2025-ar/rapport.yaml');
const unwrap = (s: string) => s.replace(/\s+/gu, ' ');

describe('a row read for speech', () => {
  it('reads a missing value in the same sentence as its column, as a figure is', async () => {
    const { txt } = await render(loadFile(FJALLBY));
    const text = unwrap(txt);
    expect(text).toContain('Fjärrvärme: September till december 2025 minus 6 komma 3 miljoner kronor; januari till december 2025 minus 10 komma 4 miljoner kronor; Prognos i oktober minus 12 komma 0 till minus 8 komma 0 miljoner kronor.');
    expect(text).toContain('Summa: September till december 2025 minus 2 komma 2 miljoner kronor; januari till december 2025 minus 3 komma 2 miljoner kronor; Prognos i oktober Värde saknas.');
    expect(text).not.toContain('oktober. Värde saknas');
  });

  it('follows a value that ends a sentence with the next pair as a new sentence, no "; " after its stop', async () => {
    const text = unwrap((await render(loadFile(FJALLBY))).txt);
    expect(text).toContain('Nöjd-kund-index (NKI): Utfall 2024 Mätningen gjordes inte 2024 på grund av byte av leverantör. Utfall januari till oktober 2025 74; Mål 2025 70.');
    for (const raw of [{}, { dialect: 'plain' }, { markdown: true }]) {
      const r = await render(loadFile(FJALLBY), raw);
      expect(unwrap(r.txt)).not.toMatch(/[.!?]; /u);
      if (r.md !== undefined) expect(unwrap(r.md)).not.toMatch(/[.!?]; /u);
    }
  });

  it('keeps the header as written in the plain dialect', async () => {
    const { txt } = await render(loadFile(FJALLBY), { dialect: 'plain' });
    expect(unwrap(txt)).toContain('Prognos i okt. Värde saknas.');
  });

  it('espeak-ng says the column and its missing value as one sentence', async () => {
    if (!espeakAvailable()) throw new Error(`espeak-ng is needed for this test and is not installed. Install it with: ${INSTALL_HINT}`);
    const { txt } = await render(loadFile(FJALLBY));
    // The total's row as written, up to the blank line that ends its table.
    const start = txt.indexOf('Summa: September');
    const row = txt.slice(start, txt.indexOf('\n\n', start));
    const said = phonemes(row).split('\n').map((l) => l.trim()).filter(Boolean);
    // espeak-ng starts a line of phonemes at each sentence or clause it reads apart.
    expect(said.some((l) => /ˈɔktuːbər vˈɛːrdə sˈɑːknas/u.test(l))).toBe(true);
  });
});

describe('a labelled line whose label ends a sentence', () => {
  const NORRVIK = resolve(ROOT, 'examples/norrvik-bun-2024-malmodell/rapport.yaml');

  it('has no colon glued to the stop of a goal written as a sentence, in every dialect, and keeps the colon after other labels', async () => {
    for (const raw of [{}, { dialect: 'plain' }, { markdown: true }]) {
      const r = await render(loadFile(NORRVIK), raw);
      for (const out of [r.txt, r.md ?? '']) {
        expect(unwrap(out)).not.toMatch(/[.!?]\**:/u);
      }
      // The summary's row of a kommunfullmäktige goal, which its author ends with a full stop.
      expect(unwrap(r.txt)).toContain('Alla barn och unga ska ges förutsättningar att lyckas i skolan. Mål Fler elever ska vara behöriga till gymnasiet.');
      expect(r.txt).toMatch(/^Period: januari/mu);
    }
  });
});


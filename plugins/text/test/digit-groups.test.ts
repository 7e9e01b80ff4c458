// Digit groups an author wrote with ordinary spaces, read for speech: one number where the
// grouping is unambiguous, two numbers where a space and three digits follow a number they do
// not belong to. espeak-ng joins any number and three digits after a space: "08-123 456 78"
// was said "noll åtta, etthundratjugotretusen fyrahundrafemtiosex, sjuttioåtta".
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { espeakAvailable, INSTALL_HINT, phonemes } from '../scripts/speech.mjs';
import { ROOT, SOLBERGA, loadFile, loadText, render } from './helpers.js';

const EKDALA = resolve(ROOT, 'examples/ekdala-kf-2024-delar2/rapport.yaml');
const NORRVIK = resolve(ROOT, 'examples/norrvik-bun-2024-malmodell/rapport.yaml');
const unwrap = (s: string) => s.replace(/\s+/gu, ' ');

describe('digit groups written with spaces, read for speech', () => {
  it("joins the Solberga example's figures grouped by spaces", async () => {
    const text = unwrap((await render(loadFile(SOLBERGA))).txt);
    expect(text).toContain('Hemtjänsten utför i genomsnitt 41200 timmar i månaden');
    expect(text).toContain('Antalet brukare är 1020.');
    expect(text).toContain('Nämnden hyr 64000 kvadratmeter lokaler');
    expect(text).toContain('är 1161 komma 6 miljoner kronor');
  });

  it('espeak-ng reads a column with a year and its value of three digits as two numbers', async () => {
    if (!espeakAvailable()) throw new Error(`espeak-ng is needed for this test and is not installed. Install it with: ${INSTALL_HINT}`);
    // "Utfall 2023 124" was said "två miljoner tjugotre tusen etthundratjugofyra".
    const text = unwrap((await render(loadFile(NORRVIK))).txt);
    const row = /Energianvändning i skolornas lokaler \(kilowattimmar per kvadratmeter\): [^.]*\./u.exec(text)![0];
    expect(row).toContain('Utfall 2023, 124');
    const said = phonemes(row);
    expect(said).not.toMatch(/mɪljˈuːnɛr/u);
    expect(said).toMatch(/tvˈoː tˈʉsɛn ɕˌʉɡɔtrˈeː\s+ˈɛthˈɵndra ɕˌʉɡɔfˈyːra/u);
  });

  it('espeak-ng reads a telephone number as its groups, not as one number', async () => {
    if (!espeakAvailable()) throw new Error(`espeak-ng is needed for this test and is not installed. Install it with: ${INSTALL_HINT}`);
    const yaml = readFileSync(EKDALA, 'utf8').replace('  email: ekonomi@ekdala.example\n', '  email: ekonomi@ekdala.example\n  phone: 08-123 456 78\n');
    const { txt } = await render(loadText(yaml, EKDALA));
    const line = txt.split('\n').find((l) => l.startsWith('Kontakt:'))!;
    expect(line).toContain('08-123');
    const said = phonemes(line);
    // "etthundratjugotre" and "fyrahundrafemtiosex" apart, no "tusen" joining them.
    expect(said).toMatch(/ˈɛthˈɵndra ɕˌʉɡɔtrˈeː/u);
    expect(said).not.toMatch(/tˈʉsɛn/u);
  });
});

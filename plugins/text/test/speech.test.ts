// Speech: espeak-ng reads the summary section of the Eskilstuna example, rendered in the
// speech dialect (the default), into a WAV file in test-artifacts/text/. The text given to the
// engine must hold no symbol names, bullets or pipes, and numbers as digits with the decimal comma said as a word.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkSections } from '@kommunrapport/core';
import { espeakAvailable, INSTALL_HINT, phonemes, sectionText, speak, wavInfo } from '../scripts/speech.mjs';
import { ARTIFACTS, EXAMPLE, headings, loadFile, render } from './helpers.js';

/** Names a careless renderer or engine would say for symbols and markup. */
const SYMBOL_NAMES = ['bullet', 'pipe', 'asterisk', 'circle', 'arrow', 'check mark', 'cirkel', 'pil', 'asterisk', 'bock', 'lodstreck'];

describe('speech', () => {
  it('espeak-ng reads the summary section to a WAV file from clean input', async () => {
    if (!espeakAvailable()) throw new Error(`espeak-ng is needed for this test and is not installed. Install it with: ${INSTALL_HINT}`);
    const r = await render(loadFile(EXAMPLE));
    const sections = [...walkSections(r.doc.sections)];
    const index = sections.findIndex((s) => s.role === 'summary');
    expect(index).toBeGreaterThanOrEqual(0);
    const number = headings(r.txt)[index]!.number;
    const input = sectionText(r.txt, number);
    expect(input.startsWith(`${number} ${sections[index]!.title}\n`)).toBe(true);

    // Clean input: no symbol, no symbol name, no bullet, no pipe.
    expect(input).not.toMatch(/[|•●◐○↗→↘✓✔⚠◔◕*#]/u);
    expect(input).not.toMatch(new RegExp(`(?<!\\p{L})(${SYMBOL_NAMES.join('|')})(?!\\p{L})`, 'iu'));
    for (const scale of ['assessment', 'trend', 'commitmentStatus', 'completion'] as const)
      for (const step of r.ctx.vocabulary.steps(scale)) expect(input).not.toContain(step.symbol);
    // Numbers as digits with the decimal comma as a word, the sign as a word, no thousands separator to misread.
    const body = input.split('\n').filter((l, i, all) => !(i === 0 || (all[i - 1] === '' && all[i - 2] === '')));
    expect(body.join('\n')).toMatch(/\d+\u00a0komma\u00a0\d+/);
    expect(body.join('\n')).not.toMatch(/\d[.,]\d/);
    expect(input).not.toContain('\u2212');
    expect(input).not.toMatch(/\d\u00a0\d/);

    mkdirSync(ARTIFACTS, { recursive: true });
    const textFile = join(ARTIFACTS, 'summary.txt');
    const wavFile = join(ARTIFACTS, 'summary.wav');
    writeFileSync(textFile, input);
    speak(textFile, wavFile, r.report.language);
    const wav = wavInfo(readFileSync(wavFile));
    const words = input.split(/\s+/).filter(Boolean).length;
    expect(wav.format).toBe(1);
    expect(wav.dataBytes).toBeGreaterThan(100_000);
    // espeak-ng speaks about 175 words a minute: the sound must be as long as the words need.
    expect(wav.seconds).toBeGreaterThan(words / 6);
    expect(wav.seconds).toBeLessThan(words);
  });

  it('names the install command when espeak-ng is missing', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(espeakAvailable()).toBe(false);
      expect(() => speak('in.txt', 'out.wav')).toThrow('sudo apt-get install -y espeak-ng (or pnpm run setup)');
      expect(() => phonemes('text')).toThrow('sudo apt-get install -y espeak-ng (or pnpm run setup)');
    } finally {
      process.env.PATH = path;
    }
  });

  it('reads the length of a WAV file from its header', () => {
    const header = Buffer.alloc(44);
    header.write('RIFF', 0, 'latin1');
    header.writeUInt32LE(36 + 44100, 4);
    header.write('WAVEfmt ', 8, 'latin1');
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(22050, 24);
    header.writeUInt32LE(44100, 28);
    header.writeUInt16LE(2, 32);
    header.writeUInt16LE(16, 34);
    header.write('data', 36, 'latin1');
    header.writeUInt32LE(44100, 40);
    const wav = wavInfo(Buffer.concat([header, Buffer.alloc(44100)]));
    expect(wav).toEqual({ format: 1, channels: 1, sampleRate: 22050, byteRate: 44100, bitsPerSample: 16, dataBytes: 44100, seconds: 1 });
    expect(() => wavInfo(Buffer.from('not a wav file'))).toThrow('no RIFF/WAVE header');
  });
});

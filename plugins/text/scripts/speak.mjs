#!/usr/bin/env node
// Speaks a whole report with espeak-ng and prints how long it takes to listen to: renders
// rapport.txt in its default speech dialect, writes it and the WAV to test-artifacts/text/.
//
//   node --import tsx --conditions=@kommunrapport/source plugins/text/scripts/speak.mjs [rapport.yaml] [out-dir]
//   (or, after `pnpm build` of model, core and plugin-text: node plugins/text/scripts/speak.mjs …)
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReport, formatDiagnostic } from '@kommunrapport/model';
import { createRenderContext } from '@kommunrapport/core';
import plugin, { TextOptions } from '@kommunrapport/plugin-text';
import { espeakAvailable, formatDuration, INSTALL_HINT, speak, wavInfo } from './speech.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const file = resolve(process.argv[2] ?? join(root, 'examples/eskilstuna-ks-2022-delar2/rapport.yaml'));
const out = resolve(process.argv[3] ?? join(root, 'test-artifacts/text'));

if (!espeakAvailable()) {
  console.error(`espeak-ng is not installed. Install it with: ${INSTALL_HINT}`);
  process.exit(1);
}
const { report, diagnostics } = loadReport(readFileSync(file, 'utf8'), file);
if (!report) {
  console.error(diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  process.exit(1);
}
const options = TextOptions.decode({});
if (options._tag === 'Left') throw new Error('speech options do not decode');
const [text] = await plugin.render(report, createRenderContext(report, options.right));
mkdirSync(out, { recursive: true });
const textFile = join(out, 'rapport-speech.txt');
const wavFile = join(out, 'rapport.wav');
writeFileSync(textFile, text.contents);
const started = performance.now();
speak(textFile, wavFile, report.language);
const took = (performance.now() - started) / 1000;
const wav = wavInfo(readFileSync(wavFile));
const words = String(text.contents).split(/\s+/).filter(Boolean).length;
console.log(`${file}`);
console.log(`text: ${textFile} (${words} words)`);
console.log(`wav:  ${wavFile} (${(statSync(wavFile).size / 1e6).toFixed(1)} MB, ${wav.sampleRate} Hz, ${wav.bitsPerSample} bit, ${wav.channels} channel)`);
console.log(`duration: ${formatDuration(wav.seconds)} (${wav.seconds.toFixed(1)} s); synthesised in ${took.toFixed(1)} s`);

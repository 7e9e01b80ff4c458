// Speech synthesis of the rendered text with espeak-ng (Debian package espeak-ng), shared
// by the speech test and scripts/speak.mjs: run the engine, read a WAV header, cut one
// section out of rapport.txt.
import { spawnSync } from 'node:child_process';

/** The command that installs the engine on Debian and Ubuntu. */
export const INSTALL_HINT = 'sudo apt-get install -y espeak-ng (or pnpm run setup)';

/** Whether espeak-ng can be run. */
export function espeakAvailable() {
  const r = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' });
  return !r.error && r.status === 0;
}

/**
 * Speaks a UTF-8 text file into a WAV file with the voice of `language` (default `sv`).
 * Throws with the install command when espeak-ng is missing, with its message when it fails.
 */
export function speak(textFile, wavFile, language = 'sv') {
  const r = spawnSync('espeak-ng', ['-v', language, '-w', wavFile, '-f', textFile], { encoding: 'utf8' });
  if (r.error && r.error.code === 'ENOENT') throw new Error(`espeak-ng is not installed. Install it with: ${INSTALL_HINT}`);
  if (r.error || r.status !== 0) throw new Error(`espeak-ng failed (exit ${r.status}) on ${textFile}: ${r.error?.message ?? r.stderr}`);
}

/**
 * The phonemes espeak-ng says for a text (`-q --ipa`), with its language switches such as
 * "(en)…(sv)" where it changes voice. Throws with the install command when espeak-ng is missing.
 */
export function phonemes(text, language = 'sv') {
  const r = spawnSync('espeak-ng', ['-v', language, '-q', '--ipa', '--stdin'], { input: text, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error && r.error.code === 'ENOENT') throw new Error(`espeak-ng is not installed. Install it with: ${INSTALL_HINT}`);
  if (r.error || r.status !== 0) throw new Error(`espeak-ng failed (exit ${r.status}): ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

/** Reads a RIFF/WAVE header: format, sample rate, channels, bits, the bytes of sound and its length in seconds. */
export function wavInfo(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WAVE')
    throw new Error('not a WAV file: no RIFF/WAVE header');
  let offset = 12;
  let fmt;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('latin1', offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      fmt = { format: buf.readUInt16LE(body), channels: buf.readUInt16LE(body + 2), sampleRate: buf.readUInt32LE(body + 4), byteRate: buf.readUInt32LE(body + 8), bitsPerSample: buf.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!fmt) throw new Error('WAV data chunk before its fmt chunk');
      // A streamed WAV may leave the size unset: the sound then runs to the end of the file.
      const dataBytes = size === 0 || body + size > buf.length ? buf.length - body : size;
      return { ...fmt, dataBytes, seconds: dataBytes / fmt.byteRate };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV file without a data chunk');
}

/** Seconds as "1 h 02 min 05 s" / "3 min 07 s". */
export function formatDuration(seconds) {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n) => String(n).padStart(2, '0');
  return h > 0 ? `${h} h ${pad(m)} min ${pad(s % 60)} s` : `${m} min ${pad(s % 60)} s`;
}

/**
 * The text of one numbered section of rapport.txt (its heading, body and subsections): from
 * the heading `number` to the next heading at the same or a higher level.
 */
export function sectionText(txt, number) {
  const lines = txt.split('\n');
  const isHeading = (i) => i >= 2 && lines[i - 1] === '' && lines[i - 2] === '' && lines[i] !== '';
  const depth = number.split('.').length;
  const start = lines.findIndex((l, i) => isHeading(i) && l.startsWith(`${number} `));
  if (start < 0) throw new Error(`no heading numbered ${number} in the text`);
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    const m = isHeading(i) ? /^(\d+(?:\.\d+)*) /.exec(lines[i]) : null;
    if (m && m[1].split('.').length <= depth) {
      end = i;
      break;
    }
  }
  return `${lines.slice(start, end).join('\n').trim()}\n`;
}

// Types of speech.mjs, for the TypeScript tests that use it.
/** The command that installs the engine on Debian and Ubuntu. */
export declare const INSTALL_HINT: string;
/** Whether espeak-ng can be run. */
export declare function espeakAvailable(): boolean;
/** Speaks a UTF-8 text file into a WAV file with the voice of `language` (default `sv`). */
export declare function speak(textFile: string, wavFile: string, language?: string): void;
/** The phonemes espeak-ng says for a text (`-q --ipa`), with language switches such as "(en)…(sv)". */
export declare function phonemes(text: string, language?: string): string;
/** What a WAV header says. */
export interface WavInfo {
  format: number;
  channels: number;
  sampleRate: number;
  byteRate: number;
  bitsPerSample: number;
  dataBytes: number;
  seconds: number;
}
/** Reads a RIFF/WAVE header. */
export declare function wavInfo(bytes: Uint8Array): WavInfo;
/** Seconds as "1 h 02 min 05 s" / "3 min 07 s". */
export declare function formatDuration(seconds: number): string;
/** The text of one numbered section of rapport.txt, subsections included. */
export declare function sectionText(txt: string, number: string): string;

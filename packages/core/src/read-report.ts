// Reads one report and finds everything that can be found before rendering: the file's
// size and encoding, the YAML, the model and its consistency rules, the images of its text
// and the vocabulary's colours. `validate` and `build` both call this, so the one reports
// exactly the findings the other refuses or warns about before any format is rendered.
import { decodeSource, loadReport, type Diagnostic, type Locate, type Report } from '@kommunrapport/model';
import { vocabularyColourFindings } from './contrast.js';
import { loadImages, type ImageFiles } from './images.js';
import { readInputFile } from './read-input.js';

/** A report read and checked, with every finding before rendering. */
export interface ReadReport {
  /** The report, when it could be decoded (it may still have errors among `diagnostics`). */
  report?: Report;
  /** Where a path of the report is written, for findings found later. */
  locate?: Locate;
  /** The images of its text, read from the report's folder. */
  images: ImageFiles;
  /** Every finding, in the order found. */
  diagnostics: Diagnostic[];
  /** Set when the file could not be read at all (no such file, a folder, a FIFO): an I/O problem, not a bad report. */
  unreadable?: Diagnostic;
}

/**
 * Reads `file` (an absolute path; `display` names it in findings) and checks it as a
 * build does before rendering. Never throws for bad input.
 */
export async function readReport(file: string, display: string): Promise<ReadReport> {
  // Only a regular file is read, never more than the size limit (a FIFO or a device is refused).
  const input = await readInputFile(file, { display });
  if (input.diagnostic && input.diagnostic.code !== 'input-too-large') return { images: new Map(), diagnostics: [input.diagnostic], unreadable: input.diagnostic };
  const source = input.bytes ? decodeSource(input.bytes, display) : { text: undefined, diagnostics: [input.diagnostic!] };
  if (source.text === undefined) return { images: new Map(), diagnostics: source.diagnostics };
  const loaded = loadReport(source.text, display);
  const { report, locate } = loaded;
  if (!report) return { images: new Map(), diagnostics: loaded.diagnostics, ...(locate ? { locate } : {}) };
  // The images of its text, read from the report's folder once and embedded by the writers.
  const read = loadImages(report, file, { display, text: source.text, ...(locate ? { locate } : {}) });
  const colours = vocabularyColourFindings(report, { file: display, ...(locate ? { locate } : {}) });
  return { report, images: read.images, diagnostics: [...loaded.diagnostics, ...read.diagnostics, ...colours], ...(locate ? { locate } : {}) };
}

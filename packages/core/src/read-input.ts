// Reading an input file (a report, a config file, a published data file) safely: only a
// regular file is read, and never more than the size limit. A named pipe nobody writes, a
// device that never ends (/dev/zero) or a socket would otherwise block the command for ever
// or fill its memory; a file whose size the system does not know (/proc) is read only up
// to the limit. Every refusal is a diagnostic with the file, what was found and a fix.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { checkSize, LIMITS, modelDiagnostic, type Diagnostic } from '@kommunrapport/model';
import { messageOf } from './build-error.js';

/** The result of {@link readInputFile}: the bytes, or the diagnostic why they were not read. */
export type InputFile = { bytes: Uint8Array; diagnostic?: undefined } | { bytes?: undefined; diagnostic: Diagnostic };

/** Options of {@link readInputFile}. */
export interface ReadInputOptions {
  /** How the file is named in the diagnostic (default the path as given). */
  display?: string;
  /** The most bytes read (default the report limit, 10 MB). */
  maxBytes?: number;
}

/** What a special file is, in words. */
function kindOf(stats: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isDirectory(): boolean }): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

/**
 * Reads a file if it is a regular file within the size limit. Opens without blocking (a
 * FIFO without a writer does not hang) and reads at most `maxBytes` + 1 bytes. Never throws.
 */
export async function readInputFile(file: string, options: ReadInputOptions = {}): Promise<InputFile> {
  const shown = options.display ?? file;
  const max = options.maxBytes ?? LIMITS.maxBytes;
  const refuse = (reason: string, hint: string): InputFile => ({
    diagnostic: modelDiagnostic('file-unreadable', { file: shown, reason }, { file: shown, expected: 'a regular file', found: reason, hint }),
  });
  const notAFile = (what: string): InputFile => ({
    diagnostic: modelDiagnostic('not-a-file', { file: shown, kind: what }, { file: shown, expected: 'a regular file', found: what }),
  });
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENXIO' || code === 'EOPNOTSUPP') return notAFile('a socket');
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : messageOf(error);
    return refuse(reason, 'Check the path (relative to the current folder) and the permissions.');
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) return refuse('it is a folder', 'Give the path of a file in the folder.');
    if (!stats.isFile()) return notAFile(kindOf(stats));
    const tooLarge = checkSize(stats.size, shown, max);
    if (tooLarge) return { diagnostic: tooLarge };
    // The size a file system reports can be 0 (/proc) or change while reading: read in
    // chunks up to one byte past the limit, whatever it said.
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buffer = new Uint8Array(Math.min(Math.max(stats.size - total, 64 * 1024), max + 1 - total));
      if (buffer.length === 0) break;
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > max) return { diagnostic: { ...checkSize(max + 1, shown, max)!, message: `The file is larger than ${Math.round(max / 1024 / 1024)} MB, the most a report may be, so it was not read.`, found: 'more than the limit' } };
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (error) {
    const reason = messageOf(error);
    return refuse(reason, 'Check the path and the permissions.');
  } finally {
    await handle.close().catch(() => undefined);
  }
}

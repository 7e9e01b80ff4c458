// The images of a report's rich text, read once by the build: each file the report names
// (`![alt](bilder/karta.png)`, relative to the report file) is read from the report's folder
// only (a link leading out of it is refused), within the size limits, and judged PNG or JPEG
// by its first bytes, never by its name. Every refusal is a diagnostic with the report's
// file, the line of the image, the path of the text and a fix. The document then carries
// the bytes, so writers embed them without touching the file system.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirname, relative, resolve, isAbsolute, sep } from 'node:path';
import { formatPath, LIMITS, modelDiagnostic, type Diagnostic, type ImageBlock, type Locate, type Report } from '@kommunrapport/model';

/** An image file as read: its bytes, what its first bytes say it is, and its size in pixels. */
export interface ImageFile {
  /** The path as the report wrote it, relative to the report's folder. */
  src: string;
  bytes: Uint8Array;
  mediaType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

/** The images of a report by their `src`. */
export type ImageFiles = ReadonlyMap<string, ImageFile>;

/** An image block of a report's rich text and the path of the text that holds it. */
export interface ImageUse {
  image: ImageBlock;
  /** The path of the rich text (e.g. `sections[1].body`). */
  path: (string | number)[];
}

const isImage = (u: unknown): u is ImageBlock => {
  const n = u as Partial<ImageBlock> | null;
  return typeof n === 'object' && n !== null && n.type === 'image' && typeof n.src === 'string' && typeof n.alt === 'string';
};

/** Every image of a report's rich text, in the order of the report, with the path of its text. */
export function findImages(report: Report): ImageUse[] {
  const out: ImageUse[] = [];
  // One path, extended and shortened as the walk goes down and up, copied only for an
  // image: a copy for every value of the report cost about 3 ms per report.
  visitImages(report, [], out);
  return out;
}

// At module level rather than nested in findImages: V8 drops the optimised code of a closure
// made per report at each full collection, and a batch would compile this walk again.
function visitImages(value: object, path: (string | number)[], out: ImageUse[]): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (isImage(item)) out.push({ image: item, path: [...path] });
      else if (typeof item === 'object' && item !== null) {
        path.push(i);
        visitImages(item, path, out);
        path.pop();
      }
    }
  } else {
    for (const key of Object.keys(value)) {
      const v: unknown = (value as Record<string, unknown>)[key];
      if (typeof v === 'object' && v !== null) {
        path.push(key);
        visitImages(v, path, out);
        path.pop();
      }
    }
  }
}

/** What {@link sniffImage} says of a PNG file that ends before its last chunk. */
const PNG_CUT_SHORT = 'a PNG file cut short (it ends before its last chunk)';

/** What the first bytes of a file say it is, with its size in pixels for PNG and JPEG. */
export function sniffImage(bytes: Uint8Array): { mediaType: ImageFile['mediaType']; width: number; height: number } | { found: string } {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) {
    // The first chunk is IHDR: width and height, then bit depth and colour type.
    if (bytes.length < 33 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return { found: 'a PNG file with a damaged header' };
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    if (width === 0 || height === 0) return { found: 'a PNG file with a damaged header' };
    // The chunks from IHDR on, each a length, a type, its data and a CRC, up to IEND: a file
    // whose copy or download stopped early ends inside a chunk or before IEND, and the PDF
    // writer would fail on it with no place in the report to point at.
    let at = 8;
    let data = false;
    while (at + 12 <= bytes.length) {
      const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      const next = at + 12 + view.getUint32(at);
      if (next > bytes.length) break;
      if (type === 'IEND') return data ? { mediaType: 'image/png', width, height } : { found: 'a PNG file without image data' };
      if (type === 'IDAT') data = true;
      at = next;
    }
    return { found: PNG_CUT_SHORT };
  }
  if (starts(0xff, 0xd8, 0xff)) {
    // Walk the markers to the first start of frame (SOF0–SOF15 but DHT, JPG and DAC), which holds the size.
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) break;
      const marker = bytes[at + 1]!;
      if (marker === 0xff) {
        at++;
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        at += 2;
        continue;
      }
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const height = view.getUint16(at + 5);
        const width = view.getUint16(at + 7);
        return width > 0 && height > 0 ? { mediaType: 'image/jpeg', width, height } : { found: 'a JPEG file with a damaged header' };
      }
      if (marker === 0xd9 || marker === 0xda) break;
      at += 2 + view.getUint16(at + 2);
    }
    return { found: 'a JPEG file with a damaged header' };
  }
  if (starts(0x47, 0x49, 0x46, 0x38)) return { found: 'a GIF file' };
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return { found: 'a WebP file' };
  if (starts(0x42, 0x4d)) return { found: 'a BMP file' };
  if (starts(0x25, 0x50, 0x44, 0x46)) return { found: 'a PDF file' };
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return { found: 'an SVG file' };
  return { found: bytes.length === 0 ? 'an empty file' : 'a file of an unknown kind' };
}

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 10 * 1024 ? `${Math.ceil(n / 1024)} kB` : `${n} bytes`);

/** Options of {@link loadImages}. */
export interface LoadImagesOptions {
  /** How the report file is named in diagnostics (default as given). */
  display?: string;
  /** Where a path of the report stands in its text, for the line of a diagnostic. */
  locate?: Locate;
  /** The report's text, to find the line of the image within its text. */
  text?: string;
  /** Limits (tests lower them). */
  maxBytes?: number;
  maxPixels?: number;
}

/**
 * Reads every image of a report from the report's folder: each distinct `src` once, the
 * bytes checked (size, PNG or JPEG by content, pixels). Never throws; a refusal is a
 * diagnostic (`image-unreadable`, `image-too-large`, `image-format`) and the image is
 * left out of the map, so the caller refuses to build.
 */
export function loadImages(report: Report, reportFile: string, options: LoadImagesOptions = {}): { images: ImageFiles; diagnostics: Diagnostic[] } {
  const images = new Map<string, ImageFile>();
  const diagnostics: Diagnostic[] = [];
  const uses = findImages(report);
  if (uses.length === 0) return { images, diagnostics };
  const shown = options.display ?? reportFile;
  const maxBytes = options.maxBytes ?? LIMITS.maxImageBytes;
  const maxPixels = options.maxPixels ?? LIMITS.maxImagePixels;
  const folder = dirname(resolve(reportFile));
  let realFolder: string;
  try {
    realFolder = realpathSync(folder);
  } catch {
    realFolder = folder;
  }
  const lines = options.text?.split(/\r\n|\r|\n/);
  const done = new Set<string>();
  for (const { image, path } of uses) {
    if (done.has(image.src)) continue;
    done.add(image.src);
    // Where the image is written, for a finding only: locating can mean composing the whole
    // YAML document with source positions, which a report read on the fast path skips.
    const where = () => {
      const at = options.locate?.(path);
      // The image's own line: the first line at or after the text's that names the file.
      let line = at?.line;
      if (line !== undefined && lines) {
        const k = lines.findIndex((l, i) => i >= line! - 1 && l.includes(`](${image.src}`));
        if (k >= 0) line = k + 1;
      }
      return { file: shown, path: formatPath(path), ...(line !== undefined ? { line } : {}), found: image.src };
    };
    const unreadable = (reason: string, hint?: string) => diagnostics.push(modelDiagnostic('image-unreadable', { src: image.src, reason }, { ...where(), expected: 'a PNG or JPEG file in the report\'s folder', ...(hint ? { hint } : {}) }));
    const file = resolve(folder, image.src);
    let real: string;
    try {
      real = realpathSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      unreadable(code === 'ENOENT' ? 'there is no such file in the report\'s folder' : code === 'EACCES' ? 'permission denied' : `it could not be opened (${code ?? 'error'})`);
      continue;
    }
    const inside = relative(realFolder, real);
    if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
      unreadable('it leads out of the report\'s folder through a link', 'Copy the image itself into the report\'s folder instead of linking to a file elsewhere.');
      continue;
    }
    let fd: number | undefined;
    try {
      fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
      const stats = fstatSync(fd);
      if (stats.isDirectory()) {
        unreadable('it is a folder');
        continue;
      }
      if (!stats.isFile()) {
        unreadable('it is not a regular file');
        continue;
      }
      if (stats.size > maxBytes) {
        diagnostics.push(modelDiagnostic('image-too-large', { src: image.src, size: formatBytes(stats.size), max: formatBytes(maxBytes) }, { ...where(), expected: `at most ${formatBytes(maxBytes)}` }));
        continue;
      }
      const bytes = new Uint8Array(stats.size);
      let read = 0;
      while (read < bytes.length) {
        const n = readSync(fd, bytes, read, bytes.length - read, null);
        if (n === 0) break;
        read += n;
      }
      const sniffed = sniffImage(bytes.subarray(0, read));
      if ('found' in sniffed) {
        const cut = sniffed.found === PNG_CUT_SHORT ? { hint: 'The file is incomplete, as when a copy or download stops early: save or export the image again and replace the file.' } : {};
        diagnostics.push(modelDiagnostic('image-format', { src: image.src, found: sniffed.found }, { ...where(), expected: 'a PNG or JPEG file', found: `${image.src}: ${sniffed.found}`, ...cut }));
        continue;
      }
      if (sniffed.width > maxPixels || sniffed.height > maxPixels) {
        const size = `${sniffed.width} × ${sniffed.height} pixels`;
        diagnostics.push(modelDiagnostic('image-too-large', { src: image.src, size, max: `${maxPixels} pixels wide and high` }, { ...where(), expected: `at most ${maxPixels} × ${maxPixels} pixels`, found: `${image.src}: ${size}` }));
        continue;
      }
      images.set(image.src, { src: image.src, bytes: bytes.subarray(0, read), ...sniffed });
    } catch (error) {
      unreadable(`it could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  return { images, diagnostics };
}

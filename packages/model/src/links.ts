// Links a published report cannot hold. A Markdown link whose address is not https://,
// http:// or mailto: (a file such as "bilaga.pdf", an anchor, "javascript:", nothing) is
// kept by no format: rich-text.ts writes its words only. The author is told where, as a
// warning found on the text as written (before decoding, so paths and lines are the file's).
import { formatPath, modelDiagnostic, type Diagnostic } from './diagnostics.js';
import { SAFE_URL } from './rich-text.js';
import type { Locate } from './source.js';

/** A Markdown link, not an image: its words and its address (up to a space, ">" or ")"). */
const LINK = /(?<!!)\[([^\]\n]*)\]\(\s*<?([^\s)>]*)/g;

/** Where the findings are placed. */
export interface LinkOptions {
  file?: string;
  locate?: Locate;
}

function checkText(text: string, path: (string | number)[], options: LinkOptions, out: Diagnostic[]): void {
  for (const m of text.matchAll(LINK)) {
    const address = m[2]!;
    if (SAFE_URL.test(address)) continue;
    const pos = options.locate?.(path);
    out.push(modelDiagnostic('link-address', { text: m[1]!, address }, {
      path: formatPath(path),
      ...(options.file !== undefined ? { file: options.file } : {}),
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      expected: 'a link to https://, http:// or mailto:',
      found: `[${m[1]!}](${address})`,
    }));
  }
}

function walk(value: unknown, path: (string | number)[], options: LinkOptions, out: Diagnostic[]): void {
  if (typeof value === 'string') {
    // Most texts hold no link: the quick test keeps the walk cheap.
    if (value.includes('](')) checkText(value, [...path], options, out);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walk(value[i], path, options, out);
      path.pop();
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      path.push(k);
      walk(v, path, options, out);
      path.pop();
    }
  }
}

/** Every Markdown link in the texts of a parsed report whose address no output can link to, in the file's order. */
export function findUnlinkableLinks(value: unknown, options: LinkOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  walk(value, [], options, out);
  return out;
}

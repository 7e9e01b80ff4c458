// Loading a report from YAML text in one call: parse → decode → check. The report comes
// back deep-frozen, and only when parsing and decoding succeeded; check findings are
// returned beside it and callers decide what an error means for them.
import { parseYaml } from './source.js';
import { decodeReport } from './decode.js';
import { checkReport } from './check/index.js';
import { findControlCharacters } from './control-characters.js';
import { findUnlinkableLinks } from './links.js';
import type { Diagnostic } from './diagnostics.js';
import type { Report } from './report.js';
import type { Locate, ParseOptions } from './source.js';

export { hasErrors } from './diagnostics.js';

/** The result of {@link loadReport}. */
export interface LoadResult {
  /** The frozen report; absent when the text could not be parsed or decoded. */
  report?: Report;
  /** Every finding: parse, decode and check, in that order. */
  diagnostics: Diagnostic[];
  /** Maps a path in the report to its line and column, when the text could be parsed; for findings made later (by plugins). */
  locate?: Locate;
}

/** Freezes a value and everything it holds. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Parses, decodes and checks a report written as YAML (or JSON, which is YAML); `parseOptions` are {@link parseYaml}'s. */
export function loadReport(text: string, file?: string, parseOptions?: ParseOptions): LoadResult {
  const parsed = parseYaml(text, file, parseOptions);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  const options = { ...(file !== undefined ? { file } : {}), locate: parsed.locate };
  // Invisible control characters break HTML and XML: an error wherever they are.
  const control = findControlCharacters(parsed.value, options);
  const decoded = decodeReport(parsed.value, options);
  if (!decoded.report) return { diagnostics: [...control, ...decoded.diagnostics] };
  const report = deepFreeze(decoded.report);
  return { report, locate: parsed.locate, diagnostics: [...control, ...findUnlinkableLinks(parsed.value, options), ...checkReport(report, options)] };
}

// Every code the commands give is in the one catalogue (core's `catalogue()`: the model's
// findings, the build's problems, the import and kolada commands' codes), with the severity
// the command gives it, so the troubleshooting docs generated from it list every code a
// user can meet. The codes are read from the command's sources: a new code written at a
// call site and not added to the catalogue fails here.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogue } from '@kommunrapport/core';

const src = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Codes as the sources write them: `code: 'x'` (with its severity when it follows), and the code argument of the import's problem helpers. */
function codesUsed(): { code: string; severity?: string; file: string }[] {
  const out: { code: string; severity?: string; file: string }[] = [];
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/code: '([a-z0-9-]+)',\s*severity: '([a-z]+)'/g)) out.push({ code: m[1]!, severity: m[2]!, file });
    for (const m of text.matchAll(/code: '([a-z0-9-]+)'(?!,\s*severity)/g)) out.push({ code: m[1]!, file });
    // workbookProblem(file, 'code', …), located(file, grid, 'code', …), problem('code', …): errors.
    for (const m of text.matchAll(/(?:workbookProblem\([^,]+, |located\([^,]+, [^,]+, |problem\()'([a-z0-9-]+)'/g)) out.push({ code: m[1]!, severity: 'error', file });
  }
  return out;
}

/** Codes given at another severity than the catalogue's on purpose, with the reason. */
const OTHER_SEVERITY: Record<string, string> = {
  // Options for a plugin nobody knows are most likely a misspelt plugin name, but may be meant for a plugin of another build: a warning (an error under --strict).
  'unknown-key': 'warning',
};

describe('the codes of the commands', () => {
  const known = new Map(catalogue().map((e) => [e.code, e.definition]));

  it('are read from the sources (the scan finds the import and kolada codes)', () => {
    const codes = new Set(codesUsed().map((c) => c.code));
    for (const code of ['import-cell-not-number', 'import-column-unknown', 'import-sheet-missing', 'import-range-invalid', 'kolada-unknown-kpi', 'kolada-no-data', 'kolada-unreachable', 'file-unwritable']) expect(codes, code).toContain(code);
  });

  it('are every one in the catalogue, with the severity the command gives it, a title, a meaning and a hint', () => {
    const missing = codesUsed().filter((c) => !known.has(c.code)).map((c) => `${c.code} (${c.file.slice(src.length)})`);
    expect(missing).toEqual([]);
    const disagree = codesUsed().filter((c) => c.severity !== undefined && known.get(c.code)!.severity !== c.severity && OTHER_SEVERITY[c.code] !== c.severity).map((c) => `${c.code}: ${c.severity} in ${c.file.slice(src.length)}, ${known.get(c.code)!.severity} in the catalogue`);
    expect(disagree).toEqual([]);
    for (const c of new Set(codesUsed().map((u) => u.code))) {
      const d = known.get(c)!;
      expect(d.title.length, c).toBeGreaterThan(0);
      expect(d.meaning.length, c).toBeGreaterThan(20);
      expect(d.hint.length, c).toBeGreaterThan(10);
      expect(typeof d.message, c).toBe('function');
    }
  });

  it('have each code once in the catalogue (a command code never shadows a model or build code)', () => {
    const codes = catalogue().map((e) => e.code);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
  });
});

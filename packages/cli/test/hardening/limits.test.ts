// The documented limits of a report file (packages/model/README.md, section Limits), each
// just below and just above its bound, with the limits lowered so the texts stay small.
import { describe, expect, it } from 'vitest';
import { LIMITS, countValues, decodeSource, nestingDepth, parseYaml } from '@kommunrapport/model';

const codes = (text: string, options: Parameters<typeof parseYaml>[2]) => parseYaml(text, 'f.yaml', options).diagnostics.map((d) => d.code);

describe('limits', () => {
  it('are the documented ones', () => {
    expect(LIMITS).toEqual({ maxBytes: 10 * 1024 * 1024, maxDepth: 64, maxAliasCount: 1000, maxValues: 50_000, maxRunLength: 2000, maxImageBytes: 5 * 1024 * 1024, maxImagePixels: 4000 });
  });

  it('size: at the limit is read, one byte more is input-too-large (UTF-8 bytes, not characters)', () => {
    expect(codes('a: 12345', { maxBytes: 8 })).toEqual([]);
    expect(codes('a: 123456', { maxBytes: 8 })).toEqual(['input-too-large']);
    expect(codes('a: åäö', { maxBytes: 8 })).toEqual(['input-too-large']);
    expect(decodeSource(new Uint8Array(9), 'f.yaml', { maxBytes: 8 }).diagnostics.map((d) => d.code)).toEqual(['input-too-large']);
  });

  it('values: at the limit is read, one more is too-many-values, placed at the first one over', () => {
    const list = (n: number) => `[${Array(n).fill('1').join(',')}]`;
    expect(countValues(list(20)).count).toBe(20);
    expect(codes(list(10), { maxValues: 10 })).toEqual([]);
    const over = parseYaml(`a:\n  ${list(11)}`, 'f.yaml', { maxValues: 11 }).diagnostics;
    expect(over).toMatchObject([{ code: 'too-many-values', line: 2, column: 24 }]);
  });

  it('nesting: 64 levels are read, 65 are nesting-too-deep, without recursion at 100 000', () => {
    const flow = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(nestingDepth(flow(64)).depth).toBe(64);
    expect(codes(flow(64), {})).toEqual([]);
    expect(codes(flow(65), {})).toEqual(['nesting-too-deep']);
    expect(nestingDepth(flow(100_000), 64).depth).toBe(65);
  });

  it('aliases: expansions over the limit are yaml-alias-limit; an alias without anchor is a syntax error naming it', () => {
    const laughs = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n';
    expect(codes(laughs, { maxAliasCount: 10 })).toEqual(['yaml-alias-limit']);
    expect(parseYaml('a: *nowhere\n', 'f.yaml').diagnostics).toMatchObject([{ code: 'yaml-syntax', line: 1, column: 4, found: '*nowhere' }]);
  });

  it('encoding: UTF-8 with or without BOM is read; UTF-16 and Latin-1 are file-encoding with line and column', () => {
    expect(decodeSource(Buffer.from('\ufeffa: å\n', 'utf8')).text).toBe('a: å\n');
    expect(decodeSource(Buffer.from('\ufeffa: 1\n', 'utf16le')).diagnostics).toMatchObject([{ code: 'file-encoding', found: 'UTF-16 (little-endian)' }]);
    expect(decodeSource(Buffer.from('a: 1\nb: å\n', 'latin1')).diagnostics).toMatchObject([{ code: 'file-encoding', line: 2, column: 4 }]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseYaml } from '../src/index.js';

describe('parseYaml', () => {
  it('reads YAML 1.2 core: `no` and `yes` stay text, 0999 is a number', () => {
    const r = parseYaml('a: no\nb: yes\nc: 0999\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual({ a: 'no', b: 'yes', c: 999 });
  });

  it('strips a byte-order mark and accepts CRLF line ends with correct lines', () => {
    const r = parseYaml('\ufeffa: 1\r\nb:\r\n  c: 2\r\n');
    expect(r.value).toEqual({ a: 1, b: { c: 2 } });
    expect(r.locate(['b', 'c'])).toEqual({ line: 3, column: 6 });
  });

  it('locates the value of a path, or its key on request', () => {
    const r = parseYaml('top:\n  list:\n    - x: 1\n      yy: 2\n');
    expect(r.locate(['top', 'list', 0, 'yy'])).toEqual({ line: 4, column: 11 });
    expect(r.locate(['top', 'list', 0, 'yy'], { key: true })).toEqual({ line: 4, column: 7 });
  });

  it('falls back to the nearest ancestor for a path that is not in the file', () => {
    const r = parseYaml('top:\n  a: 1\n');
    expect(r.locate(['top', 'missing'])).toEqual({ line: 2, column: 3 });
  });

  it('reports duplicate keys with code and line', () => {
    const r = parseYaml('a: 1\nb: 2\na: 3\n', 'x.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ code: 'yaml-duplicate-key', file: 'x.yaml', line: 3, column: 1, severity: 'error' }]);
  });

  it('reports a tab used as indentation once, not its consequences', () => {
    const r = parseYaml('a:\n\tb: 1\n\tc: 2\n');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'yaml-tab-indent', line: 2 });
  });

  it('stops an alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [n, p] of [['b', 'a'], ['c', 'b'], ['d', 'c']]) lines.push(`${n}: &${n} [${Array(10).fill(`*${p}`).join(', ')}]`);
    const r = parseYaml(lines.join('\n'), undefined, { maxAliasCount: 100 });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ code: 'yaml-alias-limit', line: 2 }]);
  });

  it('allows a few aliases', () => {
    const r = parseYaml('a: &a [1, 2]\nb: *a\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it('reports an empty file', () => {
    expect(parseYaml('# only a comment\n').diagnostics).toMatchObject([{ code: 'empty-file', line: 1 }]);
    expect(parseYaml('').diagnostics).toMatchObject([{ code: 'empty-file' }]);
  });

  it('reports a syntax error at its place', () => {
    const r = parseYaml('a: 1\nb: c: d\n');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', line: 2, column: 4 });
  });
});

describe('parseYaml on hostile input', () => {
  it('turns deep nesting into a diagnostic instead of a crash', () => {
    const r = parseYaml('['.repeat(20000));
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.code).toBe('nesting-too-deep');
  });
  it('rejects several documents in one file', () => {
    expect(parseYaml('a: 1\n---\nb: 2\n').diagnostics).toMatchObject([{ code: 'yaml-syntax', line: 2 }]);
  });
});

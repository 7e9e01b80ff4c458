// The check mode's diff summary and the embedding of example files into Markdown.
import { describe, expect, it } from 'vitest';
import { diffLines, summariseDiff } from '../src/diff.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embedExamples, embeddedFiles, typeCheckFiles } from '../src/embed.js';

describe('diffLines', () => {
  it('reports removed and added lines with their line numbers', () => {
    expect(diffLines('a\nb\nc\nd', 'a\nB\nc\nd\ne')).toEqual([
      { sign: '+', line: 2, text: 'B' },
      { sign: '-', line: 2, text: 'b' },
      { sign: '+', line: 5, text: 'e' },
    ]);
    expect(diffLines('same', 'same')).toEqual([]);
  });

  it('summarises with counts and cuts long diffs', () => {
    const old = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
    const summary = summariseDiff(old, '', 5);
    expect(summary.split('\n')[0]).toBe('1 lines added, 30 removed:');
    expect(summary).toContain('… and 26 more changed lines');
  });
});

describe('embedExamples', () => {
  const files: Record<string, string> = { 'docs/examples/a.ts': 'export const a = 1;\n' };
  const md = 'Intro\n\n<!-- embed: docs/examples/a.ts -->\n```ts\nold code\n```\n<!-- /embed -->\n\nEnd\n';

  it('replaces the code between the markers with the file', () => {
    const out = embedExamples(md, (p) => files[p]!);
    expect(out).toBe('Intro\n\n<!-- embed: docs/examples/a.ts -->\n```ts\nexport const a = 1;\n```\n<!-- /embed -->\n\nEnd\n');
    expect(embedExamples(out, (p) => files[p]!)).toBe(out);
  });

  it('lists the embedded files', () => {
    expect(embeddedFiles(md)).toEqual(['docs/examples/a.ts']);
  });
});

describe('typeCheckFiles', () => {
  it('reports a type error in a sample with its file and line, and nothing for a good one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kr-embed-'));
    try {
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] } }));
      writeFileSync(join(dir, 'good.ts'), 'export const n: number = 1;\n');
      writeFileSync(join(dir, 'bad.ts'), "export const a = 1;\nexport const n: number = 'one';\n");
      const errors = typeCheckFiles(join(dir, 'tsconfig.json'), [join(dir, 'good.ts'), join(dir, 'bad.ts')], dir);
      expect(errors).toEqual([{ file: 'bad.ts', line: 2, message: "Type 'string' is not assignable to type 'number'." }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

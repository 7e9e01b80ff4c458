// The API extractor on an in-memory file system (docs-ts style): re-exports are followed,
// inferred types written out, comments and private names left out, names sorted.
import { describe, expect, it } from 'vitest';
import { Project } from 'ts-morph';
import { extractApi, kindOf } from '../src/extract.js';
import { renderApiReport } from '../src/report.js';

function project(files: Record<string, string>): Project {
  const p = new Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true, declaration: true, target: 99, module: 99, moduleResolution: 100 } });
  for (const [path, text] of Object.entries(files)) p.createSourceFile(path, text);
  return p;
}

const files = {
  '/repo/pkg/src/index.ts': "export * from './shapes.js';\nexport { area as surface } from './maths.js';\n",
  '/repo/pkg/src/shapes.ts': [
    '/** A shape. */',
    'export interface Shape { /** Its name. */ name: string; sides: number }',
    'export type Kind = "round" | "angular";',
    '/** Makes a square; the return type is inferred. */',
    "export const square = (side: number) => ({ name: 'square', sides: 4, side });",
    'export function kindOf(s: Shape): Kind { return s.sides === 0 ? "round" : "angular"; }',
    'function hidden() { return 1; }',
    'export let counter = hidden();',
  ].join('\n'),
  '/repo/pkg/src/maths.ts': 'export function area(w: number, h: number) { return w * h; }\nexport const unused = 1;\n',
};

describe('extractApi', () => {
  const { entries, problems } = extractApi(project(files), '/repo/pkg/src/index.ts');

  it('lists every exported name once, sorted, and nothing that is not exported from the entry', () => {
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.name)).toEqual(['Kind', 'Shape', 'counter', 'kindOf', 'square', 'surface']);
  });

  it('names the kind of each declaration', () => {
    const kinds = Object.fromEntries(entries.map((e) => [e.name, e.declarations.map((d) => d.kind).join(',')]));
    expect(kinds).toEqual({ Kind: 'type', Shape: 'interface', counter: 'let', kindOf: 'function', square: 'const', surface: 'function' });
  });

  it('writes inferred types out as declaration emit does, without comments or bodies', () => {
    const sig = (name: string) => entries.find((e) => e.name === name)!.declarations[0]!.signature;
    expect(sig('square')).toContain('export declare const square: (side: number) => {');
    expect(sig('square')).toContain('sides: number;');
    expect(sig('surface')).toBe('export declare function area(w: number, h: number): number;');
    expect(sig('counter')).toBe('export declare let counter: number;');
    expect(sig('Shape')).not.toContain('Its name');
    expect(sig('Shape')).toMatch(/name: string;\s+sides: number;/);
  });

  it('follows a signature change: a changed parameter type changes the entry', () => {
    const changed = { ...files, '/repo/pkg/src/maths.ts': 'export function area(w: bigint, h: bigint) { return w * h; }\n' };
    const again = extractApi(project(changed), '/repo/pkg/src/index.ts').entries;
    expect(again.find((e) => e.name === 'surface')!.declarations[0]!.signature).toBe('export declare function area(w: bigint, h: bigint): bigint;');
  });

  it('gives a codec and its type of the same name as two declarations', () => {
    const p = project({
      '/r/src/index.ts': "export * from './goal.js';",
      '/r/src/goal.ts': 'export const Goal = { name: "Goal" as const };\nexport type Goal = { id: string };\n',
    });
    const [goal] = extractApi(p, '/r/src/index.ts').entries;
    expect(goal!.declarations.map((d) => d.kind)).toEqual(['const', 'type']);
  });

  it('kindOf names a class and an enum', () => {
    const p = project({ '/k.ts': 'export class A {}\nexport enum E { X }' });
    const sf = p.getSourceFileOrThrow('/k.ts');
    expect(kindOf(sf.getClassOrThrow('A'))).toBe('class');
    expect(kindOf(sf.getEnumOrThrow('E'))).toBe('enum');
  });
});

describe('renderApiReport', () => {
  const { entries } = extractApi(project(files), '/repo/pkg/src/index.ts');
  const text = renderApiReport({ packageName: '@x/pkg', entry: 'pkg/src/index.ts' }, entries);

  it('has a table of names and kinds and one section per name', () => {
    expect(text).toContain('| `surface` | function |');
    expect(text).toContain('## surface\n\n```ts\nexport declare function area(w: number, h: number): number;\n```');
    expect(text).toContain('6 exported names.');
  });

  it('holds no absolute path and is the same on a second run', () => {
    expect(text).not.toMatch(/\/repo\//);
    expect(renderApiReport({ packageName: '@x/pkg', entry: 'pkg/src/index.ts' }, extractApi(project(files), '/repo/pkg/src/index.ts').entries)).toBe(text);
  });
});

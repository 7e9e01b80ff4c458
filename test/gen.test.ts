// `pnpm gen --check` finds generated files that differ from what is committed, lists them
// and fails, writing nothing; `pnpm gen` writes them.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATORS, runGenerators, type Generator } from '../scripts/gen/index.js';

/** A temporary repository root holding the given files. */
function root(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kr-gen-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const upper: Generator = { name: 'upper', files: (_root, read) => [{ path: 'out/UPPER.md', text: (read('in.md') ?? '').toUpperCase() }] };

describe('runGenerators', () => {
  it('--check lists a stale file, exits 1 and writes nothing', () => {
    const dir = root({ 'in.md': 'hej\n', 'out/UPPER.md': 'HEJ (old)\n' });
    const r = runGenerators({ root: dir, check: true, generators: [upper] });
    expect(r.exitCode).toBe(1);
    expect(r.stale).toEqual(['out/UPPER.md']);
    expect(r.lines.join('\n')).toContain('1 generated file out of date: out/UPPER.md. Run `pnpm gen`');
    expect(readFileSync(join(dir, 'out/UPPER.md'), 'utf8')).toBe('HEJ (old)\n');
  });

  it('--check passes when every file is as generated; without --check, stale files are written', () => {
    const dir = root({ 'in.md': 'hej\n', 'out/UPPER.md': 'old\n' });
    expect(runGenerators({ root: dir, check: false, generators: [upper] })).toMatchObject({ exitCode: 0, stale: ['out/UPPER.md'] });
    expect(readFileSync(join(dir, 'out/UPPER.md'), 'utf8')).toBe('HEJ\n');
    expect(runGenerators({ root: dir, check: true, generators: [upper] })).toMatchObject({ exitCode: 0, stale: [] });
  });

  it('finds a README whose generated troubleshooting section is out of date', () => {
    const troubleshooting = GENERATORS.find((g) => g.name === 'troubleshooting')!;
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const doc = readFileSync(new URL('../docs/troubleshooting.md', import.meta.url), 'utf8');
    const stale = readme.replace('| `sum-mismatch` (error) | **Sum does not add up.**', '| `sum-mismatch` (error) | **Sums.**');
    expect(stale).not.toBe(readme);
    const r = runGenerators({ root: root({ 'README.md': stale, 'docs/troubleshooting.md': doc }), check: true, generators: [troubleshooting] });
    expect(r).toMatchObject({ exitCode: 1, stale: ['README.md'] });
  });

  it('runs the schema, API report, troubleshooting, CSV column and CLI reference generators', () => {
    expect(GENERATORS.map((g) => g.name)).toEqual(['schema', 'api-report', 'troubleshooting', 'csv-columns', 'cli-reference']);
  });

  it('writes the CLI reference from the commands: validate\'s -q and -v, and a flag dropped from the docs makes it stale', () => {
    const cli = GENERATORS.find((g) => g.name === 'cli-reference')!;
    const doc = readFileSync(new URL('../docs/cli.md', import.meta.url), 'utf8');
    const validate = doc.slice(doc.indexOf('## kommunrapport validate\n'), doc.indexOf('## kommunrapport validate-open-data'));
    expect(validate).toContain('| `-q, --quiet` | print only problems (errors and warnings), nothing for a file without them |');
    expect(validate).toContain('| `-v, --verbose` |');
    expect(doc).toContain('| `--quiet` | `-q` | build, import, kolada, site, validate |');
    const stale = doc.replace(/\| `-v, --verbose` \|[^\n]*\n/, '');
    expect(stale).not.toBe(doc);
    expect(runGenerators({ root: root({ 'docs/cli.md': stale }), check: true, generators: [cli] })).toMatchObject({ exitCode: 1, stale: ['docs/cli.md'] });
    expect(runGenerators({ root: root({ 'docs/cli.md': doc }), check: true, generators: [cli] })).toMatchObject({ exitCode: 0, stale: [] });
  });
});

// One walk over the report: the model's walkReport (packages/model/src/walk.ts) is the only
// code that knows how section kinds nest, and code that does something per kind names every
// kind in a SectionHandlers table, which fails to compile when a kind is added. Read from the
// sources: no other source switches on a section kind or compares a type with one, so no
// hand-written walk with a `default: break` (or an if-chain that skips the rest) comes back.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SECTION_TYPES } from '@kommunrapport/model';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WALK = 'packages/model/src/walk.ts';

/**
 * The section kinds no other node of the model or the document shares a name with ('text' and
 * 'table' are also rich-text nodes, 'legend' and 'table' also document blocks), so a comparison
 * with one of them is a comparison with a section's kind.
 */
const SECTION_ONLY = SECTION_TYPES.filter((k) => !['text', 'table', 'legend'].includes(k));

function sources(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const group of ['packages', 'plugins']) for (const d of readdirSync(join(ROOT, group)).sort()) if (existsSync(join(ROOT, group, d, 'src'))) walk(join(ROOT, group, d, 'src'));
  return out;
}

/** `x.type`: a section's kind is its `type`. */
const isTypeOf = (n: ts.Node): boolean => ts.isPropertyAccessExpression(n) && n.name.text === 'type';

/** Where a source tests a `type` against a section-only kind: `switch (s.type) { case 'perspective': … }` or `s.type === 'notes'`. */
export function kindTests(file: string, text: string): string[] {
  // Only a file that names a kind in quotes can test for one: the others need no parsing.
  if (!SECTION_ONLY.some((k) => text.includes(`'${k}'`) || text.includes(`"${k}"`))) return [];
  const found: string[] = [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const at = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const isKind = (n: ts.Node) => ts.isStringLiteralLike(n) && SECTION_ONLY.includes(n.text as (typeof SECTION_ONLY)[number]);
  const EQUALITY = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken];
  const visit = (n: ts.Node) => {
    if (ts.isSwitchStatement(n) && isTypeOf(n.expression))
      for (const clause of n.caseBlock.clauses) if (ts.isCaseClause(clause) && isKind(clause.expression)) found.push(`${at(clause)} case ${clause.expression.getText(sf)}`);
    if (ts.isBinaryExpression(n) && EQUALITY.includes(n.operatorToken.kind) && ((isTypeOf(n.left) && isKind(n.right)) || (isKind(n.left) && isTypeOf(n.right)))) found.push(`${at(n)} ${n.getText(sf)}`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe('one walk over the report', () => {
  it('finds the sources, the walk among them', () => {
    const files = sources().map((f) => relative(ROOT, f));
    expect(files).toContain(WALK);
    expect(files).toContain('packages/core/src/document/build.ts');
    expect(files.filter((f) => f.startsWith('plugins/')).length).toBeGreaterThan(10);
  });

  it('no source but the walk switches on a section kind or compares a type with one', () => {
    const found = sources()
      .filter((f) => relative(ROOT, f) !== WALK)
      .flatMap((f) => kindTests(relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('would catch a hand-written walk, by switch or by comparison', () => {
    const walk = `for (const s of sections) {\n  switch (s.type) {\n    case 'perspective': visit(s.areas); break;\n    default: break;\n  }\n  if (s.type === 'notes') notes(s);\n}\n`;
    expect(kindTests('walk.ts', walk)).toEqual(["walk.ts:3 case 'perspective'", "walk.ts:6 s.type === 'notes'"]);
    // A rich-text node named like a section kind is not a section; nor is a kind of column.
    expect(kindTests('other.ts', `if (n.type === 'text' || b.type === 'table' || col.kind === 'deviation') keep(n);`)).toEqual([]);
  });

  it('the document builder and the check rules do what they do per kind in tables of every kind', () => {
    const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
    expect(read('packages/core/src/document/build.ts')).toMatch(/const CONTENT: SectionHandlers</);
    // The visitor may be an object or a class instance (a batch keeps a class's methods compiled).
    expect(read('packages/core/src/document/build.ts')).toMatch(/walkReport\(c\.report, walk\)/);
    expect(read('packages/core/src/document/build.ts')).toMatch(/dispatchSection\(CONTENT, /);
    expect(read('plugins/open-data/src/collect.ts')).toMatch(/walkReport\(report, collector\)/);
    expect(read('packages/model/src/summary.ts')).toMatch(/walkReport\(report, \{/);
    expect(read('packages/model/src/check/index.ts')).toMatch(/walkReport\(report, combineVisitors\(/);
  });
});

// The one walk over a report: every section kind is visited (also nested in text sections
// and areas), in document order, with paths and parents; and the table of section kinds is
// exhaustive at compile time, so a kind added to Section and not handled fails to build.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SECTION_TYPES, Section, decodeReport, formatPath, walkReport, combineVisitors, countContent, type Report } from '../src/index.js';
import { minimal } from './helpers.js';

/** The minimal report with a section of every kind the model knows, some nested. */
function everyKind(): Report {
  const v = minimal();
  v.sections.push(
    { id: 'oversikt', type: 'overview' },
    { id: 'teckenforklaring', type: 'legend' },
    { id: 'kontroll', type: 'internalControl', items: [{ title: 'Rutin', assessment: null }] },
    { id: 'ram', type: 'text', title: 'Ram', sections: [{ id: 'nyckeltal', type: 'table', table: { id: 'nt', title: 'Nyckeltal', unit: 'kr', rowHeader: 'Post', columns: [{ key: 'a', label: 'A' }], rows: [{ id: 'r', label: 'R', values: { a: 1 } }] } }, { id: 'noter', type: 'notes', notes: [{ id: 'not-1', number: 1, title: 'Intäkter', tables: [{ id: 'n1', title: 'Not 1', unit: 'kr', rowHeader: 'Post', columns: [{ key: 'a', label: 'A' }], rows: [{ id: 'r', label: 'R', values: { a: 1 } }] }] }] }] },
  );
  v.sections[1].areas[0].endSections = [{ id: 'slut', type: 'text', body: 'Text.' }];
  const d = decodeReport(v);
  if (!d.report) throw new Error(JSON.stringify(d.diagnostics));
  return d.report;
}

describe('walkReport', () => {
  it('names every kind the Section codec decodes', () => {
    const members = Object.keys((Section as unknown as { type: { members: Record<string, unknown> } }).type.members);
    expect([...SECTION_TYPES].sort()).toEqual(members.sort());
  });

  it('visits every section kind, nested ones too, in document order with their paths', () => {
    const seen: string[] = [];
    walkReport(everyKind(), { section: (s, path) => seen.push(`${s.type} ${formatPath(path)}`) });
    expect(new Set(seen.map((s) => s.split(' ')[0]))).toEqual(new Set(SECTION_TYPES));
    expect(seen).toEqual([
      'summary sections[0]',
      'perspective sections[1]',
      'text sections[1].areas[0].endSections[0]',
      'workforce sections[2]',
      'indicators sections[3]',
      'finance sections[4]',
      'deviation sections[5]',
      'overview sections[6]',
      'legend sections[7]',
      'internalControl sections[8]',
      'text sections[9]',
      'table sections[9].sections[0]',
      'notes sections[9].sections[1]',
    ]);
  });

  it('calls the handlers of a kind with the section typed as that kind, and the nodes below with their parents', () => {
    const r = everyKind();
    const events: string[] = [];
    walkReport(r, {
      sections: { workforce: (s) => events.push(`workforce ${s.headcount?.total}`), internalControl: (s) => events.push(`control ${s.items?.length}`) },
      area: (a, path, { perspective }) => events.push(`area ${a.id} in ${perspective.id} at ${formatPath(path)}`),
      goal: (g, _p, { area }) => events.push(`goal ${g.id} in ${area.id}`),
      indicator: (ind, _p, parent) => events.push(`indicator ${ind.id} under ${'goal' in parent ? parent.goal.id : parent.group.title}`),
      table: (t, path, { section }) => events.push(`table ${t.id} in ${section.id} at ${formatPath(path)}`),
      deviation: (e, _p, { section }) => events.push(`deviation ${e.id} in ${section.id}`),
      controlItem: (item) => events.push(`item ${item.title}`),
    });
    expect(events).toContain('area naringsliv in hallbar-utveckling at sections[1].areas[0]');
    expect(events).toContain('table nt in nyckeltal at sections[9].sections[0].table');
    expect(events).toContain('table n1 in noter at sections[9].sections[1].notes[0].tables[0]');
    expect(events).toContain('item Rutin');
    expect(events.indexOf('control 1')).toBeLessThan(events.indexOf('item Rutin'));
    const goal = events.findIndex((e) => e.startsWith('goal '));
    expect(events[goal + 1]).toMatch(/^indicator .* under /);
  });

  it('combines visitors so several rule sets share one walk, each called in turn', () => {
    const calls: string[] = [];
    walkReport(everyKind(), combineVisitors({ area: () => calls.push('a1') }, { area: () => calls.push('a2'), sections: { legend: () => calls.push('legend') } }));
    expect(calls).toEqual(['a1', 'a2', 'legend']);
  });

  it('counts content through the walk, nested tables included', () => {
    expect(countContent(everyKind())).toMatchObject({ perspectives: 1, areas: 1, tables: 4 });
  });
});

describe('exhaustiveness at compile time', () => {
  const walk = fileURLToPath(new URL('../src/walk.ts', import.meta.url)).replace(/\.ts$/, '.js');
  /** Type-checks the files (name → source) in one program; the errors by file name. */
  const compile = (files: Record<string, string>): Record<string, string[]> => {
    const dir = mkdtempSync(join(tmpdir(), 'walk-types-'));
    try {
      const paths = Object.entries(files).map(([name, source]) => {
        writeFileSync(join(dir, name), source);
        return join(dir, name);
      });
      const typeRoots = [fileURLToPath(new URL('../../../node_modules/@types', import.meta.url))];
      const program = ts.createProgram(paths, { strict: true, noEmit: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: ['node'], typeRoots });
      const errors: Record<string, string[]> = Object.fromEntries(Object.keys(files).map((n) => [n, []]));
      for (const d of ts.getPreEmitDiagnostics(program)) errors[d.file ? d.file.fileName.slice(dir.length + 1) : 'global']?.push(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      return errors;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const handlers = (kinds: readonly string[]) => `import type { SectionHandlers } from '${walk}';\nexport const h: SectionHandlers<string> = {\n${kinds.map((k) => `  ${k}: () => '${k}',`).join('\n')}\n};\n`;

  it('a SectionHandlers record compiles with a handler for every kind and fails, naming the kind, when one is missing', () => {
    const errors = compile({ 'every.ts': handlers(SECTION_TYPES), 'missing.ts': handlers(SECTION_TYPES.filter((k) => k !== 'legend')) });
    expect(errors['every.ts']).toEqual([]);
    expect(errors['missing.ts']!.join('\n')).toMatch(/Property 'legend' is missing/);
  }, 90_000);
});

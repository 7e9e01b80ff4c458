// Rule family: references inside a report resolve: responsible bodies name an organisation
// or group, a row's note a note of a section of notes, and a table's row values, sumOf rows,
// differenceOf columns and the columns of its columnGroups exist in it.
// (References from one table to another, sameAs, are checked with the figures they compare.)
import { closest } from '../decode.js';
import type { ReportPath } from '../walk.js';
import type { CheckContext, Rules } from './context.js';

/** Reports references to organisations, rows and columns that do not exist. */
export function referenceRules(ctx: CheckContext): Rules {
  const { organisations } = ctx.input;
  const names = [...new Set([...organisations.bodies.map((b) => b.abbreviation), ...(organisations.groups ?? []).map((g) => g.name)])];
  // A row's note may come before the section of notes it refers to: checked once all are seen.
  const noteIds: string[] = [];
  const noteRefs: { key: string; row: string; table: string; path: ReportPath }[] = [];
  return {
    sections: {
      notes: (s) => noteIds.push(...s.notes.map((n) => n.id)),
    },
    done: () => {
      for (const ref of noteRefs) {
        if (noteIds.includes(ref.key)) continue;
        const s = closest(ref.key, noteIds);
        ctx.report('unresolved-reference', { to: 'note', key: ref.key, row: ref.row, table: ref.table }, ref.path, {
          expected: noteIds.length > 0 ? `one of ${noteIds.join(', ')}` : 'the id of a note in a section of type notes',
          found: JSON.stringify(ref.key),
          hint: s ? `Did you mean "${s}"?` : 'Use the id of a note in a section of type notes, or remove note: from the row.',
        });
      }
    },
    commitment: (c, path) =>
      c.responsible.forEach((name, i) => {
        if (names.includes(name)) return;
        const suggestion = closest(name, names);
        ctx.report('unresolved-reference', { to: 'organisation', name }, [...path, 'responsible', i], {
          expected: `one of ${names.map((n) => JSON.stringify(n)).join(', ')}`,
          found: JSON.stringify(name),
          hint: suggestion ? `Did you mean "${suggestion}"? Otherwise add it to organisations.bodies or organisations.groups.` : 'Add it to organisations.bodies (abbreviation and name) or organisations.groups.',
        });
      }),
    table: (table, path) => {
      const columnKeys = table.columns.map((c) => c.key);
      const rowIds = table.rows.map((r) => r.id);
      table.rows.forEach((row, ri) => {
        if (row.note !== undefined) noteRefs.push({ key: row.note, row: row.id, table: table.id, path: [...path, 'rows', ri, 'note'] });
        for (const key of Object.keys(row.values)) {
          if (columnKeys.includes(key)) continue;
          const s = closest(key, columnKeys);
          ctx.report('unresolved-reference', { to: 'value-column', row: row.id, key, table: table.id }, [...path, 'rows', ri, 'values', key], {
            expected: `one of ${columnKeys.join(', ')}`,
            found: JSON.stringify(key),
            hint: s ? `Did you mean "${s}"?` : 'Add the column to columns, or remove the value.',
          });
        }
        row.sumOf?.forEach((id, k) => {
          if (rowIds.includes(id)) return;
          const s = closest(id, rowIds);
          ctx.report('unresolved-reference', { to: 'row', key: id, table: table.id }, [...path, 'rows', ri, 'sumOf', k], {
            expected: `a row id of table ${table.id}`,
            found: JSON.stringify(id),
            hint: s ? `Did you mean "${s}"?` : 'Use the id of a row of this table.',
          });
        });
      });
      table.columns.forEach((col, ci) =>
        col.differenceOf?.forEach((key, k) => {
          if (columnKeys.includes(key)) return;
          ctx.report('unresolved-reference', { to: 'column', via: 'differenceOf', key, table: table.id }, [...path, 'columns', ci, 'differenceOf', k], {
            expected: `one of ${columnKeys.join(', ')}`,
            found: JSON.stringify(key),
            hint: 'Use the keys of two columns of this table.',
          });
        }),
      );
      table.columnGroups?.forEach((group, gi) =>
        group.columns.forEach((key, k) => {
          if (columnKeys.includes(key)) return;
          const s = closest(key, columnKeys);
          ctx.report('unresolved-reference', { to: 'column', via: 'columnGroups', key, table: table.id }, [...path, 'columnGroups', gi, 'columns', k], {
            expected: `one of ${columnKeys.join(', ')}`,
            found: JSON.stringify(key),
            hint: s ? `Did you mean "${s}"?` : 'Use the keys of columns of this table.',
          });
        }),
      );
    },
  };
}

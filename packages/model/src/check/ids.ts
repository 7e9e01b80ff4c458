// Rule family: ids are unique per kind (sections, areas, goals, commitments, indicators,
// organisations, event groups, tables, deviation explanations, the keys of the governance's
// scale steps and assessment dimensions, and rows and columns per table,
// a kommunalförbund's member kommuner by kommunkod), and member kommuner only in a förbund's report.
import { formatPath } from '../diagnostics.js';
import type { ReportPath } from '../walk.js';
import type { CheckContext, Rules } from './context.js';

/** Reports every id used a second time by a thing of the same kind. */
export function idRules(ctx: CheckContext): Rules {
  const seen = new Map<string, Map<string, ReportPath>>();
  /** `within`: what ids of this kind are unique in, when not the report ("table x"). */
  const unique = (kind: string, id: string, path: ReportPath, within?: string) => {
    const of = within ? ` of ${within}` : '';
    let ids = seen.get(kind + of);
    if (!ids) seen.set(kind + of, (ids = new Map()));
    const first = ids.get(id);
    if (!first) {
      ids.set(id, path);
      return;
    }
    ctx.report('duplicate-id', { kind, ...(within ? { within } : {}), id, first: formatPath(first) }, path, { expected: `an id no other ${kind}${of} has`, found: JSON.stringify(id), hint: `Give one of the two ${kind}s${of} another id.` });
  };
  const report = ctx.input;
  report.organisations.bodies.forEach((b, i) => unique('organisation', b.abbreviation, ['organisations', 'bodies', i, 'abbreviation']));
  report.significantEvents?.forEach((e, i) => unique('event group', e.id, ['significantEvents', i, 'id']));
  report.members?.forEach((m, i) => unique('member kommun', m.code, ['members', i, 'code']));
  // The steps of each scale and the assessment dimensions a report writes in governance: a key
  // used twice makes one step unreachable, and every use of the other a confusing finding.
  if (typeof report.governance === 'object') {
    const gov = report.governance;
    for (const list of ['assessment', 'trend', 'commitmentStatus', 'completion'] as const) gov[list]?.forEach((step, i) => unique('step', step.key, ['governance', list, i, 'key'], `the ${list} scale`));
    gov.dimensions?.forEach((d, i) => unique('assessment dimension', d.key, ['governance', 'dimensions', i, 'key']));
  }
  const level = report.level ?? 'namnd';
  if (report.members !== undefined && level !== 'forbund') {
    ctx.report('members-not-forbund', { level }, ['members'], { expected: 'members only with level: forbund', found: `level: ${level}` });
  }
  return {
    section: (s, path) => unique('section', s.id, [...path, 'id']),
    area: (a, path) => unique('area', a.id, [...path, 'id']),
    goal: (g, path) => unique('goal', g.id, [...path, 'id']),
    commitment: (c, path) => unique('commitment', c.id, [...path, 'id']),
    indicator: (ind, path) => unique('indicator', ind.id, [...path, 'id']),
    table: (table, path) => {
      unique('table', table.id, [...path, 'id']);
      table.columns.forEach((c, i) => unique('column', c.key, [...path, 'columns', i, 'key'], `table ${table.id}`));
      table.rows.forEach((r, i) => unique('row', r.id, [...path, 'rows', i, 'id'], `table ${table.id}`));
    },
    deviation: (e, path) => unique('deviation explanation', e.id, [...path, 'id']),
  };
}

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
  const unique = (kind: string, id: string, path: ReportPath) => {
    let ids = seen.get(kind);
    if (!ids) seen.set(kind, (ids = new Map()));
    const first = ids.get(id);
    if (!first) {
      ids.set(id, path);
      return;
    }
    ctx.report('duplicate-id', { kind, id, first: formatPath(first) }, path, { expected: `an id no other ${kind} has`, found: JSON.stringify(id), hint: `Give one of the two ${kind.replace(/^(.+?)( of .*)?$/, '$1s$2')} another id.` });
  };
  const report = ctx.input;
  report.organisations.bodies.forEach((b, i) => unique('organisation', b.abbreviation, ['organisations', 'bodies', i, 'abbreviation']));
  report.significantEvents?.forEach((e, i) => unique('event group', e.id, ['significantEvents', i, 'id']));
  report.members?.forEach((m, i) => unique('member kommun', m.code, ['members', i, 'code']));
  // The steps of each scale and the assessment dimensions a report writes in governance: a key
  // used twice makes one step unreachable, and every use of the other a confusing finding.
  if (typeof report.governance === 'object') {
    const gov = report.governance;
    for (const [list, name] of [['assessment', 'step of the assessment scale'], ['trend', 'step of the trend scale'], ['commitmentStatus', 'step of the commitmentStatus scale'], ['completion', 'step of the completion scale'], ['dimensions', 'assessment dimension']] as const)
      gov[list]?.forEach((step, i) => unique(name, step.key, ['governance', list, i, 'key']));
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
      table.columns.forEach((c, i) => unique(`column of table ${table.id}`, c.key, [...path, 'columns', i, 'key']));
      table.rows.forEach((r, i) => unique(`row of table ${table.id}`, r.id, [...path, 'rows', i, 'id']));
    },
    deviation: (e, path) => unique('deviation explanation', e.id, [...path, 'id']),
  };
}

// The open data of the goal model: assessment dimensions (a codelist and one row per goal
// and dimension), goal links (a goal's further parents, so goals.csv keeps one row per
// goal), comparison series (never mixed with the kommun's own values), corrections of the
// source, and the provenance columns of statuses.
import { dimensionValues, type Report, type Provenance } from '@kommunrapport/model';
import type { Facts } from './collect.js';
import { stableId } from './ids.js';
import { field, REQUIRED, type FieldDef, type TableDef } from './csv.js';
import { decimalString } from './decimal.js';

const f = field;
const req = REQUIRED;

/** The provenance columns of a status, named after it (`assessment_basis`, `status_basis` …). */
export function provenanceFields(status: string): FieldDef[] {
  return [
    f(`${status}_basis`, 'string', `How the ${status} is known: stated (by the source), inferred (by the editor, reason in ${status}_reason) or unknown; empty when the report does not say.`, { enum: ['stated', 'inferred', 'unknown'] }),
    f(`${status}_reason`, 'string', `How the ${status} was inferred, or why it is unknown.`),
    f(`${status}_quote`, 'string', `The words of the source the ${status} rests on.`),
  ];
}

/** The provenance columns' values. */
export function provenanceValues(status: string, p: Provenance | undefined): Record<string, string | null> {
  return { [`${status}_basis`]: p?.basis ?? null, [`${status}_reason`]: p?.reason ?? null, [`${status}_quote`]: p?.quote ?? null };
}

/** The tables of the goal model, in the order they are listed in datapackage.json; `prefix` is the report's `idPrefix`. */
export function goalModelTables(report: Report, facts: Facts, prefix: string): TableDef[] {
  const g = report.governance;
  const dimensions = g.dimensions ?? [];
  const goalIds = new Set(facts.goals.map((x) => x.goal.id));
  const tables: TableDef[] = [];

  tables.push({
    name: 'codelist_dimension',
    title: 'Codelist: assessment dimensions (bedömningsgrunder)',
    description: `The ways a goal is judged side by side in the governance vocabulary "${g.name}", in order; overall marks the one that is the goal's assessment in goals.csv. Empty when the vocabulary judges each goal once.`,
    fields: [
      f('key', 'string', 'The key of the dimension, as used in goal_assessments.csv.', req),
      f('position', 'integer', 'The order of the dimension, from 1.', req),
      f('label', 'string', 'The label readers see.', req),
      f('overall', 'boolean', 'true for the dimension that is the overall assessment.', req),
      f('description', 'string', 'What the dimension means, when the vocabulary says.'),
    ],
    primaryKey: ['key'],
    rows: dimensions.map((d, i) => ({ key: d.key, position: i + 1, label: d.label, overall: d.overall === true, description: d.description ?? null })),
  });

  tables.push({
    name: 'goal_assessments',
    title: 'Assessments of goals per dimension',
    description: 'One row per goal and assessment dimension: the step of the assessment scale the goal has in that dimension. The overall dimension equals the assessment column of goals.csv.',
    fields: [
      f('goal_id', 'string', 'The goal (goals.csv).', req),
      f('dimension', 'string', 'The dimension (codelist_dimension.csv).', req),
      f('assessment', 'string', 'Key of the assessment step (codelist_assessment.csv); empty when the report does not state it.'),
    ],
    primaryKey: ['goal_id', 'dimension'],
    foreignKeys: [
      { fields: ['goal_id'], resource: 'goals', referenceFields: ['goal_id'] },
      { fields: ['dimension'], resource: 'codelist_dimension', referenceFields: ['key'] },
      { fields: ['assessment'], resource: 'codelist_assessment', referenceFields: ['key'] },
    ],
    rows: dimensions.length === 0 ? [] : facts.goals.flatMap(({ goal }) =>
      dimensionValues(goal, g).map(({ dimension, value }) => ({ goal_id: stableId(prefix, 'goal', goal.id), dimension: dimension.key, assessment: value ?? null })),
    ),
  });

  tables.push({
    name: 'goal_links',
    title: 'Goals serving further goals or areas',
    description: 'A goal is listed once in goals.csv, under its home area; each row here says that it also serves another goal (e.g. a KF-mål) or area. Counts of goals never double.',
    fields: [
      f('goal_id', 'string', 'The serving goal (goals.csv).', req),
      f('position', 'integer', 'The order of the parents as the report lists them, from 1.', req),
      f('serves_goal_id', 'string', 'The goal served (goals.csv), when the parent is a goal.'),
      f('serves_area_id', 'string', 'The area served (areas.csv), when the parent is an area.'),
    ],
    primaryKey: ['goal_id', 'position'],
    foreignKeys: [
      { fields: ['goal_id'], resource: 'goals', referenceFields: ['goal_id'] },
      { fields: ['serves_goal_id'], resource: 'goals', referenceFields: ['goal_id'] },
      { fields: ['serves_area_id'], resource: 'areas', referenceFields: ['area_id'] },
    ],
    rows: facts.goals.flatMap(({ goal }) =>
      (goal.serves ?? []).map((parent, i) => ({
        goal_id: stableId(prefix, 'goal', goal.id),
        position: i + 1,
        serves_goal_id: goalIds.has(parent) ? stableId(prefix, 'goal', parent) : null,
        serves_area_id: goalIds.has(parent) ? null : stableId(prefix, 'area', parent),
      })),
    ),
  });

  tables.push({
    name: 'indicator_comparisons',
    title: 'Comparison values of indicators',
    description: "Values of the same measure for others (riket, the län, a kommungrupp, named kommuner), shown beside the kommun's own values. They are never the kommun's outcome, which is in indicator_values.csv.",
    fields: [
      f('indicator_id', 'string', 'The indicator compared (indicators.csv).', req),
      f('comparison', 'string', 'Who the values are for: country (riket), county (länet), group (a kommungrupp) or municipalities (named kommuner).', { ...req, enum: ['country', 'county', 'group', 'municipalities'] }),
      f('position', 'integer', 'The order of the comparison under its indicator, from 1.', req),
      f('label', 'string', 'The label readers see, e.g. "Riket".', req),
      f('source', 'string', 'Where the values come from.', req),
      f('kolada_group_id', 'string', 'For a Kolada kommungrupp: its id.'),
      f('municipalities', 'string', 'For named kommuner: their names, separated by "; ".'),
      f('year', 'integer', 'The year the value is for.', req),
      f('value', 'number', 'The value, in the unit of the indicator (indicators.csv).', req),
    ],
    primaryKey: ['indicator_id', 'position', 'year'],
    foreignKeys: [{ fields: ['indicator_id'], resource: 'indicators', referenceFields: ['indicator_id'] }],
    rows: facts.indicators.flatMap(({ indicator: ind }) =>
      (ind.comparisons ?? []).flatMap((c, i) =>
        c.values.map((v) => ({
          indicator_id: stableId(prefix, 'indicator', ind.id),
          comparison: c.of,
          position: i + 1,
          label: c.label,
          source: c.source,
          kolada_group_id: c.koladaGroupId ?? null,
          municipalities: c.municipalities?.join('; ') ?? null,
          year: v.year,
          value: decimalString(v.total, ind.decimals),
        })),
      ),
    ),
  });

  tables.push({
    name: 'corrections',
    title: 'Corrections of the source',
    description: 'Where the published report differs from its source on purpose: what the source said, what is published and why. Readers of every output see the same notes.',
    fields: [
      f('subject_kind', 'string', 'What was corrected: section, table or indicator.', { ...req, enum: ['section', 'table', 'indicator'] }),
      f('subject_id', 'string', 'Stable id of what was corrected (a section, table or indicator id).', req),
      f('position', 'integer', 'The order of the correction on its subject, from 1.', req),
      f('source_text', 'string', 'What the source said.', req),
      f('published_text', 'string', 'What is published instead.', req),
      f('reason', 'string', 'Why.', req),
    ],
    primaryKey: ['subject_id', 'position'],
    rows: facts.corrections.flatMap(({ kind, localId, corrections }) =>
      corrections.map((c, i) => ({ subject_kind: kind, subject_id: stableId(prefix, kind, localId), position: i + 1, source_text: c.source, published_text: c.published, reason: c.reason })),
    ),
  });

  return tables;
}

// The CSV tables of the open data, built from the facts of a report: content (areas, goals,
// commitments, responsible bodies), indicators and their values, tables of figures by role,
// deviation explanations, workforce, the organisation registry and one codelist per scale.
import { plainText, indicatorRuleStatus, overallAssessment, UNIT_FACTOR, isAmountUnit, periodSpan, STANDARD_ROWS, STATEMENT_TABLE_ROLES, TABLE_ROLES, signConventionOf, type StandardKind, type Report, type Unit, type RichText, type DataTable, type DeviationExplanation, type CellValue, type IndicatorValue, isAbsent, isInterval, valueForm } from '@kommunrapport/model';
import { collectFacts, type CommitmentFact, type TableFact } from './collect.js';
import { idPrefix, stableId } from './ids.js';
import { decimalString, plainDecimal, shiftDecimal } from './decimal.js';
import { field, REQUIRED, type FieldDef, type TableDef } from './csv.js';
import { goalModelTables, provenanceFields, provenanceValues } from './goal-tables.js';

/** Which CSV file holds the tables of each table role; tables of other roles go to `other_tables`. */
export const ROLE_FILES: Record<string, string> = {
  incomeStatement: 'income_statement',
  operatingStatement: 'operating_statement',
  investments: 'investments',
};

/** The table roles that are financial statements, listed in statements.csv. */
export const STATEMENT_ROLES: readonly string[] = [...STATEMENT_TABLE_ROLES];

/** The kinds of figure a standard row is, with what each means (codelist_statement_rows.csv). */
const STANDARD_KINDS: readonly StandardKind[] = [...new Set(Object.values(STANDARD_ROWS).map((r): StandardKind => r.kind))];
const STANDARD_KIND_DOC =
  'The kind of figure: revenue (intäkt, positive in a signed statement), cost (kostnad, negative in a signed statement), result (a result or subtotal), asset (tillgång), equity (eget kapital), provision (avsättning), liability (skuld), flow (a cash flow), stock (likvida medel at a date) or adjustment (a balanskrav adjustment).';

/** Unit keys as written in the `unit` columns. */
export const UNIT_KEYS: readonly Unit[] = ['percent', 'index', 'count', 'score', 'days', 'kr', 'tkr', 'mnkr'];

const UNIT_DOC = 'unit key: percent, index, count, score, days, kr (kronor), tkr (thousand kronor) or mnkr (million kronor)';

const text = (rt: RichText | undefined): string | null => (rt && rt.length > 0 ? plainText(rt) : null);

/** The amount columns of a value in a unit: factor and currency for amounts, and the value in kronor. */
function amount(value: string | null, unit: Unit): Record<string, string | number | null> {
  const money = isAmountUnit(unit);
  const factor = UNIT_FACTOR[unit];
  return {
    unit,
    factor: money ? factor : null,
    currency: money ? 'SEK' : null,
    value_sek: money && value !== null ? shiftDecimal(value, Math.round(Math.log10(factor))) : null,
  };
}

const f = field;

/** The period of a table column: its period key, else its year, with the first and last day. */
function columnPeriod(c: { period?: string; year?: number }): { period: string | null; period_start: string | null; period_end: string | null } {
  const key = c.period ?? (c.year !== undefined ? String(c.year) : undefined);
  const span = key !== undefined ? periodSpan(key) : undefined;
  return { period: key ?? null, period_start: span?.start ?? null, period_end: span?.end ?? null };
}

/** The period fields of a table's columns, as statements.csv and the cell tables write them. */
const PERIOD_FIELDS = [
  f('period', 'string', 'The period key of the column (2024, 2024-08, 2024-T2, 2024-ack-08, 2024-08-31), or its year when it declares no period; empty when it declares neither.'),
  f('period_start', 'date', 'The first day of the period; for a balance date, the date.'),
  f('period_end', 'date', 'The last day of the period; for a balance date, the date.'),
];
const req = REQUIRED;
const amountFields = (what: string): FieldDef[] => [
  f('unit', 'string', `The unit of ${what}: ${UNIT_DOC}.`, { ...req, enum: UNIT_KEYS }),
  f('factor', 'integer', 'For amounts of money: the number of kronor one unit stands for (kr = 1, tkr = 1000, mnkr = 1000000); empty for other units.'),
  f('currency', 'string', 'For amounts of money: the ISO 4217 currency, always SEK; empty for other units.', { enum: ['SEK'] }),
  f(what === 'amount' ? 'amount_sek' : 'value_sek', 'number', `For amounts of money: ${what} multiplied by factor, in kronor (SEK), computed exactly from the decimal form; empty otherwise.`),
];
/** The value_status of an indicator value: the cell files' words for a number, a "–" and a range, and two of its own. */
function indicatorValueStatus(hasValue: boolean, form: ReturnType<typeof valueForm>, absent: string | undefined): string {
  if (hasValue) return 'value';
  if (absent !== undefined) return absent;
  if (form === 'range') return 'interval';
  if (form === 'direction' || form === 'statement') return 'described';
  return 'missing';
}

/**
 * The columns of a cell of a table of figures: its number, or the two bounds of an interval
 * ("−5 till −10"), a status that tells an empty cell from "–" (no amount, not applicable), and
 * the reason the report gives for a "–", as the table's note says it to readers. A "–" is never
 * written as 0, and an amount that rounds to zero stays 0.
 */
const cellFields = (): FieldDef[] => [
  f('value_status', 'string', 'What the cell holds: value (a number in value), interval (low and high in value_low and value_high, value empty), noAmount ("–", inget belopp), notApplicable ("–", ej tillämpligt) or empty (the source gives no value; the other formats show "–" named by the vocabulary\'s missingValue, "Värde saknas").', { ...req, enum: ['value', 'interval', 'noAmount', 'notApplicable', 'empty'] }),
  f('value_low', 'number', 'For an interval (e.g. a forecast "−5 till −10"): its low bound, in the unit of column unit; empty otherwise.'),
  f('value_high', 'number', 'For an interval: its high bound, in the unit of column unit; empty otherwise.'),
  f('absent_reason', 'string', 'For a "–" (noAmount, notApplicable): why, as the report says (e.g. "VA prognostiseras inte separat"), the words the table\'s note gives readers; empty when the report gives no reason or the cell is not "–".'),
];
function cellValues(raw: CellValue | undefined, decimals: number | undefined): { value: string | null; value_status: string; value_low: string | null; value_high: string | null; absent_reason: string | null } {
  if (typeof raw === 'number') return { value: decimalString(raw, decimals), value_status: 'value', value_low: null, value_high: null, absent_reason: null };
  if (isInterval(raw)) return { value: null, value_status: 'interval', value_low: decimalString(raw.low, decimals), value_high: decimalString(raw.high, decimals), absent_reason: null };
  if (isAbsent(raw)) return { value: null, value_status: raw.absent, value_low: null, value_high: null, absent_reason: raw.reason ?? null };
  return { value: null, value_status: 'empty', value_low: null, value_high: null, absent_reason: null };
}

/**
 * The columns of a target as real reports write it: its kind (exact, bound, range,
 * direction, statement), the bounds of a range, the direction and the words of a statement.
 */
const targetFields = (): FieldDef[] => [
  f('target_kind', 'string', 'For a target: exact (a figure to reach), bound (minst/högst, see bound), range (low to high), direction (öka/minska, see direction) or statement (words, see text); for an outcome given as an interval: range; empty otherwise.', { enum: ['exact', 'bound', 'range', 'direction', 'statement'] }),
  f('low', 'number', 'For a range or interval ("2–4 procent", "−5 till −10"): the low bound; empty otherwise.'),
  f('high', 'number', 'For a range or interval: the high bound; empty otherwise.'),
  f('direction', 'string', 'For a target that only gives a direction: increase ("öka") or decrease ("minska"); empty otherwise.', { enum: ['increase', 'decrease'] }),
  f('text', 'string', 'For a target stated in words ("ska följas"): the words as the report writes them; empty otherwise.'),
];
function targetValues(v: IndicatorValue, decimals: number | undefined): Record<string, string | null> {
  const form = valueForm(v);
  const kind = form === 'missing' || form === 'absent' || (form === 'exact' && v.kind === 'outcome') ? null : form;
  return {
    target_kind: kind,
    low: v.low !== undefined ? decimalString(v.low, decimals) : null,
    high: v.high !== undefined ? decimalString(v.high, decimals) : null,
    direction: v.direction ?? null,
    text: v.statement ?? null,
  };
}

const EMPTY_TARGET = { target_kind: null, low: null, high: null, direction: null, text: null };
const GENDER = f('gender', 'string', 'Who the value is for, with Kolada codes: T = total (all), K = women (kvinnor), M = men (män).', { ...req, enum: ['T', 'K', 'M'] });
const SCALE_FK = (field: string, scale: string) => ({ fields: [field], resource: `codelist_${scale}`, referenceFields: ['key'] });

/** Builds every CSV table of a report, in the order they are listed in datapackage.json. */
export function buildTables(report: Report): TableDef[] {
  const facts = collectFacts(report);
  const prefix = idPrefix(report);
  const g = report.governance;
  const completionPercent = new Map(g.completion.map((s) => [s.key, decimalString(s.percent)]));
  const tables: TableDef[] = [];

  // --- codelists and the organisation registry ------------------------------
  const scales = [
    ['assessment', g.assessment, 'assessment scale (bedömning)'],
    ['trend', g.trend, 'trend scale (trend compared with the year before)'],
    ['commitment_status', g.commitmentStatus, `commitment statuses (status of the ${g.levels.commitment.plural})`],
    ['completion', g.completion, 'completion steps (färdiggrad)'],
  ] as const;
  for (const [name, steps, what] of scales) {
    const isCompletion = name === 'completion';
    tables.push({
      name: `codelist_${name}`,
      title: `Codelist: ${what}`,
      description: `The steps of the ${what} of the governance vocabulary "${g.name}", in order, with the words and symbols readers see.`,
      fields: [
        f('key', 'string', 'The key of the step, as used in the other tables.', req),
        f('position', 'integer', 'The order of the step on the scale, from 1.', req),
        f('label', 'string', 'The short label readers see.', req),
        f('description', 'string', 'The long text of the step, when the vocabulary gives one.'),
        ...(isCompletion ? [f('percent', 'number', 'The share done, in percent (0–100).', req)] : []),
        f('symbol', 'string', 'The symbol shown for the step.', req),
        f('text_alternative', 'string', 'The words that stand for the symbol.', req),
        f('colour', 'string', 'The colour shown with the symbol, #rrggbb.', req),
      ],
      primaryKey: ['key'],
      rows: steps.map((s, i) => ({
        key: s.key,
        position: i + 1,
        label: s.label,
        description: s.description ?? null,
        ...('percent' in s ? { percent: decimalString(s.percent) } : {}),
        symbol: s.symbol,
        text_alternative: s.textAlternative,
        colour: s.colour,
      })),
    });
  }

  // The standard row keys of the statements (RKR's uppställningsformer), the same for every
  // report, so a re-user reads what a row_key of statements.csv stands for from the data itself.
  tables.push({
    name: 'codelist_statement_rows',
    title: 'Codelist: standard rows of the financial statements',
    description:
      "The standard row keys of the resultaträkning, balansräkning, kassaflödesanalys, balanskravsutredning and VA-resultat after RKR's uppställningsformer: the statement each belongs to, the kind of figure and RKR's label. statements.csv names them in row_key, so the same figure can be compared across kommuner whatever label a kommun gives the row.",
    fields: [
      f('key', 'string', 'The standard row key, as in statements.csv row_key.', req),
      f('position', 'integer', 'The order of the row in the uppställningsform, from 1.', req),
      f('statement', 'string', `Which statement: ${STATEMENT_ROLES.join(', ')}.`, { ...req, enum: [...STATEMENT_ROLES] }),
      f('kind', 'string', STANDARD_KIND_DOC, { ...req, enum: STANDARD_KINDS }),
      f('label', 'string', "The row's label in RKR's uppställningsform (Swedish).", req),
    ],
    primaryKey: ['key'],
    rows: Object.entries(STANDARD_ROWS).map(([key, row], i) => ({ key, position: i + 1, statement: row.statement, kind: row.kind, label: row.label })),
  });

  tables.push({
    name: 'organisations',
    title: 'Organisation registry',
    description: 'Bodies, companies and offices by abbreviation (förkortning), and named groups of them, as used for responsible bodies.',
    fields: [
      f('key', 'string', 'The abbreviation (e.g. KS) or the group name as written in the report.', req),
      f('kind', 'string', 'board, committee, company, office, other, or group for a named group.', { ...req, enum: ['board', 'committee', 'company', 'office', 'other', 'group'] }),
      f('name', 'string', 'The full name, or the description of a group.', req),
    ],
    primaryKey: ['key'],
    rows: [
      ...report.organisations.bodies.map((o) => ({ key: o.abbreviation, kind: o.kind, name: o.name })),
      ...(report.organisations.groups ?? []).map((grp) => ({ key: grp.name, kind: 'group', name: grp.description })),
    ],
  });

  // --- content tree ----------------------------------------------------------
  tables.push({
    name: 'areas',
    title: `Areas (${g.levels.area.plural})`,
    description: 'The assessed level of the content tree, with the perspective it belongs to, its assessment, trend and text.',
    fields: [
      f('area_id', 'string', 'Stable id: {kommunkod}-{body}-area-{local id}.', req),
      f('local_id', 'string', 'The id written in the report.', req),
      f('perspective_id', 'string', 'Stable id of the perspective: {kommunkod}-{body}-perspective-{local id}.', req),
      f('perspective_title', 'string', 'The title of the perspective.', req),
      f('position', 'integer', 'The order in the report, from 1.', req),
      f('title', 'string', 'The title.', req),
      f('assessment', 'string', 'Key of the assessment step (codelist_assessment.csv); empty when the report does not state it.'),
      ...provenanceFields('assessment'),
      f('trend', 'string', 'Key of the trend step (codelist_trend.csv); empty when the report does not state it.'),
      f('text', 'string', 'The text as plain text (paragraphs separated by a blank line, list items starting with "- ").'),
    ],
    primaryKey: ['area_id'],
    foreignKeys: [SCALE_FK('assessment', 'assessment'), SCALE_FK('trend', 'trend')],
    rows: facts.areas.map(({ area, perspectiveId, perspectiveTitle, position }) => ({
      area_id: stableId(prefix, 'area', area.id),
      local_id: area.id,
      perspective_id: stableId(prefix, 'perspective', perspectiveId),
      perspective_title: perspectiveTitle,
      position,
      title: area.title,
      assessment: area.assessment ?? null,
      ...provenanceValues('assessment', area.provenance),
      trend: area.trend ?? null,
      text: text(area.body),
    })),
  });

  tables.push({
    name: 'goals',
    title: `Goals (${g.levels.goal.plural})`,
    description: 'Goals with their area, assessment, trend and comment.',
    fields: [
      f('goal_id', 'string', 'Stable id: {kommunkod}-{body}-goal-{local id}.', req),
      f('local_id', 'string', 'The id written in the report.', req),
      f('area_id', 'string', 'The area the goal belongs to (areas.csv).', req),
      f('position', 'integer', 'The order in the report, from 1.', req),
      f('title', 'string', 'The title.', req),
      f('assessment', 'string', 'Key of the assessment step (codelist_assessment.csv), the overall dimension when the vocabulary has dimensions (goal_assessments.csv); empty when not stated.'),
      ...provenanceFields('assessment'),
      f('trend', 'string', 'Key of the trend step (codelist_trend.csv); empty when not stated.'),
      f('origin', 'string', "Where the goal comes from when it is not the body's own: council (kommunfullmäktige), owner (ägardirektiv) or other; empty for the body's own goals.", { enum: ['council', 'owner', 'other'] }),
      f('origin_label', 'string', 'The words readers see for the origin, e.g. "KF-mål".'),
      f('text', 'string', 'The comment as plain text.'),
    ],
    primaryKey: ['goal_id'],
    foreignKeys: [{ fields: ['area_id'], resource: 'areas', referenceFields: ['area_id'] }, SCALE_FK('assessment', 'assessment'), SCALE_FK('trend', 'trend')],
    rows: facts.goals.map(({ goal, areaId, position }) => ({
      goal_id: stableId(prefix, 'goal', goal.id),
      local_id: goal.id,
      area_id: stableId(prefix, 'area', areaId),
      position,
      title: goal.title,
      assessment: overallAssessment(goal, g) ?? null,
      ...provenanceValues('assessment', goal.provenance),
      trend: goal.trend ?? null,
      origin: goal.origin?.kind ?? null,
      origin_label: goal.origin?.label ?? null,
      text: text(goal.body),
    })),
  });

  tables.push({
    name: 'commitments',
    title: `Commitments (${g.levels.commitment.plural})`,
    description: 'Commitments with their area, status, completion and comment; responsible bodies are in commitment_responsible.csv.',
    fields: [
      f('commitment_id', 'string', 'Stable id: {kommunkod}-{body}-commitment-{local id}.', req),
      f('local_id', 'string', 'The id written in the report.', req),
      f('area_id', 'string', 'The area the commitment belongs to (areas.csv).', req),
      f('position', 'integer', 'The order in the report, from 1.', req),
      f('title', 'string', 'The text of the commitment.', req),
      f('status', 'string', 'Key of the status (codelist_commitment_status.csv); empty when not stated.'),
      ...provenanceFields('status'),
      f('completion', 'string', 'Key of the completion step (codelist_completion.csv); empty when not stated.'),
      f('completion_percent', 'number', 'The share done in percent (0–100) of the completion step; empty when not stated.'),
      f('text', 'string', 'The comment as plain text.'),
    ],
    primaryKey: ['commitment_id'],
    foreignKeys: [
      { fields: ['area_id'], resource: 'areas', referenceFields: ['area_id'] },
      SCALE_FK('status', 'commitment_status'),
      SCALE_FK('completion', 'completion'),
    ],
    rows: facts.commitments.map(({ commitment: c, areaId, position }) => ({
      commitment_id: stableId(prefix, 'commitment', c.id),
      local_id: c.id,
      area_id: stableId(prefix, 'area', areaId),
      position,
      title: c.title,
      status: c.status ?? null,
      ...provenanceValues('status', c.provenance),
      completion: c.completion ?? null,
      completion_percent: c.completion ? (completionPercent.get(c.completion) ?? null) : null,
      text: text(c.body),
    })),
  });

  tables.push({
    name: 'commitment_responsible',
    title: 'Responsible bodies of commitments',
    description: 'One row per responsible body or group of a commitment, in the order the report names them.',
    fields: [
      f('commitment_id', 'string', 'The commitment (commitments.csv).', req),
      f('position', 'integer', 'The order in which the report names the responsible, from 1.', req),
      f('responsible', 'string', 'The abbreviation or group name as written (organisations.csv).', req),
      f('responsible_name', 'string', 'The full name of the body, or the description of the group.'),
    ],
    primaryKey: ['commitment_id', 'position'],
    foreignKeys: [
      { fields: ['commitment_id'], resource: 'commitments', referenceFields: ['commitment_id'] },
      { fields: ['responsible'], resource: 'organisations', referenceFields: ['key'] },
    ],
    rows: responsibleRows(prefix, report, facts.commitments),
  });

  // --- indicators ------------------------------------------------------------
  tables.push({
    name: 'indicators',
    title: `Indicators (${g.levels.indicator.plural})`,
    description: 'Indicators with the goal or group they stand under, their unit, direction and Kolada KPI id; values are in indicator_values.csv.',
    fields: [
      f('indicator_id', 'string', 'Stable id: {kommunkod}-{body}-indicator-{local id}.', req),
      f('local_id', 'string', 'The id written in the report.', req),
      f('goal_id', 'string', 'The goal the indicator measures (goals.csv); empty for indicators listed in a group.'),
      f('section_id', 'string', 'For indicators listed in a group: stable id of the section, {kommunkod}-{body}-section-{local id}.'),
      f('group_title', 'string', 'For indicators listed in a group: the title of the group.'),
      f('position', 'integer', 'The order in the report, from 1.', req),
      f('name', 'string', 'The name of the indicator.', req),
      f('unit', 'string', `The unit of the values: ${UNIT_DOC}.`, { ...req, enum: UNIT_KEYS }),
      f('higher_is_better', 'boolean', 'true when a higher value is better, false when a lower one is.', req),
      f('decimals', 'integer', 'The number of decimals the report shows, when it declares one.'),
      f('kolada_kpi_id', 'string', "The Kolada KPI id (e.g. N00945) when the indicator is the same measure as the KPI (kolada_scope same), so the values may be joined with Kolada's; empty otherwise."),
      f('kolada_related_kpi_id', 'string', "The Kolada KPI id the report names for an indicator that measures only a part of the KPI's population (kolada_scope part): related, not to be joined."),
      f('kolada_scope', 'string', "same when the indicator measures the KPI's own population, part when only a part of it.", { enum: ['same', 'part'] }),
      f('kolada_source', 'string', 'Where the Kolada KPI id was taken from.'),
      f('description', 'string', 'How the indicator is defined, when the report says.'),
      f('assessment', 'string', "Key of the indicator's own assessment step (codelist_assessment.csv): as the report states it, or given by the governance's status rule from the outcome against the target in the report year (then assessment_basis is inferred, the rule in assessment_reason); empty when it has none."),
      ...provenanceFields('assessment'),
    ],
    primaryKey: ['indicator_id'],
    foreignKeys: [{ fields: ['goal_id'], resource: 'goals', referenceFields: ['goal_id'] }, SCALE_FK('assessment', 'assessment')],
    rows: facts.indicators.map(({ indicator: ind, goalId, sectionId, groupTitle, position }) => {
      const ruled = ind.assessment == null ? indicatorRuleStatus(ind, g, report.period.year) : undefined;
      return {
        indicator_id: stableId(prefix, 'indicator', ind.id),
        local_id: ind.id,
        goal_id: goalId ? stableId(prefix, 'goal', goalId) : null,
        section_id: sectionId ? stableId(prefix, 'section', sectionId) : null,
        group_title: groupTitle ?? null,
        position,
        name: ind.name,
        unit: ind.unit,
        higher_is_better: ind.higherIsBetter,
        decimals: ind.decimals ?? null,
        kolada_kpi_id: koladaJoinId(ind),
        kolada_related_kpi_id: ind.kolada?.scope === 'part' ? ind.kolada.id : null,
        kolada_scope: ind.kolada?.scope ?? null,
        kolada_source: ind.kolada?.source ?? null,
        description: ind.description ?? null,
        assessment: ind.assessment ?? ruled?.status ?? null,
        ...provenanceValues('assessment', ruled ? { basis: 'inferred', reason: ruled.words } : undefined),
      };
    }),
  });

  tables.push({
    name: 'indicator_values',
    title: 'Indicator values, one row per fact',
    description:
      'One row per indicator, period (a year, or a month, tertial or other part of it), kind (outcome or target) and gender (T, K, M). A value the report does not state has an empty value and the reason in missing_reason.',
    fields: [
      f('indicator_id', 'string', 'The indicator (indicators.csv).', req),
      f('year', 'integer', 'The year the value is for.', req),
      f('period', 'string', 'The period the value is for: the year (2024), or a part of it as the report writes it (a month 2024-03, a tertial 2024-T1, the months from 1 januari 2024-ack-08).', req),
      f('period_start', 'date', 'The first day of the period.', req),
      f('period_end', 'date', 'The last day of the period.', req),
      f('kind', 'string', 'outcome (utfall, measured) or target (mål).', { ...req, enum: ['outcome', 'target'] }),
      GENDER,
      f('value', 'number', 'The value as published, in the unit of column unit; empty when missing.'),
      ...amountFields('value'),
      f('missing_reason', 'string', 'Why the value is missing, as the report says (e.g. a measurement later in the year); empty when there is a value.'),
      f('value_status', 'string', 'What value holds, in the words of the cell files\' value_status: value (a number in value), interval (a target range: low and high, value empty), described (a target as a direction or a statement, value empty), noAmount (the report prints "–", inget belopp), notApplicable ("–", ej tillämpligt) or missing (not yet measured, see missing_reason). A "–" is never the same as 0.', { ...req, enum: ['value', 'interval', 'described', 'noAmount', 'notApplicable', 'missing'] }),
      f('bound', 'string', 'For a target that is a bound: atLeast ("minst") or atMost ("högst"); empty for a target to reach exactly or an outcome.', { enum: ['atLeast', 'atMost'] }),
      ...targetFields(),
      f('measured_year', 'integer', 'The year the value was measured when it is older than the year it stands for ("7,3 (2015)"); empty otherwise.'),
      f('kolada_kpi_id', 'string', 'The Kolada KPI id of the indicator when it is the same measure (indicators.csv kolada_scope same), repeated for joining; empty otherwise.'),
    ],
    primaryKey: ['indicator_id', 'period', 'kind', 'gender'],
    foreignKeys: [{ fields: ['indicator_id'], resource: 'indicators', referenceFields: ['indicator_id'] }],
    rows: facts.indicators.flatMap(({ indicator: ind }) =>
      ind.values.flatMap((v) => {
        const span = periodSpan(v.period ?? String(v.year))!;
        const base = { indicator_id: stableId(prefix, 'indicator', ind.id), year: v.year, period: span.key, period_start: span.start, period_end: span.end, kind: v.kind };
        const row = (gender: string, value: number | undefined, missing: string | null) => {
          const s = value === undefined ? null : decimalString(value, ind.decimals);
          const status = indicatorValueStatus(s !== null, gender === 'T' ? valueForm(v) : 'missing', v.absent);
          return { ...base, gender, value: s, ...amount(s, ind.unit), missing_reason: missing, value_status: status, bound: v.bound ?? null, ...(gender === 'T' ? targetValues(v, ind.decimals) : EMPTY_TARGET), measured_year: v.measuredYear ?? null, kolada_kpi_id: koladaJoinId(ind) };
        };
        const rows = [];
        if (valueForm(v) !== 'missing' || v.missing !== undefined) rows.push(row('T', v.total, v.total === undefined ? (v.missing ?? null) : null));
        if (v.women !== undefined) rows.push(row('K', v.women, null));
        if (v.men !== undefined) rows.push(row('M', v.men, null));
        return rows;
      }),
    ),
  });

  // --- tables of figures -----------------------------------------------------
  tables.push({
    name: 'tables',
    title: 'Tables of figures',
    description: 'Every table of figures of the report (income statement, operating statement, investments and others) with its role and unit; the cells are in the files named by role.',
    fields: [
      f('table_id', 'string', 'Stable id: {kommunkod}-{body}-table-{local id}.', req),
      f('local_id', 'string', 'The id written in the report.', req),
      f('role', 'string', `What the table is: ${TABLE_ROLES.join(', ')}.`, {
        ...req,
        enum: [...TABLE_ROLES],
      }),
      f('file', 'string', 'The CSV file holding the cells of the table.', req),
      f('section_id', 'string', 'Stable id of the section holding the table: {kommunkod}-{body}-section-{local id}.', req),
      f('title', 'string', 'The title of the table.', req),
      f('row_header', 'string', 'The header of the row labels.', req),
      ...amountFields('value').slice(0, 3),
      f('decimals', 'integer', 'The number of decimals the table declares, when it does.'),
      f('note', 'string', 'The note under the table as plain text.'),
      f('sign_convention', 'string', 'How the table writes the signs of revenues and costs: signed (revenues positive, costs negative) or positive (every amount positive, costs subtracted by the rows\' formulas); empty when the table does not say and its role has no standard convention.', { enum: ['signed', 'positive'] }),
    ],
    primaryKey: ['table_id'],
    rows: facts.tables.map(({ table: tb, sectionId }) => ({
      table_id: stableId(prefix, 'table', tb.id),
      local_id: tb.id,
      role: tb.role ?? 'other',
      file: `${tableFile(tb)}.csv`,
      section_id: stableId(prefix, 'section', sectionId),
      title: tb.title,
      row_header: tb.rowHeader,
      unit: tb.unit,
      factor: amount(null, tb.unit).factor,
      currency: amount(null, tb.unit).currency,
      decimals: tb.decimals ?? null,
      note: text(tb.note),
      sign_convention: signConventionOf(tb) ?? null,
    })),
  });

  for (const file of [...Object.values(ROLE_FILES), 'other_tables']) {
    const mine = facts.tables.filter(({ table: tb }) => tableFile(tb) === file);
    tables.push({
      name: file,
      title: file === 'other_tables' ? 'Cells of other tables of figures' : `Cells of the ${file.replace(/_/g, ' ')}`,
      description:
        'One row per cell (row × column) of the tables of this kind, in long format, with the number as published, its unit and factor. Signs are as published: the sign_convention of the table (tables.csv) says whether costs are negative. An empty value is a cell the source leaves empty.',
      fields: [
        f('table_id', 'string', 'The table (tables.csv).', req),
        f('row_id', 'string', 'The id of the row within the table.', req),
        f('row_position', 'integer', 'The order of the row, from 1.', req),
        f('row_label', 'string', 'The label of the row.', req),
        f('row_kind', 'string', 'revenue, cost, item, subtotal, total or result; empty when not declared. Heading rows (no figures) are not listed.', {
          enum: ['revenue', 'cost', 'item', 'subtotal', 'total', 'result'],
        }),
        f('row_sum_of', 'string', 'For a sum row: the ids of the rows it sums, separated by spaces.'),
        f('row_formula', 'string', 'For a row computed from others: its formula as written, row ids joined by + and - (e.g. "kommunbidrag + intakter + kostnader - disposition").'),
        f('column_key', 'string', 'The key of the column within the table.', req),
        f('column_position', 'integer', 'The order of the column, from 1.', req),
        f('column_label', 'string', 'The header of the column.', req),
        f('column_kind', 'string', 'outcome, budget, forecast, deviation, target or other; empty when not declared.', {
          enum: ['outcome', 'budget', 'forecast', 'deviation', 'target', 'other'],
        }),
        f('column_year', 'integer', 'The year of the column, when declared.'),
        ...PERIOD_FIELDS,
        f('value', 'number', 'The number as published, in the unit of column unit, with its sign as published (see sign_convention in tables.csv); empty when the cell is empty, "–" or an interval (see value_status).'),
        ...amountFields('value'),
        ...cellFields(),
      ],
      primaryKey: ['table_id', 'row_id', 'column_key'],
      foreignKeys: [{ fields: ['table_id'], resource: 'tables', referenceFields: ['table_id'] }],
      rows: cellRows(prefix, mine),
    });
  }

  // --- financial statements, tidy ------------------------------------------------
  // One row per figure of the statements, with the standard row key (comparable across
  // kommuner), the entity (kommunen, sammanställd redovisning) and the period as columns.
  const statements = facts.tables.filter(({ table: tb }) => tb.role !== undefined && STATEMENT_ROLES.includes(tb.role));
  tables.push({
    name: 'statements',
    title: 'Financial statements (räkenskaper)',
    description:
      'The figures of the resultaträkning, balansräkning, kassaflödesanalys, balanskravsutredning and VA-resultat in tidy form: one row per figure, with the standard row key of RKR\'s uppställningsform (codelist_statement_rows.csv), the kommun\'s own label, the entity and the period. Signs are as published: see sign_convention.',
    fields: [
      f('table_id', 'string', 'The table (tables.csv).', req),
      f('statement', 'string', `Which statement: ${STATEMENT_ROLES.join(', ')}.`, { ...req, enum: [...STATEMENT_ROLES] }),
      f('row_id', 'string', 'The id of the row within the table.', req),
      f('row_key', 'string', 'The standard row key (RKR\'s uppställningsform, codelist_statement_rows.csv), e.g. arets-resultat; empty for rows the kommun adds.', { enum: Object.keys(STANDARD_ROWS) }),
      f('row_label', 'string', 'The kommun\'s own label of the row.', req),
      f('entity', 'string', 'Whose figure it is, from the column group: kommunen, sammanstalld or another entity key; empty when the table has no groups.'),
      f('column_key', 'string', 'The key of the column within the table.', req),
      f('column_kind', 'string', 'outcome, budget, forecast, deviation, target or other; empty when not declared.', {
        enum: ['outcome', 'budget', 'forecast', 'deviation', 'target', 'other'],
      }),
      ...PERIOD_FIELDS,
      f('value', 'number', 'The figure as published, in the unit of column unit; empty when the cell is empty, "–" or an interval (see value_status).'),
      f('sign_convention', 'string', 'How the statement writes signs: signed (RKR\'s uppställningsform: revenues positive, costs negative) or positive (every amount positive, costs subtracted by the rows\' formulas); empty for a balansräkning, which has no costs.', { enum: ['signed', 'positive'] }),
      ...amountFields('value'),
      ...cellFields(),
    ],
    primaryKey: ['table_id', 'row_id', 'column_key'],
    foreignKeys: [
      { fields: ['table_id'], resource: 'tables', referenceFields: ['table_id'] },
      { fields: ['row_key'], resource: 'codelist_statement_rows', referenceFields: ['key'] },
    ],
    rows: statementRows(prefix, statements),
  });

  // --- deviation explanations --------------------------------------------------
  tables.push({
    name: 'deviations',
    title: 'Deviations from budget',
    description: 'Each explained deviation (avvikelse) with its amount; the items explaining it are in deviation_items.csv and add up to it.',
    fields: [
      f('deviation_id', 'string', 'Stable id: {kommunkod}-{body}-deviation-{local id}.', req),
      f('local_id', 'string', 'The id written in the report.', req),
      f('section_id', 'string', 'Stable id of the section: {kommunkod}-{body}-section-{local id}.', req),
      f('title', 'string', 'The title of the section.'),
      f('amount', 'number', 'The deviation as published, in the unit of column unit.', req),
      ...amountFields('amount'),
      f('same_as', 'string', 'The table cell stating the same figure, as table.row.column.'),
      f('intro', 'string', 'The text introducing the explanations, as plain text.'),
    ],
    primaryKey: ['deviation_id'],
    rows: facts.deviations.map(({ explanation: e, sectionId, title }) => {
      const value = decimalString(e.deviation, explanationDecimals(e));
      const a = amount(value, e.unit);
      return {
        deviation_id: stableId(prefix, 'deviation', e.id),
        local_id: e.id,
        section_id: stableId(prefix, 'section', sectionId),
        title: title ?? null,
        amount: value,
        unit: a.unit,
        factor: a.factor,
        currency: a.currency,
        amount_sek: a.value_sek,
        same_as: e.sameAs ?? null,
        intro: text(e.intro),
      };
    }),
  });

  tables.push({
    name: 'deviation_items',
    title: 'Items explaining deviations',
    description: 'One row per item explaining a deviation, with its amount; negative amounts worsen the result.',
    fields: [
      f('deviation_id', 'string', 'The deviation explained (deviations.csv).', req),
      f('position', 'integer', 'The order of the item, from 1.', req),
      f('label', 'string', 'What explains this part of the deviation.', req),
      f('amount', 'number', 'The amount as published, in the unit of column unit.', req),
      ...amountFields('amount'),
    ],
    primaryKey: ['deviation_id', 'position'],
    foreignKeys: [{ fields: ['deviation_id'], resource: 'deviations', referenceFields: ['deviation_id'] }],
    rows: facts.deviations.flatMap(({ explanation: e }) =>
      e.items.map((item, i) => {
        const value = decimalString(item.amount, explanationDecimals(e));
        const a = amount(value, e.unit);
        return { deviation_id: stableId(prefix, 'deviation', e.id), position: i + 1, label: item.label, amount: value, unit: a.unit, factor: a.factor, currency: a.currency, amount_sek: a.value_sek };
      }),
    ),
  });

  // --- workforce ---------------------------------------------------------------
  tables.push({
    name: 'workforce',
    title: 'Workforce figures, one row per fact',
    description: 'Headcount of permanent employees at a date and sick leave per year, each for T (total), K (women) and M (men).',
    fields: [
      f('workforce_id', 'string', 'Stable id of the workforce section: {kommunkod}-{body}-workforce-{local id}.', req),
      f('measure', 'string', 'headcount (permanent employees, count) or sick_leave (percent of scheduled hours).', { ...req, enum: ['headcount', 'sick_leave'] }),
      f('reference', 'string', 'What the value is for: the year of a sick-leave figure, or the date of a headcount as written.', req),
      f('year', 'integer', 'The year of a sick-leave figure; empty for headcount.'),
      f('as_of', 'string', 'The date of a headcount as written in the report; empty for sick leave.'),
      GENDER,
      f('value', 'number', 'The value as published: a count of persons for headcount, percent of scheduled hours for sick leave.', req),
      f('unit', 'string', 'count for headcount, percent for sick leave.', { ...req, enum: ['count', 'percent'] }),
    ],
    primaryKey: ['workforce_id', 'measure', 'reference', 'gender'],
    rows: facts.workforce.flatMap(({ sectionId, headcount, sickLeave }) => {
      const wid = stableId(prefix, 'workforce', sectionId);
      const rows: TableDef['rows'] = [];
      if (headcount) {
        for (const [gender, v] of [['T', headcount.total], ['K', headcount.women], ['M', headcount.men]] as const)
          rows.push({ workforce_id: wid, measure: 'headcount', reference: headcount.asOf, year: null, as_of: headcount.asOf, gender, value: decimalString(v), unit: 'count' });
      }
      for (const y of sickLeave)
        for (const [gender, v] of [['T', y.total], ['K', y.women], ['M', y.men]] as const)
          rows.push({ workforce_id: wid, measure: 'sick_leave', reference: String(y.year), year: y.year, as_of: null, gender, value: decimalString(v), unit: 'percent' });
      return rows;
    }),
  });

  tables.push(...goalModelTables(report, facts, prefix));

  return tables;
}

/** The Kolada KPI id to join on: only when the indicator is the same measure as the KPI. */
const koladaJoinId = (ind: { kolada?: { id: string; scope: 'same' | 'part' } }): string | null => (ind.kolada?.scope === 'same' ? ind.kolada.id : null);

// The rows of the largest tables are built with plain loops in module-level functions: arrows
// made per report lose their optimised code at each full garbage collection, so a batch
// recompiled them every few reports.

/** The rows of commitment_responsible.csv: one per responsible body or group of a commitment, with its full name. */
function responsibleRows(prefix: string, report: Report, commitments: readonly CommitmentFact[]): TableDef['rows'] {
  // The full name of a body by abbreviation, or the description of a group by name; the first one written wins, bodies before groups.
  const names = new Map<string, string | undefined>();
  for (const o of report.organisations.bodies) if (!names.has(o.abbreviation)) names.set(o.abbreviation, o.name);
  for (const grp of report.organisations.groups ?? []) if (!names.has(grp.name)) names.set(grp.name, grp.description);
  const rows: TableDef['rows'] = [];
  for (const { commitment: c } of commitments) {
    for (let i = 0; i < c.responsible.length; i++) {
      const r = c.responsible[i]!;
      rows.push({ commitment_id: stableId(prefix, 'commitment', c.id), position: i + 1, responsible: r, responsible_name: names.get(r) ?? null });
    }
  }
  return rows;
}

/** The rows of a cell table (one per cell of its tables, row × column; heading rows have no cells). */
function cellRows(prefix: string, facts: readonly TableFact[]): TableDef['rows'] {
  const rows: TableDef['rows'] = [];
  for (const { table: tb } of facts) {
    for (let ri = 0; ri < tb.rows.length; ri++) {
      const r = tb.rows[ri]!;
      if (r.kind === 'heading') continue;
      for (let ci = 0; ci < tb.columns.length; ci++) {
        const c = tb.columns[ci]!;
        const cell = cellValues(r.values[c.key], r.decimals ?? tb.decimals);
        const value = cell.value;
        rows.push({
          table_id: stableId(prefix, 'table', tb.id),
          row_id: r.id,
          row_position: ri + 1,
          row_label: r.label,
          row_kind: r.kind ?? null,
          row_sum_of: r.sumOf ? r.sumOf.join(' ') : null,
          row_formula: r.formula ?? null,
          column_key: c.key,
          column_position: ci + 1,
          column_label: c.label,
          column_kind: c.kind ?? null,
          column_year: c.year ?? null,
          ...columnPeriod(c),
          value,
          ...amount(value, r.unit ?? tb.unit),
          value_status: cell.value_status,
          value_low: cell.value_low,
          value_high: cell.value_high,
          absent_reason: cell.absent_reason,
        });
      }
    }
  }
  return rows;
}

/** The rows of statements.csv: one per figure of the statements, with its entity from the column groups. */
function statementRows(prefix: string, statements: readonly TableFact[]): TableDef['rows'] {
  const rows: TableDef['rows'] = [];
  for (const { table: tb } of statements) {
    const entityOf = new Map<string, string>();
    for (const g of tb.columnGroups ?? []) for (const key of g.columns) if (g.entity) entityOf.set(key, g.entity);
    for (const r of tb.rows) {
      if (r.kind === 'heading') continue;
      for (const c of tb.columns) {
        const cell = cellValues(r.values[c.key], r.decimals ?? tb.decimals);
        const value = cell.value;
        rows.push({
          table_id: stableId(prefix, 'table', tb.id),
          statement: tb.role!,
          row_id: r.id,
          row_key: r.key ?? null,
          row_label: r.label,
          entity: entityOf.get(c.key) ?? null,
          column_key: c.key,
          column_kind: c.kind ?? null,
          ...columnPeriod(c),
          value,
          sign_convention: signConventionOf(tb) ?? null,
          ...amount(value, r.unit ?? tb.unit),
          value_status: cell.value_status,
          value_low: cell.value_low,
          value_high: cell.value_high,
          absent_reason: cell.absent_reason,
        });
      }
    }
  }
  return rows;
}

/** The decimals an explanation is written with: as many as its most precise amount has, as in the source. */
function explanationDecimals(e: DeviationExplanation): number {
  let decimals = decimalsOf(e.deviation);
  for (const item of e.items) decimals = Math.max(decimals, decimalsOf(item.amount));
  return decimals;
}

/** The number of decimals a number is written with. */
function decimalsOf(n: number): number {
  return (plainDecimal(n).split('.')[1] ?? '').length;
}

/** The CSV file (without `.csv`) that holds the cells of a table, by its role. */
export function tableFile(table: Pick<DataTable, 'role'>): string {
  return (table.role && ROLE_FILES[table.role]) ?? 'other_tables';
}

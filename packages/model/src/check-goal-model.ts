// Consistency rules of the goal model: assessment dimensions (declared once, exactly one
// overall, values on the scale), goal links (serves resolves to another goal or area),
// provenance (an inferred status says why) and comparison series (their members named).
import type { Report, Section, Area } from './report.js';
import type { Goal, Commitment } from './content.js';
import type { Indicator } from './indicator.js';
import type { DiagnosticCode } from './diagnostics.js';
import type { Provenance } from './goal-model.js';
import { overallDimension } from './goal-model.js';
import { closest } from './decode.js';

type Path = readonly (string | number)[];

/** A finding of these rules, placed and catalogued by the caller. */
export interface GoalModelFinding {
  code: DiagnosticCode;
  path: Path;
  message: string;
  expected?: string;
  found?: string;
  hint?: string;
}

/** Every goal and area of a report with its path, in document order. */
function collect(report: Report): { goals: { goal: Goal; path: Path }[]; areas: { area: Area; path: Path }[]; commitments: { commitment: Commitment; path: Path }[]; indicators: { indicator: Indicator; path: Path }[] } {
  const goals: { goal: Goal; path: Path }[] = [];
  const areas: { area: Area; path: Path }[] = [];
  const commitments: { commitment: Commitment; path: Path }[] = [];
  const indicators: { indicator: Indicator; path: Path }[] = [];
  const visitSection = (s: Section, path: Path): void => {
    if (s.type === 'text') s.sections?.forEach((c, i) => visitSection(c, [...path, 'sections', i]));
    else if (s.type === 'perspective') s.areas.forEach((a, i) => visitArea(a, [...path, 'areas', i]));
    else if (s.type === 'indicators') s.groups.forEach((g, gi) => g.indicators.forEach((ind, i) => indicators.push({ indicator: ind, path: [...path, 'groups', gi, 'indicators', i] })));
  };
  const visitArea = (a: Area, path: Path): void => {
    areas.push({ area: a, path });
    a.sections?.forEach((s, i) => visitSection(s, [...path, 'sections', i]));
    a.goals?.forEach((g, i) => {
      const gp = [...path, 'goals', i];
      goals.push({ goal: g, path: gp });
      g.indicators?.forEach((ind, k) => indicators.push({ indicator: ind, path: [...gp, 'indicators', k] }));
    });
    a.commitments?.forEach((c, i) => commitments.push({ commitment: c, path: [...path, 'commitments', i] }));
    a.endSections?.forEach((s, i) => visitSection(s, [...path, 'endSections', i]));
  };
  report.sections.forEach((s, i) => visitSection(s, ['sections', i]));
  return { goals, areas, commitments, indicators };
}

/** Checks the goal-model rules of a decoded report. */
export function checkGoalModel(report: Report): GoalModelFinding[] {
  const out: GoalModelFinding[] = [];
  const gov = report.governance;
  const dimensions = gov.dimensions ?? [];
  const dimensionKeys = dimensions.map((d) => d.key);
  const assessmentKeys = gov.assessment.map((s) => s.key);
  const { goals, areas, commitments, indicators } = collect(report);

  // --- dimensions ---
  if (dimensions.length > 0) {
    const overall = dimensions.filter((d) => d.overall === true);
    if (overall.length !== 1) {
      out.push({
        code: 'dimension-overall',
        path: ['governance', 'dimensions'],
        message: `${overall.length === 0 ? 'No' : overall.length} assessment dimension${overall.length === 1 ? ' is' : 's are'} marked overall: true; exactly one must be.`,
        expected: 'exactly one dimension with overall: true',
        found: overall.length === 0 ? 'none' : overall.map((d) => d.key).join(', '),
        hint: 'Mark the dimension that is the overall judgement (e.g. "Sammanvägd bedömning") with overall: true, and only that one.',
      });
    }
  }
  const overall = overallDimension(gov);
  for (const { goal, path } of goals) {
    for (const [key, value] of Object.entries(goal.assessments ?? {})) {
      const p = [...path, 'assessments', key];
      if (!dimensionKeys.includes(key)) {
        const s = closest(key, dimensionKeys);
        out.push({
          code: 'unknown-dimension',
          path: p,
          message: dimensions.length === 0 ? `"${goal.id}" gives an assessment for the dimension "${key}", but the governance vocabulary declares no dimensions.` : `"${key}" is not an assessment dimension of the governance vocabulary.`,
          expected: dimensions.length === 0 ? 'governance.dimensions declaring the dimension' : `one of ${dimensionKeys.map((k) => JSON.stringify(k)).join(', ')}`,
          found: JSON.stringify(key),
          hint: s ? `Did you mean "${s}"?` : 'Declare the dimension in governance.dimensions (key, label, overall), or use the goal\'s assessment.',
        });
        continue;
      }
      if (value !== null && !assessmentKeys.includes(value)) {
        out.push(scaleFinding(value, assessmentKeys, gov.assessment, p, gov.name));
      }
    }
    if (overall && goal.assessment !== undefined && goal.assessments && overall.key in goal.assessments && goal.assessments[overall.key] !== goal.assessment) {
      out.push({
        code: 'assessment-conflict',
        path: [...path, 'assessment'],
        message: `"${goal.id}" has assessment ${JSON.stringify(goal.assessment)} and the overall dimension "${overall.key}" ${JSON.stringify(goal.assessments[overall.key])}.`,
        expected: `${JSON.stringify(goal.assessments[overall.key])} (as assessments.${overall.key}) or no assessment`,
        found: JSON.stringify(goal.assessment),
        hint: `Remove assessment: the overall dimension "${overall.key}" is the goal's assessment.`,
      });
    }
  }

  // --- goal links ---
  const targets = new Set<string>([...goals.map((g) => g.goal.id), ...areas.map((a) => a.area.id)]);
  for (const { goal, path } of goals) {
    goal.serves?.forEach((id, i) => {
      if (id === goal.id || !targets.has(id)) {
        const s = id === goal.id ? undefined : closest(id, [...targets]);
        out.push({
          code: 'goal-link',
          path: [...path, 'serves', i],
          message: id === goal.id ? `The goal "${goal.id}" serves itself.` : `The goal "${goal.id}" serves "${id}", which is no goal or area of this report.`,
          expected: 'the id of another goal or area of this report',
          found: JSON.stringify(id),
          hint: s ? `Did you mean "${s}"?` : 'Write the id of the goal or area this goal serves; the goal itself is written once, in its home.',
        });
      }
    });
  }

  // --- provenance ---
  const provenance = (p: Provenance | undefined, path: Path, what: string) => {
    if (!p || p.basis === 'stated' || p.reason !== undefined) return;
    out.push({
      code: 'provenance-reason',
      path: [...path, 'provenance'],
      message: `The status of ${what} is marked ${p.basis} without a reason.`,
      expected: 'provenance.reason saying how the status was inferred or why it is unknown',
      found: 'no reason',
      hint: 'Add reason, e.g. "Härlett ur sammanfattningens antal" or "Källan anger ingen bedömning".',
    });
  };
  for (const { goal, path } of goals) provenance(goal.provenance, path, `"${goal.id}"`);
  for (const { area, path } of areas) provenance(area.provenance, path, `"${area.id}"`);
  for (const { commitment, path } of commitments) provenance(commitment.provenance, path, `"${commitment.id}"`);

  // --- comparisons ---
  for (const { indicator, path } of indicators) {
    indicator.comparisons?.forEach((c, i) => {
      const p = [...path, 'comparisons', i];
      if (c.of === 'group' && c.koladaGroupId === undefined && /kolada/i.test(c.source)) {
        out.push({ code: 'comparison-group', path: p, message: `The comparison "${c.label}" of "${indicator.name}" is a Kolada kommungrupp without its id.`, expected: 'koladaGroupId, e.g. "G124028"', found: 'none', hint: 'Add koladaGroupId with the group\'s id from Kolada.' });
      }
      if (c.of === 'municipalities' && (c.municipalities?.length ?? 0) === 0) {
        out.push({ code: 'comparison-group', path: p, message: `The comparison "${c.label}" of "${indicator.name}" names no kommuner.`, expected: 'municipalities: [Kommun A, Kommun B]', found: 'none', hint: 'List the kommuner the values are for.' });
      }
    });
  }
  return out;
}

/** An unknown step of the assessment scale, with a hint naming the key when its label was written. */
export function scaleFinding(value: string, keys: readonly string[], steps: readonly { key: string; label: string }[], path: Path, vocabulary: string, scale = 'assessment'): GoalModelFinding {
  const byLabel = steps.find((s) => s.label.toLowerCase() === value.toLowerCase());
  const suggestion = byLabel?.key ?? closest(value, keys);
  return {
    code: 'unknown-scale-key',
    path,
    message: `"${value}" is not a step of the ${scale} scale of the governance vocabulary "${vocabulary}".`,
    expected: `one of ${keys.map((k) => JSON.stringify(k)).join(', ')} or null`,
    found: JSON.stringify(value),
    hint: byLabel
      ? `"${value}" is the label readers see; write its key "${byLabel.key}".`
      : suggestion
        ? `Did you mean "${suggestion}"?`
        : 'Use a key of the scale, write null when the source does not state it, or add the step to governance.',
  };
}

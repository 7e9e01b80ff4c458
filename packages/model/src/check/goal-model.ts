// Rule family: the goal model. Assessment dimensions (declared once, exactly one overall,
// values on the scale), goal links (serves resolves to another goal or area), provenance
// (an inferred or unknown status says why) and comparison series (their members named).
import { closest } from '../decode.js';
import type { Provenance } from '../goal-model.js';
import { goalRuleStatus, indicatorRuleStatus, overallAssessment, overallDimension } from '../goal-model.js';
import type { ReportPath } from '../walk.js';
import type { CheckContext, Rules } from './context.js';
import { scaleKey } from './scales.js';

/** Reports dimensions, goal links, provenance and comparisons that do not hold together. */
export function goalModelRules(ctx: CheckContext): Rules {
  const gov = ctx.governance;
  const dimensions = gov.dimensions ?? [];
  const dimensionKeys = dimensions.map((d) => d.key);
  const overall = overallDimension(gov);
  // serves: may name a goal or area that comes later in the report: resolved once the walk is done.
  const targets = new Set<string>();
  const links: { goal: string; id: string; path: ReportPath }[] = [];

  const provenance = (p: Provenance | undefined, path: ReportPath, id: string) => {
    if (!p || p.basis === 'stated' || p.reason !== undefined) return;
    ctx.report('provenance-reason', { what: `"${id}"`, basis: p.basis }, [...path, 'provenance'], {
      expected: 'provenance.reason saying how the status was inferred or why it is unknown',
      found: 'no reason',
      hint: 'Add reason, e.g. "Härlett ur sammanfattningens antal" or "Källan anger ingen bedömning".',
    });
  };

  if (dimensions.length > 0) {
    const marked = dimensions.filter((d) => d.overall === true);
    if (marked.length !== 1)
      ctx.report('dimension-overall', { count: marked.length }, ['governance', 'dimensions'], {
        expected: 'exactly one dimension with overall: true',
        found: marked.length === 0 ? 'none' : marked.map((d) => d.key).join(', '),
        hint: 'Mark the dimension that is the overall judgement (e.g. "Sammanvägd bedömning") with overall: true, and only that one.',
      });
  }

  // The statuses a rule gives are keys of the assessment scale.
  gov.statusRule?.steps.forEach((s, i) => scaleKey(ctx, 'assessment', s.status, ['governance', 'statusRule', 'steps', i, 'status']));

  return {
    area: (a, path) => {
      targets.add(a.id);
      provenance(a.provenance, path, a.id);
    },
    goal: (g, path) => {
      targets.add(g.id);
      for (const [key, value] of Object.entries(g.assessments ?? {})) {
        const p = [...path, 'assessments', key];
        if (!dimensionKeys.includes(key)) {
          const s = closest(key, dimensionKeys);
          ctx.report('unknown-dimension', { goal: g.id, key, declared: dimensions.length > 0 }, p, {
            expected: dimensions.length === 0 ? 'governance.dimensions declaring the dimension' : `one of ${dimensionKeys.map((k) => JSON.stringify(k)).join(', ')}`,
            found: JSON.stringify(key),
            hint: s ? `Did you mean "${s}"?` : "Declare the dimension in governance.dimensions (key, label, overall), or use the goal's assessment.",
          });
          continue;
        }
        scaleKey(ctx, 'assessment', value, p);
      }
      if (overall && g.assessment !== undefined && g.assessments && overall.key in g.assessments && g.assessments[overall.key] !== g.assessment) {
        const value = g.assessments[overall.key] ?? null;
        ctx.report('assessment-conflict', { goal: g.id, assessment: String(g.assessment), dimension: overall.key, value }, [...path, 'assessment'], {
          expected: `${JSON.stringify(value)} (as assessments.${overall.key}) or no assessment`,
          found: JSON.stringify(g.assessment),
          hint: `Remove assessment: the overall dimension "${overall.key}" is the goal's assessment.`,
        });
      }
      g.serves?.forEach((id, i) => links.push({ goal: g.id, id, path: [...path, 'serves', i] }));
      provenance(g.provenance, path, g.id);
      if (g.assessmentRule !== undefined) {
        const ids = (g.indicators ?? []).map((i) => i.id);
        if (!gov.statusRule || !ids.includes(g.assessmentRule)) {
          const s = closest(g.assessmentRule, ids);
          ctx.report('status-rule-unresolved', { goal: g.id, rule: g.assessmentRule, why: !gov.statusRule ? 'no-rule' : 'no-indicator' }, [...path, 'assessmentRule'], {
            expected: !gov.statusRule ? 'governance.statusRule declaring the rule' : `the id of an indicator of this goal: ${ids.join(', ') || 'none'}`,
            found: JSON.stringify(g.assessmentRule),
            hint: !gov.statusRule
              ? 'Declare governance.statusRule (label, steps with status and atLeast), or type the assessment instead.'
              : s ? `Did you mean "${s}"?` : 'Name one of the goal\'s own indicators, with an outcome and a target in the report year.',
          });
        } else {
          const derived = goalRuleStatus(g, gov, ctx.periodYear);
          const typed = overallAssessment(g, gov);
          if (derived && typed != null && typed !== derived.status)
            ctx.report('status-disagrees-with-rule', { goal: g.id, typed, derived: derived.status, share: Math.round(derived.share * 10) / 10 }, [...path, 'assessmentRule'], {
              expected: `${JSON.stringify(derived.status)} (by the rule: ${gov.statusRule.label})`,
              found: JSON.stringify(typed),
            });
        }
      }
    },
    commitment: (c, path) => provenance(c.provenance, path, c.id),
    indicator: (ind, path) => {
      // An indicator's own status: a key of the assessment scale, typed or given by the rule.
      if (ind.assessment != null) scaleKey(ctx, 'assessment', ind.assessment, [...path, 'assessment']);
      if (ind.assessmentByRule) {
        if (!gov.statusRule)
          ctx.report('status-rule-unresolved', { goal: ind.id, rule: ind.id, why: 'no-rule' }, [...path, 'assessmentByRule'], {
            expected: 'governance.statusRule declaring the rule',
            found: 'assessmentByRule: true',
            hint: 'Declare governance.statusRule (label, steps with status and atLeast), or type the indicator\'s assessment instead.',
          });
        else {
          const derived = indicatorRuleStatus(ind, gov, ctx.periodYear);
          if (derived && ind.assessment != null && ind.assessment !== derived.status)
            ctx.report('status-disagrees-with-rule', { goal: ind.id, typed: ind.assessment, derived: derived.status, share: Math.round(derived.share * 10) / 10 }, [...path, 'assessment'], {
              expected: `${JSON.stringify(derived.status)} (by the rule: ${gov.statusRule.label})`,
              found: JSON.stringify(ind.assessment),
              hint: 'Check the status against the source; remove the typed assessment to publish what the rule gives, or remove assessmentByRule to keep the typed one.',
            });
        }
      }
      ind.comparisons?.forEach((c, i) => {
        const p = [...path, 'comparisons', i];
        if (c.of === 'group' && c.koladaGroupId === undefined && /kolada/i.test(c.source))
          ctx.report('comparison-group', { label: c.label, indicator: ind.name, missing: 'groupId' }, p, {
            expected: 'koladaGroupId, e.g. "G124028"',
            found: 'none',
            hint: "Add koladaGroupId with the group's id from Kolada.",
          });
        if (c.of === 'municipalities' && (c.municipalities?.length ?? 0) === 0)
          ctx.report('comparison-group', { label: c.label, indicator: ind.name, missing: 'municipalities' }, p, {
            expected: 'municipalities: [Kommun A, Kommun B]',
            found: 'none',
            hint: 'List the kommuner the values are for.',
          });
      });
    },
    done: () => {
      for (const { goal, id, path } of links) {
        if (id !== goal && targets.has(id)) continue;
        const s = id === goal ? undefined : closest(id, [...targets]);
        ctx.report('goal-link', { goal, id }, path, {
          expected: 'the id of another goal or area of this report',
          found: JSON.stringify(id),
          hint: s ? `Did you mean "${s}"?` : 'Write the id of the goal or area this goal serves; the goal itself is written once, in its home.',
        });
      }
    },
  };
}

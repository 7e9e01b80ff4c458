// Rule family: texts carried over from last period's report (`kommunrapport init --from`)
// and listed under revise: are warnings until the author revises them; an entry must name
// the summary, the decision or an id of a section, area, goal, commitment, event group, table,
// deviation explanation or indicator.
import type { CheckContext, Rules } from './context.js';

/** Reports every text still to be revised, and revise: entries that name nothing. */
export function reviseRules(ctx: CheckContext): Rules {
  const kinds = new Map<string, string>([['summary', 'the summary'], ['decision', 'the decision']]);
  for (const group of ctx.input.significantEvents ?? []) note(kinds, 'event group', group.id);
  return {
    section: (s) => note(kinds, 'section', s.id),
    area: (a) => note(kinds, 'area', a.id),
    goal: (g) => note(kinds, 'goal', g.id),
    commitment: (c) => note(kinds, 'commitment', c.id),
    table: (t) => note(kinds, 'table', t.id),
    deviation: (e) => note(kinds, 'deviation explanation', e.id),
    indicator: (i) => note(kinds, 'indicator', i.id),
    done: () =>
      ctx.input.revise?.forEach((id, i) => {
        const text = kinds.get(id);
        if (text === undefined) {
          ctx.report('unresolved-reference', { to: 'revise', id }, ['revise', i], {
            expected: 'the id of a section, area, goal, commitment, event group, table, deviation explanation or indicator, or summary or decision',
            found: JSON.stringify(id),
            hint: 'Remove the entry, or correct the id.',
          });
          return;
        }
        ctx.report('text-not-revised', { text }, ['revise', i], {
          expected: 'a text written for this period',
          found: "last period's text",
          hint: `Revise the text (or confirm it as it is), then remove "${id}" from revise:.`,
        });
      }),
  };
}

// At module level, not a closure made per report: V8 drops the optimised code of those at each
// full collection, and a batch would compile this again every few reports.
function note(kinds: Map<string, string>, kind: string, id: string): void {
  if (!kinds.has(id)) kinds.set(id, `${kind} "${id}"`);
}

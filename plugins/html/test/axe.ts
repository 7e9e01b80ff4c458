// Test helper: runs axe-core in a page with the WCAG 2.0/2.1 A and AA tags and
// best-practice, and writes violations out readably.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** The axe tags every page must pass. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** One violation as axe reports it, trimmed to what a reader needs. */
export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** Runs axe on the page and returns its violations and the number of rules that passed. */
export async function runAxe(page: Page): Promise<{ violations: Violation[]; passes: number }> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
      })),
    };
  }, AXE_TAGS);
}

/** Violations as lines of text, for an assertion message. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  at ${n.target}\n    ${n.summary.replace(/\n/g, '\n    ')}`).join('\n')}`)
    .join('\n');
}

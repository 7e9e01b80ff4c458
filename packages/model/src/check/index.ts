// Consistency rules over a decoded report, in families (one module each): ids, scale keys,
// references, single values, sums, the financial statements' reconciliation, periods, figures
// stated twice (sameAs), texts still to be revised and the goal model (dimensions, goal links,
// provenance, comparisons). Every family
// is a visitor; they share one walk of the report (walkReport), then finish in order.
import type { Report } from '../report.js';
import { formatPath, modelDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { Locate } from '../source.js';
import { combineVisitors, walkReport } from '../walk.js';
import type { CheckContext, RuleFamily } from './context.js';
import { idRules } from './ids.js';
import { scaleRules } from './scales.js';
import { referenceRules } from './references.js';
import { valueRules } from './values.js';
import { sumRules } from './sums.js';
import { periodRules } from './periods.js';
import { sameAsRules } from './same-as.js';
import { reviseRules } from './revise.js';
import { statementRules } from './statements.js';
import { goalModelRules } from './goal-model.js';

export { decimalsOf, tolerance } from './context.js';
export { parseFormula, type FormulaTerm } from './statements.js';
export type { CheckContext, FindingDetails, RuleFamily, Rules } from './context.js';

/** The rule families, in the order their findings are reported for each node. */
export const RULE_FAMILIES: readonly RuleFamily[] = [idRules, scaleRules, referenceRules, valueRules, sumRules, statementRules, periodRules, sameAsRules, reviseRules, goalModelRules];

/** Options of {@link checkReport}. */
export interface CheckOptions {
  /** File name put on every diagnostic. */
  file?: string;
  /** Maps a path to its line and column (from {@link parseYaml}). */
  locate?: Locate;
}

/** Checks the consistency rules of a decoded report and returns the findings. */
export function checkReport(report: Report, options: CheckOptions = {}): Diagnostic[] {
  const findings: Diagnostic[] = [];
  const ctx: CheckContext = {
    input: report,
    governance: report.governance,
    periodYear: report.period.year,
    report: (code, data, path, details = {}) => {
      const pos = options.locate?.(path);
      findings.push(
        modelDiagnostic(code, data, {
          path: formatPath(path),
          ...(options.file !== undefined ? { file: options.file } : {}),
          ...(pos ? { line: pos.line, column: pos.column } : {}),
          ...details,
        }),
      );
    },
  };
  const families = RULE_FAMILIES.map((family) => family(ctx));
  walkReport(report, combineVisitors(...families));
  for (const f of families) f.done?.();
  return findings;
}
